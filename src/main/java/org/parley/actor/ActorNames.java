package org.parley.actor;

import java.text.Normalizer;
import java.util.Locale;

/** The form in which names are compared: "Kim Jong-un", "kim jong un" and "KIM JONG UN" all become "kimjongun". */
public final class ActorNames {

    private ActorNames() {
    }

    /** Lower case, accents removed, everything but letters and digits removed. */
    public static String normalize(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder normalized = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(Character::toLowerCase)
                .forEach(normalized::appendCodePoint);
        return normalized.toString().toLowerCase(Locale.ROOT);
    }
}
