package org.parley.live;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.parley.statement.Statement;

@Type("StatementEvent")
@Description("A statement was written: recorded, updated, attested or deleted.")
public class StatementEvent extends LiveEvent {

    private final Statement statement;

    StatementEvent(LiveChange change, Statement statement, LiveStreamException ended) {
        super(change, ended);
        this.statement = statement;
    }

    @Description("The statement as the read path shows it now; null once it is deleted.")
    public Statement getStatement() {
        return statement;
    }
}
