package org.parley.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

import org.parley.errors.BadUserInputException;

/** A date-range bound as a client writes it: a day, a month or a year, or BAD_USER_INPUT saying what is wrong. */
public final class DateBound {

    private static final Pattern SHAPE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final int SHOWN = 40;

    private DateBound() {
    }

    /** The period {@code text} names; {@code field} (e.g. "filter.from") goes into the message. */
    public static PartialDate parse(String field, String text) {
        if (SHAPE.matcher(text).matches()) {
            try {
                return switch (text.length()) {
                    case 4 -> new PartialDate(LocalDate.of(Integer.parseInt(text), 1, 1), DatePrecision.YEAR);
                    case 7 -> new PartialDate(YearMonth.parse(text).atDay(1), DatePrecision.MONTH);
                    default -> new PartialDate(LocalDate.parse(text), DatePrecision.DAY);
                };
            } catch (DateTimeException e) {
                throw new BadUserInputException(field + ": \"" + text + "\" is not a date of the calendar;"
                        + " expected YYYY, YYYY-MM or YYYY-MM-DD");
            }
        }
        String shown = text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text;
        throw new BadUserInputException(field + ": \"" + shown + "\" is not a date; expected YYYY, YYYY-MM or"
                + " YYYY-MM-DD (e.g. 2019-04-25)");
    }
}
