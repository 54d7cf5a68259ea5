package org.parley.read;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;


/**
 * One item of a list folded into its parent's statement ({@link ToMany}), read as a row: PostgreSQL's
 * {@code row_to_json} of the row a batch read would have returned, so that the item's type maps it with its usual
 * {@code from(Row)}. The typed reads give what the driver gives for the same column: a timestamp in UTC, as the
 * driver decodes it whatever the session's time zone, in which JSON writes it.
 */
final class JsonRow extends NamedColumns {

    private final Object[] values;
    private final String[] names;

    /** @param values one item's values in the order of {@code names}; {@code columns} the index of each name */
    JsonRow(Object[] values, String[] names, Map<String, Integer> columns) {
        super(columns);
        this.values = values;
        this.names = names;
    }

    @Override
    public String getColumnName(int pos) {
        return names[pos];
    }

    @Override
    public Object getValue(int pos) {
        return values[pos];
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
        return value == null ? null : date((String) value);
    }

    @Override
    public OffsetDateTime getOffsetDateTime(int pos) {
        Object value = getValue(pos);
        return value == null ? null : timestamp((String) value);
    }

    /**
     * PostgreSQL's JSON date, {@code 2024-06-19}, read directly (the formatter's parse was a tenth of an actor
     * page's CPU); any other form (a year past 9999, BC) through {@link LocalDate#parse}.
     */
    static LocalDate date(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /**
     * PostgreSQL's JSON timestamp with time zone, {@code 2024-06-19T10:00:00.123456+03:00}, read directly, in UTC as
     * the driver gives it; any other form through {@link OffsetDateTime#parse}.
     */
    static OffsetDateTime timestamp(String text) {
        int length = text.length();
        if (length >= 25 && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && text.charAt(length - 3) == ':') {
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nanos = 0;
            int end = length - 6; // the offset: +HH:MM
            if (text.charAt(19) == '.') {
                int fraction = digits(text, 20, end);
                int places = end - 20;
                if (fraction < 0 || places > 9) {
                    return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
                }
                nanos = fraction;
                for (int i = places; i < 9; i++) {
                    nanos *= 10;
                }
            } else if (end != 19) {
                return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
            }
            char sign = text.charAt(end);
            int offsetHours = digits(text, end + 1, end + 3);
            int offsetMinutes = digits(text, end + 4, end + 6);
            if (hour >= 0 && minute >= 0 && second >= 0 && (sign == '+' || sign == '-') && offsetHours >= 0
                    && offsetMinutes >= 0) {
                int offset = (offsetHours * 3600 + offsetMinutes * 60) * (sign == '-' ? -1 : 1);
                return OffsetDateTime.of(date(text.substring(0, 10)), java.time.LocalTime.of(hour, minute, second, nanos),
                        ZoneOffset.ofTotalSeconds(offset)).withOffsetSameInstant(ZoneOffset.UTC);
            }
        }
        return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The number written in {@code text} from {@code start} to {@code end}, or -1 if anything there is not a digit. */
    private static int digits(String text, int start, int end) {
        if (start >= end || end > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    @Override
    public String[] getArrayOfStrings(int pos) {
        Object value = getValue(pos);
        if (value == null) {
            return null;
        }
        List<?> list = (List<?>) value;
        String[] strings = new String[list.size()];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = (String) list.get(i);
        }
        return strings;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public List<Class<?>> types() {
        throw new UnsupportedOperationException("not known from JSON");
    }
}
