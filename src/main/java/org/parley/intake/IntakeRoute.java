package org.parley.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.parley.http.FixedOperation;

/**
 * {@code POST /intake}: {@code proposeFromArticle} for scripts. The body is the mutation's input as JSON, the answer
 * the intake with its first 100 proposals, read and encoded by the GraphQL execution like any answer; the request
 * has the role check, body limit, admission control and deadline of {@code /graphql} (see {@link FixedOperation}).
 */
@ApplicationScoped
class IntakeRoute {

    static final String PATH = "/intake";
    private static final String DOCUMENT = "post-intake.graphql";

    @Produces
    @Singleton
    FixedOperation postIntake() {
        try (InputStream in = IntakeRoute.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DOCUMENT);
            }
            return new FixedOperation(PATH, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "proposeFromArticle", "intake");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
