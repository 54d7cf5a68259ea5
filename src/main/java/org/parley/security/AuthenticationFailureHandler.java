package org.parley.security;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A token that fails verification (forged, expired, malformed) ends a write with 401. Quarkus answers that with an
 * empty body; on {@code /graphql} and {@code /import} the body is a GraphQL error with code UNAUTHENTICATED instead,
 * like every other refusal. (Quarkus looks its failure handler up in the request's context, where this route replaces it.)
 */
@ApplicationScoped
public class AuthenticationFailureHandler {

    void install(@Observes Router router) {
        // after the authentication filter (order -AUTHENTICATION), before the GraphQL and import routes
        router.routeWithRegex("/graphql|/import").order(-SecurityHandlerPriorities.AUTHENTICATION + 1).handler(context -> {
            BiConsumer<RoutingContext, Throwable> quarkus = context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
            context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (ctx, failure) -> {
                if (failure instanceof AuthenticationFailedException && !ctx.response().ended()) {
                    unauthenticated(ctx);
                } else if (quarkus != null) {
                    quarkus.accept(ctx, failure);
                } else {
                    ctx.fail(failure);
                }
            });
            context.next();
        });
    }

    private static void unauthenticated(RoutingContext context) {
        JsonObject error = new JsonObject()
                .put("message", "The bearer token is not valid (forged, expired or malformed)")
                .put("extensions", new JsonObject().put("code", "UNAUTHENTICATED"));
        context.response().setStatusCode(401)
                .putHeader("Content-Type", "application/json")
                .putHeader("WWW-Authenticate", "Bearer")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
