package org.parley.read;

import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Tuple;

/** Collects the arguments of a statement built piece by piece and hands out their {@code $n} placeholders. */
public final class SqlArgs {

    private final List<Object> values = new ArrayList<>();

    public SqlArgs() {
    }

    public SqlArgs(Object first) {
        add(first);
    }

    /** Adds a value; returns its placeholder. */
    public String add(Object value) {
        values.add(value);
        return "$" + values.size();
    }

    public Tuple tuple() {
        return Tuple.from(values);
    }
}
