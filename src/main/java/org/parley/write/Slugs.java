package org.parley.write;

import java.text.Normalizer;
import java.util.Locale;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Slugs, the natural keys of rows created by writes (the curated data set brings its own). */
public final class Slugs {

    private Slugs() {
    }

    /** "Kim Jong-un" becomes "kim-jong-un"; empty input becomes {@code fallback}. */
    public static String of(String text, String fallback) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (plain.length() > 80) {
            plain = plain.substring(0, 80).replaceAll("-$", "");
        }
        return plain.isEmpty() ? fallback : plain;
    }

    /** In the current transaction: {@code base} when free in {@code table}, else the first free "base-2", "base-3"... */
    public static Uni<String> free(String table, String base) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select slug from " + table + " where slug = :base or slug like :pattern", String.class)
                .setParameter("base", base)
                .setParameter("pattern", base + "-%")
                .getResultList())
                .map(taken -> {
                    String slug = base;
                    for (int n = 2; taken.contains(slug); n++) {
                        slug = base + "-" + n;
                    }
                    return slug;
                });
    }
}
