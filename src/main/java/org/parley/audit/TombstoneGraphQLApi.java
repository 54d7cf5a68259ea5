package org.parley.audit;

import java.time.OffsetDateTime;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Query;
import org.parley.database.Reads;
import org.parley.read.ListCount;
import org.parley.read.PageRequest;
import org.parley.read.Paging;
import org.parley.read.SqlArgs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The deletions half of the change feed: a client that keeps a copy reads the lists with {@code updatedSince} for
 * what changed and {@code tombstones(deletedSince:)} for what disappeared. Open, like every read.
 */
@GraphQLApi
public class TombstoneGraphQLApi {

    private final Pool pool;

    TombstoneGraphQLApi(@Reads Pool pool) {
        this.pool = pool;
    }

    @Query
    @NonNull
    @Description("Deleted and merged objects, oldest deletion first. `deletedSince` keeps those deleted at or after"
            + " that time. `first` defaults to 20, at most 100.")
    public Uni<TombstoneConnection> tombstones(
            @Name("deletedSince") @Description("Only objects deleted at or after this time.") OffsetDateTime deletedSince,
            @Name("first") @Description("Page size: 20 if left out, at most 100.") Integer first,
            @Name("after") @Description("The cursor to read on from.") String after) {
        SqlArgs args = new SqlArgs();
        String where = deletedSince == null ? "" : " where t.deleted_at >= " + args.add(deletedSince);
        return Paging.page(pool, Tombstone.COLUMNS, Tombstone.FROM + where, Tombstone.ORDER, args,
                PageRequest.of(first, after), Tombstone::from).map(TombstoneConnection::new);
    }

    @NonNull
    @Description("How many tombstones the whole list holds.")
    public Uni<List<Integer>> totalCount(@Source List<TombstoneConnection> connections) {
        return ListCount.of(connections, TombstoneConnection::page);
    }
}
