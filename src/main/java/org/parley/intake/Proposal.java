package org.parley.intake;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.PartialDate;
import org.parley.statement.StatementKind;

@Type("IntakeProposal")
@Description("What the intake proposes from a span of the article: the editor accepts, edits or leaves it."
        + " Offsets count UTF-16 code units of the text as given (as JavaScript strings do), `end` exclusive, so"
        + " that `text.substring(start, end)` is the span in any language.")
public class Proposal {

    @NonNull
    @Description("The proposal's ID within its intake (\"p1\", \"p2\", ...), in the order of the text.")
    public String id;

    @NonNull
    @Description("What the words are.")
    public ProposalKind kind;

    @Description("Offset of the span's first character.")
    public int start;

    @Description("Offset just after the span's last character.")
    public int end;

    @NonNull
    @Description("The span's text: for a QUOTE the words inside the quotation marks (paragraphs of a quote that"
            + " runs across paragraphs joined by a space), for REPORTED_SPEECH the reporting sentence.")
    public String text = "";

    @Description("How sure the proposal is, from 0 to 1.")
    public double confidence;

    @Description("Offset of the first character of the excerpt an attestation would quote (the sentence around"
            + " the span); null for DATE and SOURCE.")
    public Integer excerptStart;

    @Description("Offset just after the excerpt; null with `excerptStart`.")
    public Integer excerptEnd;

    @Description("For QUOTE, QUOTED_PHRASE and REPORTED_SPEECH: who said it.")
    public ProposedActor speaker;

    @Description("For QUOTE, QUOTED_PHRASE and REPORTED_SPEECH: the kind of statement the reporting verb suggests"
            + " (denied: DENIAL, invited: INVITATION, pledged: PLEDGE, accused: ALLEGATION); CLAIM when it"
            + " suggests none.")
    public StatementKind statementKind;

    @Description("For DATE: the date resolved against the publication date, with its precision and, where the"
            + " day is uncertain, its interval. For a statement or encounter: the date the same sentence gives.")
    public PartialDate date;

    @Description("For DATE: the expression as printed relative to the report (\"on Thursday\"): true when the"
            + " publication date was needed to resolve it.")
    public boolean relative;

    @Description("For ENCOUNTER: who met whom, where, when.")
    public ProposedEncounter encounter;

    @Description("For SOURCE: true when a recorded source has the same normalised URL (the field `source` of the"
            + " intake names it).")
    public boolean matchesRecordedSource;

    /** A quote without attribution of its own that took the previous quote's speaker. */
    @Ignore
    public boolean speakerCarried;

    /** The recorded source with the same URL key, for SOURCE. */
    @Ignore
    public Long sourceId;

    public Proposal() {
    }

    Proposal(ProposalKind kind, int start, int end, String text, double confidence) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.text = text;
        this.confidence = confidence;
    }

    void excerpt(int from, int to) {
        excerptStart = from;
        excerptEnd = to;
    }
}
