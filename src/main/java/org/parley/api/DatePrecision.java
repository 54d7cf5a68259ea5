package org.parley.api;

import org.eclipse.microprofile.graphql.Description;

@Description("How much of a `PartialDate` is known.")
public enum DatePrecision {
    @Description("The day is known.")
    DAY,
    @Description("Only the month is known; `date` is its first day.")
    MONTH,
    @Description("Only the year is known; `date` is 1 January.")
    YEAR
}
