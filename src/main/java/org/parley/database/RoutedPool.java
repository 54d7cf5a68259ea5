package org.parley.database;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.TypeArg;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedQuery;
import io.vertx.mutiny.sqlclient.Query;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The {@code @Reads} pool when a read replica is set: {@link #query} and {@link #preparedQuery} (all the reads use)
 * run on the replica when {@link ReadReplica#replicaFirst()} says so, with the fallback to the primary; otherwise, and
 * for everything else a pool offers (connections, transactions), it is the primary's pool.
 */
final class RoutedPool extends Pool {

    @SuppressWarnings("unchecked")
    private static final TypeArg<RowSet<Row>> ROWS = new TypeArg<>(
            rows -> RowSet.newInstance((io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>) rows),
            RowSet::getDelegate);

    private final Pool primary;
    private final Pool replica;
    private final ReadReplica route;

    RoutedPool(Pool primary, Pool replica, ReadReplica route) {
        super(primary.getDelegate());
        this.primary = primary;
        this.replica = replica;
        this.route = route;
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
        if (!route.replicaFirst()) {
            return primary.preparedQuery(sql);
        }
        PreparedQuery<RowSet<Row>> onReplica = replica.preparedQuery(sql);
        return new PreparedQuery<>(onReplica.getDelegate(), ROWS) {
            @Override
            public Uni<RowSet<Row>> execute(Tuple arguments) {
                return route.read(onReplica.execute(arguments), () -> primary.preparedQuery(sql).execute(arguments));
            }

            @Override
            public Uni<RowSet<Row>> execute() {
                return route.read(onReplica.execute(), () -> primary.preparedQuery(sql).execute());
            }
        };
    }

    @Override
    public Query<RowSet<Row>> query(String sql) {
        if (!route.replicaFirst()) {
            return primary.query(sql);
        }
        Query<RowSet<Row>> onReplica = replica.query(sql);
        return new Query<>(onReplica.getDelegate(), ROWS) {
            @Override
            public Uni<RowSet<Row>> execute() {
                return route.read(onReplica.execute(), () -> primary.query(sql).execute());
            }
        };
    }
}
