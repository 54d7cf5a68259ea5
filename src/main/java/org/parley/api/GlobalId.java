package org.parley.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.parley.errors.BadUserInputException;

/**
 * Opaque global IDs: base64url of {@code Type:number}. Clients must treat them as opaque; the encoding lets
 * {@code node(id:)} know which table to read without a lookup table.
 */
public record GlobalId(NodeType type, long id) {

    public static String encode(NodeType type, long id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type.typeName() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes any global ID; a malformed one is the client's error. */
    public static GlobalId decode(String globalId) {
        if (globalId != null && globalId.length() <= 64) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
                int colon = plain.indexOf(':');
                NodeType type = colon > 0 ? NodeType.ofTypeName(plain.substring(0, colon)) : null;
                if (type != null) {
                    long id = Long.parseLong(plain.substring(colon + 1));
                    if (id > 0) {
                        return new GlobalId(type, id);
                    }
                }
            } catch (IllegalArgumentException e) {
                // falls through to the error below (NumberFormatException is an IllegalArgumentException)
            }
        }
        throw new BadUserInputException("Not a valid ID: " + abbreviate(globalId));
    }

    /** Decodes an ID that must name an object of {@code expected} type, e.g. a filter's {@code speaker}. */
    public static long decode(String globalId, NodeType expected, String argument) {
        GlobalId decoded = decode(globalId);
        if (decoded.type != expected) {
            throw new BadUserInputException(
                    argument + " must be the ID of " + expected.typeName() + ", not of " + decoded.type.typeName());
        }
        return decoded.id;
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
