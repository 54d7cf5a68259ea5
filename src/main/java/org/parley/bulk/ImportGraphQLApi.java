package org.parley.bulk;

import java.io.StringReader;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.write.UserError;
import org.parley.write.UserErrorCode;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** {@code importData}: the importer for a few lines at a time, through GraphQL. */
@GraphQLApi
public class ImportGraphQLApi {

    private final BulkService bulk;
    private final CurrentIdentityAssociation identity;

    ImportGraphQLApi(BulkService bulk, CurrentIdentityAssociation identity) {
        this.bulk = bulk;
        this.identity = identity;
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Imports lines in the format of `POST /import` (docs/IMPORT.md): records are created or updated by"
            + " their keys, all or nothing, and importing the same lines again changes nothing. Needs the role"
            + " editor. For whole files use `POST /import`, which streams them.")
    public Uni<ImportDataPayload> importData(@Name("input") @NonNull ImportDataInput input) {
        return identity.getDeferredIdentity().chain(current -> Uni.createFrom()
                .item(() -> run(input.lines, current.getPrincipal().getName()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private ImportDataPayload run(String lines, String subject) {
        ImportReport report;
        try {
            report = bulk.importLines(new StringReader(lines), subject);
        } catch (Exception e) {
            throw new IllegalStateException("Import failed", e);
        }
        ImportDataPayload payload = new ImportDataPayload();
        payload.report = report;
        payload.userErrors = report.rejections.stream().map(r -> new UserError(
                List.of("input", "lines", String.valueOf(r.line)), "line " + r.line + ": " + r.message,
                r.reason == ImportRejectionReason.UNKNOWN_REFERENCE ? UserErrorCode.NOT_FOUND : UserErrorCode.INVALID))
                .toList();
        return payload;
    }
}
