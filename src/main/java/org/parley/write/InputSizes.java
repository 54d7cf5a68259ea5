package org.parley.write;

import java.util.List;

import org.parley.errors.BadUserInputException;

/**
 * Maxima of the lists a mutation's input may hold ({@code parley.limits.max-*} settings), checked before the write
 * starts: a list past its maximum is a GraphQL error {@code BAD_USER_INPUT} naming the argument, and no SQL runs.
 */
public final class InputSizes {

    private InputSizes() {
    }

    /** Refuses {@code list} (absent is fine) when it holds more than {@code max} items. */
    public static void atMost(List<?> list, int max, String argument, String items) {
        if (list != null && list.size() > max) {
            throw new BadUserInputException(argument + ": at most " + max + " " + items + " per write, " + list.size()
                    + " given");
        }
    }
}
