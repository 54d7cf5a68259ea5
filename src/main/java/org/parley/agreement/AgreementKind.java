package org.parley.agreement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("AgreementKind")
@Description("What kind of instrument an agreement is.")
public enum AgreementKind {
    @Description("A treaty: binding, usually ratified.")
    TREATY,
    @Description("An agreement other than a treaty (on a field of cooperation, an accord).")
    AGREEMENT,
    @Description("A memorandum of understanding.")
    MEMORANDUM,
    @Description("A joint statement or communiqué issued by the parties.")
    JOINT_STATEMENT,
    @Description("A declaration signed by the parties.")
    DECLARATION,
    @Description("A protocol to an earlier agreement.")
    PROTOCOL
}
