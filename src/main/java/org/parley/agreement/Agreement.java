package org.parley.agreement;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.GlobalId;
import org.parley.api.Node;
import org.parley.read.Related;
import org.parley.api.NodeType;

import io.vertx.mutiny.sqlclient.Row;

@Type("Agreement")
@Description("A treaty, memorandum, joint statement or other instrument agreed between actors, with the steps of its"
        + " life (signed, ratified, in force...) and the sources that report it.")
public class Agreement extends Related implements Node {

    @Ignore
    public long dbId;

    @Ignore
    public Long signedAtId;

    @NonNull
    @Description("The title, as the parties or the sources give it.")
    public String title;

    @NonNull
    @Description("What kind of instrument it is.")
    public AgreementKind kind;

    @Description("What it provides, in a few sentences.")
    public String summary;

    @Description("The status of its latest step (the last of `steps`); null while no step is recorded.")
    public AgreementStatus status;

    @Description("Incremented by every accepted change; an update names the version it is based on.")
    public int version;

    @NonNull
    @Description("When this record last changed in Parley (filter lists with `updatedSince` to sync).")
    public OffsetDateTime changedAt;

    @Override
    @Id
    @NonNull
    @Description("Opaque global ID; `node(id:)` resolves it.")
    public String getId() {
        return GlobalId.encode(NodeType.AGREEMENT, dbId);
    }

    /** Columns {@link #from(Row)} reads; the table is aliased {@code ag}. The status is that of the last step. */
    public static final String COLUMNS = "ag.id, ag.kind, ag.title, ag.summary, ag.signed_at_id, ag.version,"
            + " ag.modified_at, (select st.status from agreement_step st where st.agreement_id = ag.id"
            + " order by st.position desc limit 1) as status";

    /** By title, then id. */
    public static final String ORDER = "lower(ag.title), ag.id";

    public static Agreement from(Row row) {
        Agreement agreement = new Agreement();
        agreement.dbId = row.getLong("id");
        agreement.kind = AgreementKind.valueOf(row.getString("kind"));
        agreement.title = row.getString("title");
        agreement.summary = row.getString("summary");
        agreement.signedAtId = row.getLong("signed_at_id");
        String status = row.getString("status");
        agreement.status = status == null ? null : AgreementStatus.valueOf(status);
        agreement.version = row.getInteger("version");
        agreement.changedAt = row.getOffsetDateTime("modified_at");
        return agreement;
    }
}
