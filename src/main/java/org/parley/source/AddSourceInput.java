package org.parley.source;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.parley.api.PartialDateInput;

@Input("AddSourceInput")
@Description("A new source: an article or document that reports encounters and statements.")
public class AddSourceInput {

    @Size(min = 1, max = 500)
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank: leave it out when the source prints no headline")
    @Description("The headline as printed; leave it out when the source prints none (a live blog post).")
    public String title;

    @Size(min = 1, max = 200)
    @Description("Who published it.")
    public String publisher;

    @Size(min = 1, max = 200)
    @Description("The byline as printed.")
    public String author;

    @Size(max = 2000)
    @Pattern(regexp = "(?i)https?://[^\\s/$.?#][^\\s]*", message = "must be an http or https address")
    @Description("Address of the article, kept as given. No two sources share one, compared after normalising:"
            + " scheme and host in lower case, http as https, without trailing slash, fragment or utm_* parameters,"
            + " the other parameters in sorted order.")
    public String url;

    @Description("When it was first published, with the time zone the article prints. Its date in that time zone"
            + " becomes `publishedOn` (DAY). Leave it out when the article prints no time and give `publishedOn`.")
    public OffsetDateTime publishedAt;

    @Description("The publication date as precisely as the article gives it (a day, a month or a year), for pages"
            + " that print no time. With `publishedAt` too, it must contain that time's date.")
    public PartialDateInput publishedOn;

    @Description("When it was last updated.")
    public OffsetDateTime updatedAt;

    @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]+)*", message = "must be a language code such as en or pt-BR")
    @Description("Language of the article (BCP 47 code, e.g. \"en\").")
    public String language;

    @Size(max = 2000)
    @Description("Why and how far to trust this source.")
    public String reliabilityNote;
}
