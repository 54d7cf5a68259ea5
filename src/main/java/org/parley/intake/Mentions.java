package org.parley.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names in an article: runs of capitalised words, a leading title taken apart ("Foreign Minister Sergey Lavrov":
 * title "Foreign Minister", name "Sergey Lavrov"), a possessive dropped, sentence-initial function words skipped.
 * A one-word mention that repeats the first or last word of an earlier longer one stands for it ("Lavrov" after
 * "Sergey Lavrov", "Kim" after "Kim Jong-un"): {@code canonical} is the longer name.
 */
final class Mentions {

    /**
     * A name as printed ({@code [start, end)}), with the title printed before it and the name it stands for; whether
     * a locative preposition stands before it ("in Pyongyang", "at the Kremlin"), it opens its sentence, it reads
     * as a nationality adjective ("North Korean leader"), and its sentence is set in title case (a headline, a link:
     * "Jeremy Lin Pledges $1 Million").
     */
    record Mention(int start, int end, String name, String title, String canonical, int tokens, boolean locative,
            boolean initial, boolean adjectival, boolean headline) {
    }

    /** How many earlier mentions a one-word mention is compared with: a bound on hostile text. */
    private static final int LOOK_BACK = 400;

    final List<Mention> all = new ArrayList<>();
    /** The last title printed with each name (canonical), for its later mentions without one. */
    private final java.util.Map<String, String> titles = new java.util.HashMap<>();
    private final ArticleText article;
    private final LanguageRules rules;

    Mentions(ArticleText article, LanguageRules rules) {
        this.article = article;
        this.rules = rules;
        if (rules.titleWords().isEmpty()) {
            return; // no rules for the language: names are not read
        }
        for (ArticleText.Span sentence : article.sentences) {
            read(article.tokens(sentence.start(), sentence.end()));
        }
    }

    private void read(List<ArticleText.Token> tokens) {
        boolean headline = titleCase(tokens);
        String pendingTitle = null;
        int i = 0;
        while (i < tokens.size()) {
            ArticleText.Token t = tokens.get(i);
            if (!nameWord(t)) {
                if (!t.text().equals(",")) {
                    pendingTitle = null;
                }
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < tokens.size() && nameWord(tokens.get(runEnd)) && !possessiveBefore(tokens, runEnd, i)) {
                runEnd++;
            }
            runEnd = joined(tokens, runEnd);
            int first = i;
            // a title ends at its last title word: "North Korean Defense Minister Kang Sun-nam"
            int lastTitle = -1;
            for (int k = first; k < runEnd; k++) {
                if (rules.titleWords().contains(tokens.get(k).text())) {
                    lastTitle = k;
                }
            }
            String title = lastTitle >= 0 ? article.text.substring(tokens.get(first).start(), tokens.get(lastTitle).end())
                    : null;
            int nameFrom = lastTitle >= 0 ? lastTitle + 1 : first;
            if (nameFrom < runEnd) {
                ArticleText.Token last = tokens.get(runEnd - 1);
                int end = last.end() - possessiveLength(last.text());
                int start = tokens.get(nameFrom).start();
                String name = article.text.substring(start, end);
                add(start, end, name, title != null ? title : pendingTitle, runEnd - nameFrom,
                        locative(tokens, first), first == 0, adjectival(tokens, runEnd, name), headline);
                pendingTitle = null;
            } else {
                pendingTitle = title; // "Russian Foreign Minister, Sergey Lavrov"
            }
            i = runEnd;
        }
    }

    /**
     * The end of a name of an institution that goes on after "of" or "for" ("Fletcher School of Law and Diplomacy",
     * "Database Center for North Korean Human Rights"): a run that ends with an organisation word continues through
     * the joiner and the capitalised words after it, "and" between them.
     */
    private int joined(List<ArticleText.Token> tokens, int runEnd) {
        while (runEnd + 1 < tokens.size() && rules.nameJoiners().contains(tokens.get(runEnd).lower())
                && rules.organisationWords().contains(tokens.get(runEnd - 1).lower())
                && nameWord(tokens.get(runEnd + 1))) {
            int k = runEnd + 1;
            while (k < tokens.size() && (nameWord(tokens.get(k)) && possessiveLength(tokens.get(k - 1).text()) == 0
                    || tokens.get(k).lower().equals("and") && k + 1 < tokens.size() && nameWord(tokens.get(k + 1)))) {
                k++;
            }
            runEnd = k;
        }
        return runEnd;
    }

    /** Four words or more, three in four of them capitalised. */
    private static boolean titleCase(List<ArticleText.Token> tokens) {
        int words = 0;
        int capitalised = 0;
        for (ArticleText.Token t : tokens) {
            if (t.word() && Character.isLetter(t.text().codePointAt(0))) {
                words++;
                capitalised += t.capitalised() ? 1 : 0;
            }
        }
        return words >= 4 && capitalised * 4 >= words * 3;
    }

    /** A locative preposition before the name, a determiner allowed between ("at the Kremlin"). */
    private boolean locative(List<ArticleText.Token> tokens, int first) {
        int k = first - 1;
        if (k >= 0 && rules.determiners().contains(tokens.get(k).lower())) {
            k--;
        }
        return k >= 0 && rules.locativePrepositions().contains(tokens.get(k).lower());
    }

    /** A nationality used as an adjective: a demonym ending before a lower-case word ("Chinese officials"). */
    private boolean adjectival(List<ArticleText.Token> tokens, int runEnd, String name) {
        if (runEnd >= tokens.size() || !tokens.get(runEnd).word() || tokens.get(runEnd).capitalised()) {
            return false;
        }
        for (String ending : rules.demonymEndings()) {
            if (name.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private void add(int start, int end, String name, String title, int tokens, boolean locative, boolean initial,
            boolean adjectival, boolean headline) {
        String canonical = tokens == 1 ? resolve(name, start) : name;
        // without a title of its own, the one printed with an earlier mention ("Defense Minister Kang" before "Kang")
        String printed = title != null ? title : titles.get(canonical);
        if (title != null) {
            titles.put(canonical, title);
        }
        all.add(new Mention(start, end, name, printed, canonical, tokens, locative, initial, adjectival,
                headline));
    }

    /**
     * The name a one-word name printed at {@code offset} stands for: the last longer mention before it whose first
     * or last word it repeats ("Kim" after "Kim Jong-un"); the word itself when there is none.
     */
    String resolve(String word, int offset) {
        int before = firstAtOrAfter(offset);
        for (int k = before - 1; k >= Math.max(0, before - LOOK_BACK); k--) {
            Mention earlier = all.get(k);
            if (earlier.tokens() > 1 && firstOrLastWord(earlier.name(), word)) {
                return earlier.canonical();
            }
        }
        return word;
    }

    /** Whether {@code word} is the first or the last word of {@code name} (no split: this runs per earlier name). */
    private static boolean firstOrLastWord(String name, String word) {
        int n = word.length();
        return name.startsWith(word) && name.length() > n && Character.isWhitespace(name.charAt(n))
                || name.endsWith(word) && name.length() > n && Character.isWhitespace(name.charAt(name.length() - n - 1));
    }

    /** A capitalised word that may be part of a name: not a function word, month or weekday. */
    private boolean nameWord(ArticleText.Token t) {
        if (!t.word() || !t.capitalised()) {
            return false;
        }
        String lower = t.lower();
        String bare = lower.endsWith("’s") || lower.endsWith("'s") ? lower.substring(0, lower.length() - 2) : lower;
        return !rules.notNames().contains(bare) && !rules.months().containsKey(bare)
                && !rules.weekdays().containsKey(bare);
    }

    /** A run ends after a possessive: "Trump’s State Department" is Trump, then an organisation. */
    private static boolean possessiveBefore(List<ArticleText.Token> tokens, int index, int runStart) {
        return index > runStart && possessiveLength(tokens.get(index - 1).text()) > 0;
    }

    private static int possessiveLength(String word) {
        return word.endsWith("’s") || word.endsWith("'s") ? 2 : 0;
    }

    /** The mentions inside {@code [start, end)}, in order. */
    List<Mention> within(int start, int end) {
        List<Mention> found = new ArrayList<>();
        for (int i = firstAtOrAfter(start); i < all.size() && all.get(i).start() < end; i++) {
            if (all.get(i).end() <= end) {
                found.add(all.get(i));
            }
        }
        return found;
    }

    /** The last mention that ends at or before {@code offset}; null when none. */
    Mention before(int offset) {
        for (int i = firstAtOrAfter(offset) - 1; i >= 0; i--) {
            if (all.get(i).end() <= offset) {
                return all.get(i);
            }
        }
        return null;
    }

    /** The index of the first mention starting at or after {@code offset} (mentions are in text order). */
    private int firstAtOrAfter(int offset) {
        int low = 0;
        int high = all.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (all.get(mid).start() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
