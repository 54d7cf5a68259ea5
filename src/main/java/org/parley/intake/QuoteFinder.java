package org.parley.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds direct quotations by their marks: curly and straight, single and double, a quotation inside another (kept
 * as part of the outer one), and a quotation that runs on into the next paragraph (the news convention: the
 * paragraph ends without a closing mark and the next one opens again). An opening mark that nothing closes is
 * counted and dropped; so is a closing mark with nothing open. Straight marks and the apostrophe-like single close
 * are read by position: one opens after a space or an opening bracket, and closes before anything but a letter.
 */
final class QuoteFinder {

    /**
     * One quotation: {@code open} is the offset of its first mark, {@code close} one past its last; {@code start}
     * and {@code end} bound its words (without the comma that belongs to the reporting sentence); {@code text} is
     * the words, paragraphs joined by a space.
     */
    record Quote(int open, int close, int start, int end, String text, int paragraphs) {
        int words() {
            return text.isBlank() ? 0 : text.strip().split("\\s+").length;
        }
    }

    /** What was found, and how many marks were left unbalanced. */
    record Found(List<Quote> quotes, int unbalanced, boolean truncated) {
    }

    private final ArticleText article;
    private final LanguageRules rules;

    QuoteFinder(ArticleText article, LanguageRules rules) {
        this.article = article;
        this.rules = rules;
    }

    Found find(int max) {
        String text = article.text;
        List<Quote> quotes = new ArrayList<>();
        int unbalanced = 0;
        int open = -1; // the first mark of the open double quotation
        List<ArticleText.Span> segments = new ArrayList<>(); // its parts in earlier paragraphs
        int segmentStart = -1;
        int single = -1;
        int resumeAt = 0; // past the mark that carries a quotation on into its paragraph
        List<ArticleText.Span> paragraphs = article.paragraphs;
        for (int p = 0; p < paragraphs.size(); p++) {
            ArticleText.Span paragraph = paragraphs.get(p);
            for (int i = Math.max(paragraph.start(), resumeAt); i < paragraph.end(); i++) {
                char c = text.charAt(i);
                boolean straight = c == '"';
                if (open >= 0 && (rules.doubleClose().indexOf(c) >= 0 || straight) && closing(i)) {
                    segments.add(new ArticleText.Span(segmentStart, i));
                    quotes.add(quote(open, i + 1, segments));
                    if (quotes.size() >= max) {
                        return new Found(quotes, unbalanced, true);
                    }
                    open = -1;
                    single = -1;
                    segments = new ArrayList<>();
                } else if ((rules.doubleOpen().indexOf(c) >= 0 || straight) && opening(i)) {
                    if (open >= 0) {
                        unbalanced++; // an earlier mark that nothing closed: this one starts afresh
                        segments = new ArrayList<>();
                    }
                    open = i;
                    segmentStart = i + 1;
                    single = -1;
                } else if ((rules.singleOpen().indexOf(c) >= 0 || c == '\'') && single < 0 && opening(i)) {
                    single = i;
                } else if (single >= 0 && (rules.singleClose().indexOf(c) >= 0 || c == '\'') && closing(i)) {
                    if (open < 0) {
                        quotes.add(quote(single, i + 1, List.of(new ArticleText.Span(single + 1, i))));
                        if (quotes.size() >= max) {
                            return new Found(quotes, unbalanced, true);
                        }
                    } // else a quotation inside the open one: part of it
                    single = -1;
                } else if ((rules.doubleClose().indexOf(c) >= 0 || straight) && open < 0) {
                    unbalanced++;
                }
            }
            if (single >= 0) {
                unbalanced++;
                single = -1;
            }
            if (open >= 0) {
                int nextOpen = p + 1 < paragraphs.size() ? paragraphs.get(p + 1).start() : -1;
                if (nextOpen >= 0 && (rules.doubleOpen().indexOf(text.charAt(nextOpen)) >= 0
                        || text.charAt(nextOpen) == '"')) {
                    // runs on: this paragraph's part ends here, the next paragraph's mark does not open anew
                    segments.add(new ArticleText.Span(segmentStart, paragraph.end()));
                    segmentStart = nextOpen + 1;
                    resumeAt = nextOpen + 1;
                } else {
                    unbalanced++;
                    open = -1;
                    segments = new ArrayList<>();
                }
            }
        }
        return new Found(quotes, unbalanced, false);
    }

    private Quote quote(int open, int close, List<ArticleText.Span> segments) {
        String text = article.text;
        StringBuilder words = new StringBuilder();
        int start = -1;
        int end = -1;
        for (int s = 0; s < segments.size(); s++) {
            ArticleText.Span trimmed = article.trim(segments.get(s).start(), segments.get(s).end());
            int segEnd = trimmed.end();
            if (s == segments.size() - 1) {
                // the comma before the closing mark ends the quoted clause for the reporting sentence
                while (segEnd > trimmed.start() && (text.charAt(segEnd - 1) == ',' || text.charAt(segEnd - 1) == ';')) {
                    segEnd--;
                }
                segEnd = article.trim(trimmed.start(), segEnd).end();
            }
            if (segEnd <= trimmed.start()) {
                continue;
            }
            if (start < 0) {
                start = trimmed.start();
            }
            end = segEnd;
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append(text, trimmed.start(), segEnd);
        }
        if (start < 0) {
            start = open + 1;
            end = open + 1;
        }
        return new Quote(open, close, start, end, words.toString(), segments.size());
    }

    /** A mark in opening position: at the start or after a space or an opening bracket, before a non-space. */
    private boolean opening(int i) {
        String text = article.text;
        if (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        return Character.isWhitespace(before) || "([{—–-/".indexOf(before) >= 0
                || rules.doubleOpen().indexOf(before) >= 0 || before == '"';
    }

    /** A mark in closing position: after a non-space, before anything but a letter or a digit. */
    private boolean closing(int i) {
        String text = article.text;
        if (i == 0 || Character.isWhitespace(text.charAt(i - 1))) {
            return false;
        }
        return i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1));
    }
}
