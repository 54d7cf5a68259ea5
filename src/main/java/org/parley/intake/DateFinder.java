package org.parley.intake;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.api.DatePrecision;
import org.parley.api.DateResolution;
import org.parley.api.PartialDate;

/**
 * Date expressions resolved against the publication date: full dates ("June 12, 2018", "12 June 2018",
 * "2018-06-12"), months and years ("in September", "last September", "May 2018", "in 2000"), weekdays ("on
 * Thursday", "Wednesday night"), "on the 25th", "yesterday", "last week", "last month", "this year" and "recently".
 * A weekday counts back from the report unless its sentence speaks of the future; where the event's day and the
 * report's may differ (a weekday the day before publication), the interval keeps both. Without a publication date
 * only dates that name their year are resolved.
 */
final class DateFinder {

    /** A date expression, its offsets and what it resolves to. */
    record Found(int start, int end, PartialDate date, boolean relative, double confidence) {
    }

    private static final Pattern ISO = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");
    private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2})(st|nd|rd|th)");
    private static final Pattern YEAR = Pattern.compile("(1[89]|20)\\d\\d");
    private static final java.util.Set<String> YEAR_PREPOSITIONS = java.util.Set.of("in", "since", "by", "until",
            "of", "from", "early", "late", "mid", "before", "after", "during", "throughout");
    private static final java.util.Set<String> DAY_PARTS = java.util.Set.of("night", "morning", "evening",
            "afternoon");

    private final ArticleText article;
    private final LanguageRules rules;
    private final LocalDate published;

    DateFinder(ArticleText article, LanguageRules rules, LocalDate published) {
        this.article = article;
        this.rules = rules;
        this.published = published;
    }

    List<Found> find(int max) {
        List<Found> found = new ArrayList<>();
        Matcher iso = ISO.matcher(article.text);
        while (iso.find() && found.size() < max) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
                found.add(new Found(iso.start(), iso.end(), new PartialDate(date, DatePrecision.DAY), false, 0.95));
            } catch (DateTimeException e) {
                // not a date
            }
        }
        if (!rules.months().isEmpty()) {
            for (ArticleText.Span sentence : article.sentences) {
                if (found.size() >= max) {
                    break;
                }
                inSentence(sentence, found, max);
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private void inSentence(ArticleText.Span sentence, List<Found> found, int max) {
        List<ArticleText.Token> tokens = article.tokens(sentence.start(), sentence.end());
        boolean future = tokens.stream().anyMatch(t -> rules.futureMarkers().contains(t.lower()));
        for (int i = 0; i < tokens.size() && found.size() < max; i++) {
            Found date = at(tokens, i, future);
            if (date != null) {
                found.add(date);
                while (i + 1 < tokens.size() && tokens.get(i + 1).end() <= date.end()) {
                    i++;
                }
            }
        }
    }

    /** The date expression that starts at token {@code i}, or null. */
    private Found at(List<ArticleText.Token> tokens, int i, boolean future) {
        ArticleText.Token t = tokens.get(i);
        String lower = t.lower();
        String previous = i > 0 ? tokens.get(i - 1).lower() : "";
        Integer month = t.capitalised() ? rules.months().get(lower.replace(".", "")) : null;
        if (month != null) {
            return monthAt(tokens, i, month, previous, future);
        }
        if (NUMBER.matcher(t.text()).matches() && i + 1 < tokens.size()) {
            // "12 June 2018"
            ArticleText.Token next = tokens.get(i + 1);
            Integer m = next.capitalised() ? rules.months().get(next.lower().replace(".", "")) : null;
            if (m != null) {
                Integer year = i + 2 < tokens.size() && YEAR.matcher(tokens.get(i + 2).text()).matches()
                        ? Integer.parseInt(tokens.get(i + 2).text()) : null;
                int end = year != null ? tokens.get(i + 2).end() : next.end();
                return day(t.start(), end, year, m, Integer.parseInt(t.text()), future);
            }
        }
        Integer weekday = t.capitalised() ? rules.weekdays().get(lower) : null;
        if (weekday != null) {
            return weekdayAt(tokens, i, weekday, previous, future);
        }
        Matcher ordinal = ORDINAL.matcher(t.text());
        if (ordinal.matches() && previous.equals("the") && published != null
                && (i + 1 >= tokens.size() || !tokens.get(i + 1).word())) {
            // "on the 25th": this month's, or last month's when the 25th is still to come
            int day = Integer.parseInt(ordinal.group(1));
            LocalDate date = dayOf(published.withDayOfMonth(1), day);
            if (date == null) {
                return null;
            }
            if (!future && date.isAfter(published)) {
                date = dayOf(published.withDayOfMonth(1).minusMonths(1), day);
            } else if (future && date.isBefore(published)) {
                date = dayOf(published.withDayOfMonth(1).plusMonths(1), day);
            }
            return date == null ? null
                    : new Found(tokens.get(i - 1).start(), t.end(), new PartialDate(date, DatePrecision.DAY, null, null,
                            DateResolution.EVENT_DAY_ASSUMED, note("the " + t.text())), true, 0.7);
        }
        if (YEAR.matcher(t.text()).matches() && YEAR_PREPOSITIONS.contains(previous)) {
            LocalDate date = LocalDate.of(Integer.parseInt(t.text()), 1, 1);
            return new Found(t.start(), t.end(), new PartialDate(date, DatePrecision.YEAR), false, 0.9);
        }
        if (published == null) {
            return null;
        }
        Integer offset = rules.dayOffsets().get(lower);
        if (offset != null) {
            LocalDate date = published.plusDays(offset);
            return new Found(t.start(), t.end(), new PartialDate(date, DatePrecision.DAY, null, null,
                    DateResolution.EVENT_DAY_ASSUMED, note(t.text())), true, 0.8);
        }
        Integer shift = rules.periodShifts().get(lower);
        if (shift != null && i + 1 < tokens.size()) {
            return period(tokens, i, shift);
        }
        if (lower.equals("recently")) {
            // the month of the report, up to its day: the event's day is not given
            return new Found(t.start(), t.end(), new PartialDate(published.withDayOfMonth(1), DatePrecision.MONTH,
                    published.withDayOfMonth(1), published, DateResolution.REPORT_DAY_ASSUMED, note(t.text())), true,
                    0.4);
        }
        return null;
    }

    private Found monthAt(List<ArticleText.Token> tokens, int i, int month, String previous, boolean future) {
        ArticleText.Token t = tokens.get(i);
        ArticleText.Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        if (next != null && NUMBER.matcher(next.text()).matches()) {
            // "June 12, 2018" or "June 12"
            int k = i + 2;
            if (k < tokens.size() && tokens.get(k).text().equals(",")) {
                k++;
            }
            Integer year = k < tokens.size() && YEAR.matcher(tokens.get(k).text()).matches()
                    ? Integer.parseInt(tokens.get(k).text()) : null;
            int end = year != null ? tokens.get(k).end() : next.end();
            return day(t.start(), end, year, month, Integer.parseInt(next.text()), future);
        }
        if (next != null && YEAR.matcher(next.text()).matches()) {
            LocalDate date = LocalDate.of(Integer.parseInt(next.text()), month, 1);
            return new Found(t.start(), next.end(), new PartialDate(date, DatePrecision.MONTH), false, 0.95);
        }
        Integer shift = rules.periodShifts().get(previous);
        if (published == null || shift == null && !YEAR_PREPOSITIONS.contains(previous)) {
            return null; // "May" alone may be anything
        }
        int start = shift != null ? tokens.get(i - 1).start() : t.start();
        LocalDate thisYears = LocalDate.of(published.getYear(), month, 1);
        LocalDate date;
        if (shift != null && shift < 0) {
            date = thisYears.minusYears(1); // "last September": the year before the report's
        } else if (shift != null && shift > 0) {
            date = thisYears.isAfter(published) ? thisYears : thisYears.plusYears(1);
        } else if (shift != null || !future) {
            date = thisYears.isAfter(published) && shift == null ? thisYears.minusYears(1) : thisYears;
        } else {
            date = thisYears.plusMonths(1).isAfter(published) ? thisYears : thisYears.plusYears(1);
        }
        return new Found(start, t.end(), new PartialDate(date, DatePrecision.MONTH, null, null, null, null), true, 0.75);
    }

    private Found weekdayAt(List<ArticleText.Token> tokens, int i, int weekday, String previous, boolean future) {
        if (published == null) {
            return null;
        }
        ArticleText.Token t = tokens.get(i);
        int start = previous.equals("on") || rules.periodShifts().containsKey(previous) ? tokens.get(i - 1).start()
                : t.start();
        int end = i + 1 < tokens.size() && DAY_PARTS.contains(tokens.get(i + 1).lower()) ? tokens.get(i + 1).end()
                : t.end();
        DayOfWeek day = DayOfWeek.of(weekday);
        Integer shift = rules.periodShifts().get(previous);
        LocalDate date;
        if (shift != null && shift > 0 || shift == null && future) {
            date = published.with(TemporalAdjusters.next(day));
        } else if (shift != null && shift < 0) {
            date = published.with(TemporalAdjusters.previous(day));
        } else {
            date = published.with(TemporalAdjusters.previousOrSame(day));
        }
        String printed = article.text.substring(start, end);
        // the day before the report: the event's day, or the report's (a story filed the next day)
        LocalDate latest = date.plusDays(1).equals(published) ? published : null;
        return new Found(start, end, new PartialDate(date, DatePrecision.DAY, null, latest,
                DateResolution.EVENT_DAY_ASSUMED, note(printed)), true, 0.8);
    }

    /** "last week", "this month", "next year", "earlier this month". */
    private Found period(List<ArticleText.Token> tokens, int i, int shift) {
        ArticleText.Token unit = tokens.get(i + 1);
        int end = unit.end();
        if (unit.lower().equals("this") && i + 2 < tokens.size()) {
            unit = tokens.get(i + 2); // "earlier this month"
            end = unit.end();
        }
        int start = tokens.get(i).start();
        String printed = article.text.substring(start, end);
        switch (unit.lower()) {
            case "week": {
                LocalDate monday = published.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(shift);
                LocalDate sunday = monday.plusDays(6);
                // known to the week: the month it falls in, the interval its days
                LocalDate month = monday.withDayOfMonth(1);
                return new Found(start, end, new PartialDate(month, DatePrecision.MONTH, monday, sunday,
                        DateResolution.AS_REPORTED, note(printed)), true, 0.7);
            }
            case "month": {
                LocalDate month = published.withDayOfMonth(1).plusMonths(shift);
                return new Found(start, end, new PartialDate(month, DatePrecision.MONTH), true, 0.8);
            }
            case "year": {
                LocalDate year = published.withDayOfYear(1).plusYears(shift);
                return new Found(start, end, new PartialDate(year, DatePrecision.YEAR), true, 0.8);
            }
            default:
                return null;
        }
    }

    /** A day of a month; the year left out is the report's (the year before, for a past date still to come). */
    private Found day(int start, int end, Integer year, int month, int day, boolean future) {
        if (year == null && published == null) {
            return null;
        }
        LocalDate date = dayOf(LocalDate.of(year != null ? year : published.getYear(), month, 1), day);
        if (date == null) {
            return null;
        }
        boolean relative = year == null;
        if (relative && !future && date.isAfter(published.plusDays(1))) {
            date = date.minusYears(1);
        }
        return new Found(start, end, new PartialDate(date, DatePrecision.DAY), relative, relative ? 0.85 : 0.95);
    }

    private static LocalDate dayOf(LocalDate month, int day) {
        return day >= 1 && day <= month.lengthOfMonth() ? month.withDayOfMonth(day) : null;
    }

    private String note(String printed) {
        return "'" + (printed.length() > 60 ? printed.substring(0, 60) : printed) + "' in an article of " + published;
    }

}
