package org.parley.write;

import org.eclipse.microprofile.graphql.Description;

@Description("Why a mutation refused its input.")
public enum UserErrorCode {
    @Description("A value is malformed or out of range: fix it as the message says.")
    INVALID,
    @Description("An ID names nothing (or an object of another type).")
    NOT_FOUND,
    @Description("The value is already used by another object (a URL, a Wikidata ID, an alias).")
    TAKEN,
    @Description("The object changed since it was read: read its new `version` and apply the change again.")
    CONFLICT,
    @Description("The change would leave an encounter or statement without any source: attest it elsewhere first.")
    LAST_ATTESTATION,
    @Description("Other objects still refer to this one: change or delete them first, or merge the actors.")
    IN_USE
}
