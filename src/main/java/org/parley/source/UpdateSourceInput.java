package org.parley.source;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.api.PartialDateInput;

@Input("UpdateSourceInput")
@Description("Corrections to a source. A field left out keeps its value; a field given as null clears it (every"
        + " field of a source may be unknown). A change that changes nothing is no change: same version, no entry"
        + " in `changes`.")
public class UpdateSourceInput {

    @Id
    @NonNull
    @Description("The source to correct.")
    public String id;

    @Description("The `version` the change is based on: if the source changed since, the update is refused with"
            + " CONFLICT and changes nothing. Left out, the change applies to whatever version is current.")
    public Integer version;

    @Size(min = 1, max = 500)
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank: give null when the source prints no headline")
    @Description("The headline as printed; null when it prints none.")
    public String title;

    @Size(min = 1, max = 200)
    @Description("Who published it.")
    public String publisher;

    @Size(min = 1, max = 200)
    @Description("The byline as printed.")
    public String author;

    @Size(max = 2000)
    @Pattern(regexp = "(?i)https?://[^\\s/$.?#][^\\s]*", message = "must be an http or https address")
    @Description("Address of the article, kept as given; compared normalised as in `addSource`.")
    public String url;

    @Description("When it was first published, with the time zone the article prints. Given alone, its date becomes"
            + " `publishedOn` (DAY); cleared alone, `publishedOn` stays.")
    public OffsetDateTime publishedAt;

    @Description("The publication date as precisely as the article gives it; it must contain the date of"
            + " `publishedAt`, and can be cleared only with it.")
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
