package org.parley.read;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.vertx.sqlclient.Row;

/**
 * Some columns of a row under names of their own: those of a related object read ahead into its parent's row
 * ({@link Lookahead}) without their {@code "laN."} prefix, so that its type's usual {@code from(Row)} maps it; and the
 * parent's own columns by a hashed index rather than the driver's scan of every column name.
 */
final class PrefixedRow extends NamedColumns {

    private final Row row;

    /** @param columns the index in {@code row} of each column name this row answers to */
    PrefixedRow(Row row, Map<String, Integer> columns) {
        super(columns);
        this.row = row;
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
    public String[] getArrayOfStrings(int pos) {
        return row.getArrayOfStrings(pos);
    }

    @Override
    public int size() {
        return row.size();
    }

    @Override
    public List<Class<?>> types() {
        return row.types();
    }
}
