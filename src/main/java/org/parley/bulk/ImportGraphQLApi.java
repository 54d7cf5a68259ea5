package org.parley.bulk;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.write.PastDeadlineException;
import org.parley.write.UserError;
import org.parley.write.UserErrorCode;
import org.parley.write.WriteDeadline;

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
        // read here, on the request's context: the worker thread below has none
        Optional<Long> deadline = WriteDeadline.current();
        WriteDeadline.Commits commits = WriteDeadline.commits().orElseGet(WriteDeadline.Commits::new);
        return identity.getDeferredIdentity().chain(current -> Uni.createFrom()
                .item(() -> run(input.lines, current.getPrincipal().getName(), deadline, commits))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private ImportDataPayload run(String lines, String subject, Optional<Long> deadline,
            WriteDeadline.Commits commits) {
        ImportReport report;
        try {
            report = deadline.isPresent()
                    ? bulk.importLines(new StringReader(lines), subject, deadline.get(), commits)
                    : bulk.importLines(new StringReader(lines), subject);
        } catch (PastDeadlineException e) {
            throw e;
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
