package org.parley.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.DatePrecision;
import org.parley.api.PartialDate;
import org.parley.encounter.Encounter;
import org.parley.read.PageRequest;
import org.parley.read.Related;
import org.parley.read.ToOne;
import org.parley.statement.Statement;

import io.vertx.mutiny.sqlclient.Row;

@Type("Disagreement")
@Description("A fact of an encounter, a statement or an agreement on which its sources disagree, with each version"
        + " they give. The sources' own accounts, excerpts included, are the record's `attestations`.")
public class Disagreement extends Related {

    @Ignore
    public Long encounterId;

    @Ignore
    public Long statementId;

    /** The agreement's ID when the disagreement is on an agreement: its field is the agreement package's. */
    @Ignore
    public Long agreementId;

    @NonNull
    @Description("What the sources disagree on.")
    public DisagreementFact fact;

    @Description("The date recorded for the encounter (its start), the statement (`saidOn`) or the agreement (the"
            + " date of its first step): the editor's resolution; null when none is recorded.")
    public PartialDate recordedDate;

    /** The distinct versions, earliest first, at most {@link PageRequest#MAX_FIRST}: the field {@code versions}. */
    @Ignore
    public List<PartialDate> versions;

    /** The to-one fields a batch read can read ahead. */
    static final List<ToOne> TO_ONE = List.of(Encounter.relation("encounter", "encounter_id"),
            Statement.relation("statement", "statement_id"));

    static Disagreement from(Row row) {
        Disagreement disagreement = new Disagreement();
        disagreement.fact = DisagreementFact.DATE;
        disagreement.encounterId = row.getLong("encounter_id");
        disagreement.statementId = row.getLong("statement_id");
        disagreement.agreementId = row.getLong("agreement_id");
        disagreement.recordedDate = PartialDate.from(row, "recorded_date", "recorded_precision");
        List<PartialDate> versions = new ArrayList<>();
        for (String version : row.getArrayOfStrings("versions")) {
            // "YYYY-MM-DD PRECISION", as DisagreementRepository aggregates them
            String[] parts = version.split(" ");
            versions.add(new PartialDate(LocalDate.parse(parts[0]), DatePrecision.valueOf(parts[1])));
        }
        disagreement.versions = versions;
        return disagreement;
    }
}
