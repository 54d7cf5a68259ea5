package org.parley.graphql;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPairGenerator;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;

import io.quarkus.test.junit.QuarkusTest;

/** Reads are open; writes need a valid token with role editor; failures carry UNAUTHENTICATED or FORBIDDEN. */
@QuarkusTest
class AuthorizationTest {

    private static final Map<String, Object> INPUT = Map.of("input", Map.of("kind", "PERSON", "name", "Zz Test Intruder"));

    /** A missing token or a missing role is a field error (HTTP 200); a token that fails verification is a 401. */
    private static void refused(String token, int status, String code) {
        GraphQL.post(GraphQL.operation("createActor"), INPUT, token).statusCode(status)
                .body("errors[0].extensions.code", equalTo(code))
                .body("errors[0].message", notNullValue());
    }

    @Test
    void writesWithoutAValidTokenAreRefusedAndChangeNothing() throws Exception {
        long before = Database.count("select count(*) from actor");
        refused(null, 200, "UNAUTHENTICATED");
        refused(DevTokens.mint("someone", -60, "editor"), 401, "UNAUTHENTICATED"); // expired
        var forger = KeyPairGenerator.getInstance("RSA");
        forger.initialize(2048);
        refused(DevTokens.sign("someone", 600, forger.generateKeyPair().getPrivate(), "editor"), 401, "UNAUTHENTICATED");
        refused("not.a.token", 401, "UNAUTHENTICATED");
        refused(DevTokens.mint("reader", 600, "viewer"), 200, "FORBIDDEN");
        assertEquals(before, Database.count("select count(*) from actor"));
    }

    @Test
    void theAuditTrailNeedsARoleToo() throws Exception {
        GraphQL.post(GraphQL.operation("changes"), Map.of(), null).statusCode(200)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        GraphQL.post(GraphQL.operation("changes"), Map.of(), DevTokens.mint("reader", 600, "viewer")).statusCode(200)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void readsStayOpenWithOrWithoutAToken() throws Exception {
        GraphQL.post("{ actor(name: \"Putin\") { name } }", Map.of(), null).statusCode(200)
                .body("data.actor.name", equalTo("Vladimir Putin"));
        GraphQL.post("{ actor(name: \"Putin\") { name } }", Map.of(), DevTokens.mint("reader", 600, "viewer"))
                .statusCode(200).body("data.actor.name", equalTo("Vladimir Putin"));
    }
}
