package org.parley.intake;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.PartialDate;
import org.parley.statement.StatementKind;

import com.fasterxml.jackson.annotation.JsonIgnore;

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
            + " the span); null for DATE, SOURCE, ACTOR_MENTION and PLACE_MENTION.")
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

    @Description("For ACTOR_MENTION: the actor named, matched to a recorded one (EXISTING, the field `actor`"
            + " reads it) or NEW; its offsets are those of the first mention.")
    public ProposedActor mentioned;

    @Description("For PLACE_MENTION: the place named, matched to a recorded one or new.")
    public ProposedPlace place;

    /** Every mention's span (the GraphQL field {@code mentions(first:)} pages it), at most {@code MAX_MENTION_SPANS}. */
    @Ignore
    public List<MentionSpan> mentions = new ArrayList<>();

    @Description("For ACTOR_MENTION and PLACE_MENTION: how many times the article names it (`mentions` keeps the"
            + " offsets of the first " + ArticleAnalyzer.MAX_MENTION_SPANS + "); 0 for other kinds.")
    public int mentionCount;

    /**
     * A mention proposal whose name reads as no actor unless one is recorded (a nationality adjective, a single
     * word only ever opening a sentence): dropped when it matches nothing. Not kept with the intake.
     */
    @Ignore
    @JsonIgnore
    public boolean weak;

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
