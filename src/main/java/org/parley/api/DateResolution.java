package org.parley.api;

import org.eclipse.microprofile.graphql.Description;

/**
 * How an editor arrived at a date that the sources do not state plainly: the choices a newsroom's date desk makes
 * when a report says "on Thursday", "late July" or "between the 25th and the 27th".
 */
@Description("How the date was resolved from what the sources say. The interval (`earliest`, `latest`) keeps every"
        + " day the sources still allow; `date` is the value the editor settled on within it.")
public enum DateResolution {
    @Description("The source states this date or period itself (\"on 13 September 2023\", \"in July 2024\"), or"
            + " states a range (\"between the 25th and the 27th\", \"late July\") that the interval records as given.")
    AS_REPORTED,
    @Description("The source names a day relative to its report (\"on Thursday\", \"yesterday\") that could be read"
            + " as the day of the event or of the report; the editor took it as the day of the event, counted"
            + " from the report's date. The interval keeps the other reading.")
    EVENT_DAY_ASSUMED,
    @Description("The source gives no day of its own for the event (or one that may be the report's); the editor"
            + " took the report's day (its publication date or dateline). The interval keeps the days the event may"
            + " have fallen on.")
    REPORT_DAY_ASSUMED,
    @Description("Another source (an official readout, a later report) settled the date that this record's sources"
            + " leave open; the note names it.")
    OTHER_SOURCE,
    @Description("No source settles it: the value is the editor's best placement within the interval, e.g. the first"
            + " day of \"between the 25th and the 27th\"; the note says why.")
    EDITOR_ESTIMATE
}
