package org.parley.read;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of the types whose to-one fields ({@link ToOne}) a batch read can fill ahead: the object carries the related
 * objects it was read with, by field name, and the field's fetcher ({@code engine.ReadAheadFields}) returns them
 * without a statement or a batch of its own. A field never read ahead goes through its batch resolver as before.
 * Lists folded into the parent's statement ({@link ToMany}) are kept by the field's result key with the arguments
 * they were read for, and answer only a field with those arguments.
 * Not a GraphQL type: nothing here is a property (no getter, no public field).
 */
public abstract class Related {

    /** What {@link #foldedValue} answers for a list not folded with these arguments. */
    public static final Object NOT_FOLDED = new Object();

    private record Folded(Map<String, Object> arguments, Object value) {
    }

    /** Written while the row is mapped, as {@code readAhead}. */
    private Map<String, Folded> folded;

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

    /** The value of the list {@code resultKey}, read with its parent for {@code arguments}. */
    final void folded(String resultKey, Map<String, Object> arguments, Object value) {
        if (folded == null) {
            folded = new HashMap<>(4);
        }
        folded.put(resultKey, new Folded(arguments, value));
    }

    /** Whether any list was folded with this object: the other objects' list fields go straight to their batch. */
    public final boolean hasFolded() {
        return folded != null;
    }

    /**
     * The value of the list field {@code resultKey} with {@code arguments} read with this object, or
     * {@link #NOT_FOLDED}.
     */
    public final Object foldedValue(String resultKey, Map<String, Object> arguments) {
        Folded value = folded == null ? null : folded.get(resultKey);
        return value != null && value.arguments.equals(arguments) ? value.value : NOT_FOLDED;
    }
}
