package org.parley.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.database.Reads;
import org.parley.read.Page;
import org.parley.read.PageRequest;
import org.parley.read.Paging;
import org.parley.read.SqlArgs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads intakes through the reactive pool, one statement per call whatever the number of intakes. */
@ApplicationScoped
class IntakeRepository {

    private final Pool pool;
    private final IntakeJson json;

    IntakeRepository(@Reads Pool pool, IntakeJson json) {
        this.pool = pool;
        this.json = json;
    }

    Intake from(Row row) {
        return Intake.from(row, json::accepted);
    }

    /** Newest first. */
    Uni<Page<Intake>> list(PageRequest request) {
        return Paging.page(pool, Intake.COLUMNS, "from intake i", "i.created_at desc, i.id desc", new SqlArgs(),
                request, this::from);
    }

    Uni<Intake> byId(long id) {
        return pool.preparedQuery("select " + Intake.COLUMNS + " from intake i where i.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? from(rows.iterator().next()) : null);
    }

    /** Each intake's proposals, in one statement (none for no ids). */
    Uni<Map<Long, List<Proposal>>> proposals(Long[] ids) {
        if (ids.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select id, proposals::text as proposals from intake where id = any($1)")
                .execute(Tuple.of((Object) ids)).map(rows -> {
                    Map<Long, List<Proposal>> byId = new HashMap<>();
                    rows.forEach(row -> byId.put(row.getLong("id"), json.proposals(row.getString("proposals"))));
                    return byId;
                });
    }

    /** Each intake's text (null once closed), in one statement (none for no ids). */
    Uni<Map<Long, String>> texts(Long[] ids) {
        if (ids.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select id, text from intake where id = any($1)").execute(Tuple.of((Object) ids))
                .map(rows -> {
                    Map<Long, String> byId = new HashMap<>();
                    rows.forEach(row -> byId.put(row.getLong("id"), row.getString("text")));
                    return byId;
                });
    }

    static <T> List<T> aligned(List<Intake> intakes, Map<Long, T> byId) {
        List<T> out = new ArrayList<>(intakes.size());
        intakes.forEach(i -> out.add(byId.get(i.dbId)));
        return out;
    }
}
