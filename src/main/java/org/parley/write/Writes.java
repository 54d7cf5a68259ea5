package org.parley.write;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * Turns the end of a write into what a payload carries: the value, or the user errors that refused the write. A
 * concurrent change caught by optimistic locking (another transaction updated the same version first) is a user
 * error too: CONFLICT.
 */
public final class Writes {

    private Writes() {
    }

    /** The value of a write, or why it was refused. */
    public record Outcome<T>(T value, List<UserError> userErrors) {
    }

    public static <T> Uni<Outcome<T>> outcome(Uni<T> write) {
        return write.map(value -> new Outcome<>(value, List.<UserError> of()))
                .onFailure(UserErrorException.class)
                .recoverWithItem(e -> new Outcome<>(null, ((UserErrorException) e).errors()))
                .onFailure(Writes::isConcurrentChange)
                .recoverWithItem(e -> new Outcome<>(null, List.of(UserError.of(UserErrorCode.CONFLICT,
                        "the object was changed by another write at the same time: read it again", "input",
                        "version"))));
    }

    /** Refuses (CONFLICT) a change based on a version other than the object's current one. */
    public static void requireVersion(String what, int current, int basedOn) {
        if (current != basedOn) {
            throw new UserErrorException(UserError.of(UserErrorCode.CONFLICT,
                    "the " + what + " changed since it was read: its version is now " + current, "input", "version"));
        }
    }

    /** Hibernate's optimistic-lock failures, whatever wraps them. */
    static boolean isConcurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.equals("org.hibernate.StaleObjectStateException")
                    || name.equals("org.hibernate.StaleStateException")
                    || name.equals("jakarta.persistence.OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}
