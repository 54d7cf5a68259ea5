package org.parley.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The development key pair is in the repository, so anyone can sign tokens with it. Production (the prod profile of
 * a packaged application) refuses to start while tokens are verified with it.
 */
@ApplicationScoped
public class DevKeyGuard {

    static final String DEV_KEY = "dev-keys/parley-dev-public.pem";

    void onStart(@Observes StartupEvent event,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") String keyLocation) {
        check(LaunchMode.current(), ConfigUtils.getProfiles(), keyLocation);
    }

    static void check(LaunchMode mode, java.util.List<String> profiles, String keyLocation) {
        boolean production = mode == LaunchMode.NORMAL && profiles.contains("prod");
        if (production && keyLocation.strip().endsWith(DEV_KEY)) {
            throw new IllegalStateException("Refusing to start: tokens would be verified with the development key"
                    + " (" + DEV_KEY + "), whose private half is public. Set MP_JWT_VERIFY_PUBLICKEY_LOCATION and"
                    + " MP_JWT_VERIFY_ISSUER to your own key and issuer.");
        }
    }
}
