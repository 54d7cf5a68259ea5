package org.parley.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Folded items read from PostgreSQL's JSON as the driver would read the same columns. */
class JsonRowTest {

    @Test
    void timestampsAndDatesReadDirectlyEqualTheFormattersReading() {
        for (String text : List.of("2024-06-19T10:00:00+00:00", "2024-06-19T10:00:00.5+03:00",
                "2024-06-19T23:59:59.123456-05:30", "1999-12-31T00:00:00.000001+14:00", "2024-02-29T12:34:56.78-00:00",
                "2024-06-19T10:00:00+03", "12345-01-01T00:00:00+00:00", "2024-06-19T10:00:00.1234567891+00:00")) {
            OffsetDateTime expected;
            try {
                expected = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
            } catch (RuntimeException notIso) {
                continue; // neither reads it; PostgreSQL does not write it
            }
            assertEquals(expected, JsonRow.timestamp(text), text);
            assertEquals(ZoneOffset.UTC, JsonRow.timestamp(text).getOffset(), text);
        }
        for (String text : List.of("2024-06-19", "0001-01-01", "9999-12-31", "+12345-01-01")) {
            assertEquals(LocalDate.parse(text), JsonRow.date(text), text);
        }
    }

    @Test
    void itemsAreReadByTheirFirstItemsKeysWhateverTheOrderOfTheOthers() {
        JsonItems items = JsonItems.parse("[{\"id\":1,\"name\":\"a\",\"tags\":[\"x\",\"y\"],\"inner\":[{\"id\":7}],"
                + "\"at\":1.5,\"none\":[]},{\"name\":\"b\",\"id\":2,\"tags\":null,\"inner\":[],\"at\":2,\"none\":[]}]");
        assertArrayEquals(new String[] { "id", "name", "tags", "inner", "at", "none" }, items.names);
        JsonRow first = new JsonRow(items.values.get(0), items.names, items.index);
        JsonRow second = new JsonRow(items.values.get(1), items.names, items.index);
        assertEquals(1L, first.getLong(first.getColumnIndex("id")));
        assertEquals("b", second.getString(second.getColumnIndex("name")));
        assertEquals(2, second.getInteger(second.getColumnIndex("id")));
        assertArrayEquals(new String[] { "x", "y" }, first.getArrayOfStrings(first.getColumnIndex("tags")));
        assertNull(second.getArrayOfStrings(second.getColumnIndex("tags")));
        assertEquals(2.0, second.getDouble(second.getColumnIndex("at")));
        JsonItems inner = (JsonItems) first.getValue(first.getColumnIndex("inner"));
        assertEquals(7L, inner.values.get(0)[0]);
        assertEquals(0, ((JsonItems) second.getValue(second.getColumnIndex("inner"))).values.size());
        assertEquals(0, JsonItems.parse("[]").values.size());
    }
}
