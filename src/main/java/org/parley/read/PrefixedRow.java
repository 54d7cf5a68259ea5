package org.parley.read;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * The columns of a row whose names start with a prefix, under their names without it: a related object read ahead
 * into its parent's row ({@link Lookahead}) is mapped by its type's usual {@code from(Row)}.
 */
final class PrefixedRow implements Row {

    private final Row row;
    private final String prefix;

    PrefixedRow(Row row, String prefix) {
        this.row = row;
        this.prefix = prefix;
    }

    @Override
    public int getColumnIndex(String column) {
        return row.getColumnIndex(prefix + column);
    }

    @Override
    public String getColumnName(int pos) {
        return row.getColumnName(pos);
    }

    @Override
    public Object getValue(int pos) {
        return row.getValue(pos);
    }

    // the typed reads go to the driver's row, which decodes them as it does for any row
    @Override
    public String getString(int pos) {
        return row.getString(pos);
    }

    @Override
    public Long getLong(int pos) {
        return row.getLong(pos);
    }

    @Override
    public Integer getInteger(int pos) {
        return row.getInteger(pos);
    }

    @Override
    public Double getDouble(int pos) {
        return row.getDouble(pos);
    }

    @Override
    public Boolean getBoolean(int pos) {
        return row.getBoolean(pos);
    }

    @Override
    public LocalDate getLocalDate(int pos) {
        return row.getLocalDate(pos);
    }

    @Override
    public OffsetDateTime getOffsetDateTime(int pos) {
        return row.getOffsetDateTime(pos);
    }

    @Override
    public Tuple addValue(Object value) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public int size() {
        return row.size();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public List<Class<?>> types() {
        return row.types();
    }
}
