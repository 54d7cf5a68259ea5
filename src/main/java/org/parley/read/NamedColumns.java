package org.parley.read;

import java.util.Map;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * A read-only row whose columns are found by name in a map built once per statement (or per folded list), rather
 * than by the driver's scan of every column name: the base of the rows {@link Lookahead} hands to the types'
 * {@code from(Row)}.
 */
abstract class NamedColumns implements Row {

    private final Map<String, Integer> columns;

    /** @param columns the position of each column name this row answers to */
    NamedColumns(Map<String, Integer> columns) {
        this.columns = columns;
    }

    @Override
    public final int getColumnIndex(String column) {
        Integer index = columns.get(column);
        return index == null ? -1 : index;
    }

    @Override
    public final Tuple addValue(Object value) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public final void clear() {
        throw new UnsupportedOperationException("read-only");
    }
}
