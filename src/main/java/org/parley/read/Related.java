package org.parley.read;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of the types whose to-one fields ({@link ToOne}) a batch read can fill ahead: the object carries the related
 * objects it was read with, by field name, and the field's fetcher ({@code engine.ReadAheadFields}) returns them
 * without a statement or a batch of its own. A field never read ahead goes through its batch resolver as before.
 * Not a GraphQL type: nothing here is a property (no getter, no public field).
 */
public abstract class Related {

    /** Written while the row is mapped, before the object is handed to GraphQL; read-only afterwards. */
    private Map<String, Object> readAhead;

    /** The related object {@code field} was read with (null: no such object). */
    public final void readAhead(String field, Object value) {
        if (readAhead == null) {
            readAhead = new HashMap<>(4);
        }
        readAhead.put(field, value);
    }

    /** Whether {@code field} was read with this object, even as null. */
    public final boolean hasReadAhead(String field) {
        return readAhead != null && readAhead.containsKey(field);
    }

    /** The object {@code field} was read with; only meaningful when {@link #hasReadAhead} is true. */
    public final Object readAheadValue(String field) {
        return readAhead.get(field);
    }
}
