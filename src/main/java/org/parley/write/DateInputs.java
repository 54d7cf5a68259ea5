package org.parley.write;

import java.util.ArrayList;
import java.util.List;

import org.parley.api.PartialDate;
import org.parley.api.PartialDateInput;

/** Partial dates of mutation inputs, with what does not fit reported as a user error (INVALID) at its field. */
public final class DateInputs {

    private DateInputs() {
    }

    /** A date that keeps its interval and resolution (encounters' start and end, statements' saidOn); null if absent. */
    public static PartialDate interval(PartialDateInput input, String... field) {
        try {
            return input == null ? null : input.toPartialDate();
        } catch (PartialDateInput.Invalid e) {
            throw refused(e, field);
        }
    }

    /** A date of a field that keeps only a date and its precision; an interval given is refused. Null if absent. */
    public static PartialDate plain(PartialDateInput input, String... field) {
        try {
            return input == null ? null : input.toPlainDate();
        } catch (PartialDateInput.Invalid e) {
            throw refused(e, field);
        }
    }

    private static UserErrorException refused(PartialDateInput.Invalid e, String... field) {
        List<String> path = new ArrayList<>(List.of(field));
        path.add(e.field);
        return new UserErrorException(new UserError(path, String.join(".", path.subList(1, path.size())) + ": "
                + e.getMessage(), UserErrorCode.INVALID));
    }
}
