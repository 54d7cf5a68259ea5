package org.parley.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An article's text cut into paragraphs (at line breaks: pasted copy keeps one paragraph a line) and sentences, and
 * into words on demand, every piece by its offsets in the text as given.
 */
final class ArticleText {

    /** A piece of the text: {@code [start, end)}. */
    record Span(int start, int end) {
        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    /** A word or a punctuation mark, with its offsets. */
    record Token(int start, int end, String text) {
        boolean capitalised() {
            return Character.isUpperCase(text.codePointAt(0));
        }

        boolean word() {
            return Character.isLetterOrDigit(text.codePointAt(0));
        }

        String lower() {
            return text.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Initials and dotted abbreviations ("S.", "U.S."), words with inner apostrophes or hyphens, or one mark. */
    private static final Pattern TOKEN = Pattern.compile(
            "\\p{Lu}\\.(?:\\p{L}\\.)*|[\\p{L}\\p{N}]+(?:[’'\\-][\\p{L}\\p{N}]+)*\\.?|\\S");

    final String text;
    final List<Span> paragraphs = new ArrayList<>();
    final List<Span> sentences = new ArrayList<>();
    /** For each sentence, the index of its paragraph. */
    final List<Integer> sentenceParagraph = new ArrayList<>();
    private final LanguageRules rules;

    ArticleText(String text, LanguageRules rules) {
        this.text = text;
        this.rules = rules;
        int start = 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            Span paragraph = trim(start, end);
            if (paragraph.end() > paragraph.start()) {
                paragraphs.add(paragraph);
                splitSentences(paragraph, paragraphs.size() - 1);
            }
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
    }

    /** The span without the white space at its ends. */
    Span trim(int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }

    private void splitSentences(Span paragraph, int index) {
        int start = paragraph.start();
        for (int i = paragraph.start(); i < paragraph.end(); i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            // closing marks and brackets that follow the stop belong to the sentence
            while (end < paragraph.end() && isClosing(text.charAt(end))) {
                end++;
            }
            if (end < paragraph.end() && !Character.isWhitespace(text.charAt(end))) {
                continue;
            }
            int next = end;
            while (next < paragraph.end() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (next < paragraph.end() && !startsSentence(text.charAt(next))) {
                continue;
            }
            if (c == '.' && abbreviationBefore(i)) {
                continue;
            }
            addSentence(start, end, index);
            start = next;
            i = Math.max(i, end - 1);
        }
        addSentence(start, paragraph.end(), index);
    }

    private void addSentence(int start, int end, int paragraph) {
        Span sentence = trim(start, end);
        if (sentence.end() > sentence.start()) {
            sentences.add(sentence);
            sentenceParagraph.add(paragraph);
        }
    }

    private boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || rules.doubleClose().indexOf(c) >= 0
                || rules.singleClose().indexOf(c) >= 0;
    }

    private boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\'' || c == '('
                || rules.doubleOpen().indexOf(c) >= 0 || rules.singleOpen().indexOf(c) >= 0
                || !Character.isLetter(c) && !Character.isWhitespace(c);
    }

    /** A single capital (an initial) or a known abbreviation before the full stop at {@code dot}. */
    private boolean abbreviationBefore(int dot) {
        int start = dot;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        String word = text.substring(start, dot);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return rules.abbreviations().contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    /** The index of the sentence holding {@code offset}, or -1 (between sentences). */
    int sentenceAt(int offset) {
        return find(sentences, offset);
    }

    /** The index of the paragraph holding {@code offset}, or -1. */
    int paragraphAt(int offset) {
        return find(paragraphs, offset);
    }

    private static int find(List<Span> spans, int offset) {
        int low = 0;
        int high = spans.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Span s = spans.get(mid);
            if (offset < s.start()) {
                high = mid - 1;
            } else if (offset >= s.end()) {
                low = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The tokens of {@code [start, end)}. */
    List<Token> tokens(int start, int end) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text).region(start, end);
        while (m.find()) {
            String t = m.group();
            int tokenEnd = m.end();
            // a word's trailing full stop is the sentence's, unless the word is an abbreviation
            if (t.length() > 1 && t.endsWith(".") && Character.isLetterOrDigit(t.charAt(t.length() - 2))
                    && !rules.abbreviations().contains(t.substring(0, t.length() - 1).toLowerCase(java.util.Locale.ROOT))
                    && !(t.length() == 2 && Character.isUpperCase(t.charAt(0)))) {
                t = t.substring(0, t.length() - 1);
                tokenEnd--;
                tokens.add(new Token(m.start(), tokenEnd, t));
                tokens.add(new Token(tokenEnd, tokenEnd + 1, "."));
                continue;
            }
            tokens.add(new Token(m.start(), tokenEnd, t));
        }
        return tokens;
    }
}
