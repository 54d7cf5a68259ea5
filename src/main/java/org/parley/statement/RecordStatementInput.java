package org.parley.statement;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.api.PartialDateInput;
import org.parley.provenance.AttestationInput;

@Input("RecordStatementInput")
@Description("A new statement with its speaker (an actor, or a description) and at least one source that reports it.")
public class RecordStatementInput {

    @NonNull
    @NotBlank
    @Size(max = 4000)
    @Description("The words: exactly as printed for VERBATIM, a faithful rendering for PARAPHRASE.")
    public String text;

    @NonNull
    @Description("Whether `text` is the speaker's own words.")
    public StatementMode mode;

    @NonNull
    @Description("What the statement does.")
    public StatementKind kind;

    @Id
    @Description("The speaker, when a known actor. Give a speaker, a speakerLabel, or both.")
    public String speaker;

    @Size(min = 1, max = 300)
    @Description("The speaker as the source describes them, e.g. \"a senior State Department official\".")
    public String speakerLabel;

    @Description("When it was said.")
    public PartialDateInput saidOn;

    @Id
    @Description("The encounter at which it was said.")
    public String encounter;

    @Id
    @Description("The actors it is about; at most `parley.limits.max-statement-about` (100 by default).")
    public List<String> about;

    @Id
    @Description("The encounters it is about (the summit whose agreements it sums up, the visit it announces);"
            + " at most `parley.limits.max-statement-about` (100 by default).")
    public List<String> aboutEncounters;

    @Id
    @Description("The agreements it is about (the treaty it hails, the accord it denounces); at most"
            + " `parley.limits.max-statement-about` (100 by default).")
    public List<String> aboutAgreements;

    @Id
    @Description("The sources it is about (the report it calls fabricated); at most"
            + " `parley.limits.max-statement-about` (100 by default).")
    public List<String> aboutSources;

    @Id
    @Description("The statements it comments on (distinct from `respondsTo`, the one it answers); at most"
            + " `parley.limits.max-statement-about` (100 by default).")
    public List<String> aboutStatements;

    @Valid
    @Description("For an INVITATION or ANNOUNCEMENT: the encounter it announces, recorded in the same mutation as"
            + " PLANNED, attested by this statement's sources, and added to `aboutEncounters`. To point at an"
            + " encounter already recorded, give it in `aboutEncounters` instead.")
    public AnnouncedEncounterInput announces;

    @Id
    @Description("The statement it answers (what a denial denies).")
    public String respondsTo;

    @NonNull
    @Size(min = 1, max = 50, message = "needs at least one attestation: which source says so")
    @Description("The sources that report it, one attestation per source.")
    public List<@NonNull @Valid AttestationInput> attestations;
}
