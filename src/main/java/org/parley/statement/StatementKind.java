package org.parley.statement;

import org.eclipse.microprofile.graphql.Description;

@Description("What a statement does.")
public enum StatementKind {
    @Description("States something as fact.")
    CLAIM,
    @Description("Judges or interprets a situation.")
    ASSESSMENT,
    @Description("Accuses another actor of something.")
    ALLEGATION,
    @Description("Rejects a claim or allegation; `respondsTo` points at what it denies.")
    DENIAL,
    @Description("Commits the speaker to a course of action or support.")
    PLEDGE,
    @Description("Invites another actor, e.g. to a visit.")
    INVITATION,
    @Description("Accepts an invitation or offer; `respondsTo` points at it.")
    ACCEPTANCE,
    @Description("Calls on another actor to do something.")
    DEMAND,
    @Description("Warns of a danger or of consequences.")
    WARNING,
    @Description("Offers help, cooperation or a concession.")
    OFFER,
    @Description("Supports another actor's position, agreement or effort.")
    ENDORSEMENT,
    @Description("Makes something known, such as a plan or an expected event.")
    ANNOUNCEMENT,
    @Description("Expresses a wish or intention.")
    INTENTION,
    @Description("Declines to comment.")
    NO_COMMENT
}
