package org.parley.api;

/** The kinds of objects a global ID can name; the name is part of the encoded ID. */
public enum NodeType {
    ACTOR("Actor"),
    ENCOUNTER("Encounter"),
    STATEMENT("Statement"),
    SOURCE("Source"),
    /** A role is part of its actor: its changes are the actor's (version, change entry). */
    ROLE("Role");

    private final String typeName;

    NodeType(String typeName) {
        this.typeName = typeName;
    }

    public String typeName() {
        return typeName;
    }

    static NodeType ofTypeName(String typeName) {
        for (NodeType type : values()) {
            if (type.typeName.equals(typeName)) {
                return type;
            }
        }
        return null;
    }
}
