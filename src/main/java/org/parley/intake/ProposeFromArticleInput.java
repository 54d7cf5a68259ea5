package org.parley.intake;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ProposeFromArticleInput")
@Description("An article to read: its text as pasted and what is known of it.")
public class ProposeFromArticleInput {

    @Size(max = 2000)
    @Pattern(regexp = "(?i)https?://[^\\s/$.?#][^\\s]*", message = "must be an http or https address")
    @Description("The article's address. A recorded source with the same address, once normalised as sources'"
            + " addresses are, is proposed as its source.")
    public String url;

    @Size(min = 1, max = 500)
    @Description("The headline.")
    public String title;

    @Size(min = 1, max = 200)
    @Description("Who published it.")
    public String publisher;

    @Size(max = 40)
    @Description("When it was published: a date (YYYY-MM-DD) or a date-time with its offset"
            + " (2018-06-01T15:19:00+05:30). Relative dates (\"on Thursday\", \"last month\") are resolved against"
            + " its date as printed; without it only dates that name their year are.")
    public String published;

    @NonNull
    @NotNull
    @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]+)*", message = "must be a language code such as en or pt-BR")
    @Description("The article's language (BCP 47 code, e.g. \"en\").")
    public String language;

    @NonNull
    @NotNull
    @Description("The article's text, paragraphs on lines of their own; at most `parley.intake.max-text-length`"
            + " characters (200,000 by default), no control characters but line breaks and tabs.")
    public String text;
}
