package org.parley.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

class DevKeyGuardTest {

    @Test
    void productionRefusesTheDevelopmentKey() {
        assertThrows(IllegalStateException.class,
                () -> DevKeyGuard.check(LaunchMode.NORMAL, List.of("prod"), "dev-keys/parley-dev-public.pem"));
        assertThrows(IllegalStateException.class,
                () -> DevKeyGuard.check(LaunchMode.NORMAL, List.of("prod"), "classpath:dev-keys/parley-dev-public.pem"));
    }

    @Test
    void productionAcceptsItsOwnKeyAndOtherModesAcceptTheDevelopmentKey() {
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.NORMAL, List.of("prod"), "file:/etc/parley/jwt.pem"));
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.NORMAL, List.of("local"), "dev-keys/parley-dev-public.pem"));
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.TEST, List.of("test"), "dev-keys/parley-dev-public.pem"));
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.DEVELOPMENT, List.of("dev"), "dev-keys/parley-dev-public.pem"));
    }
}
