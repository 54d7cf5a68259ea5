package org.parley.read;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a page of a connection sits in the whole list (Relay cursor connections).")
public class PageInfo {

    @Description("Whether more items follow this page; fetch them with `after: endCursor`.")
    public boolean hasNextPage;

    @Description("Whether items precede this page.")
    public boolean hasPreviousPage;

    @Description("Cursor of the first item of the page; null when the page is empty.")
    public String startCursor;

    @Description("Cursor of the last item of the page; null when the page is empty.")
    public String endCursor;
}
