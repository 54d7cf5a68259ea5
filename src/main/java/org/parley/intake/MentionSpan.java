package org.parley.intake;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("IntakeMention")
@Description("Where the article names an actor or place: `text.substring(start, end)` is the name as printed.")
public class MentionSpan {

    @Description("Offset of the name's first character (UTF-16 code units).")
    public int start;

    @Description("Offset just after the name's last character.")
    public int end;

    public MentionSpan() {
    }

    MentionSpan(int start, int end) {
        this.start = start;
        this.end = end;
    }
}
