package org.parley.read;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * One item of a list folded into its parent's statement ({@link ToMany}), read as a row: PostgreSQL's
 * {@code row_to_json} of the row a batch read would have returned, so that the item's type maps it with its usual
 * {@code from(Row)}. The typed reads give what the driver gives for the same column: a timestamp in UTC, as the
 * driver decodes it whatever the session's time zone, in which JSON writes it.
 */
final class JsonRow implements Row {

    private final JsonObject object;
    private final String[] names;
    private final Map<String, Integer> columns;

    /** @param names the objects' keys, in order; {@code columns} the index of each */
    JsonRow(JsonObject object, String[] names, Map<String, Integer> columns) {
        this.object = object;
        this.names = names;
        this.columns = columns;
    }

    @Override
    public int getColumnIndex(String column) {
        Integer index = columns.get(column);
        return index == null ? -1 : index;
    }

    @Override
    public String getColumnName(int pos) {
        return names[pos];
    }

    @Override
    public Object getValue(int pos) {
        return object.getValue(names[pos]);
    }

    @Override
    public String getString(int pos) {
        Object value = getValue(pos);
        return value == null ? null : value.toString();
    }

    @Override
    public Long getLong(int pos) {
        Object value = getValue(pos);
        return value == null ? null : ((Number) value).longValue();
    }

    @Override
    public Integer getInteger(int pos) {
        Object value = getValue(pos);
        return value == null ? null : ((Number) value).intValue();
    }

    @Override
    public Double getDouble(int pos) {
        Object value = getValue(pos);
        return value == null ? null : ((Number) value).doubleValue();
    }

    @Override
    public Boolean getBoolean(int pos) {
        return (Boolean) getValue(pos);
    }

    @Override
    public LocalDate getLocalDate(int pos) {
        Object value = getValue(pos);
        return value == null ? null : LocalDate.parse((String) value);
    }

    @Override
    public OffsetDateTime getOffsetDateTime(int pos) {
        Object value = getValue(pos);
        return value == null ? null : OffsetDateTime.parse((String) value).withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Override
    public String[] getArrayOfStrings(int pos) {
        Object value = getValue(pos);
        if (value == null) {
            return null;
        }
        JsonArray array = (JsonArray) value;
        String[] strings = new String[array.size()];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = array.getString(i);
        }
        return strings;
    }

    @Override
    public Tuple addValue(Object value) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public List<Class<?>> types() {
        throw new UnsupportedOperationException("not known from JSON");
    }
}
