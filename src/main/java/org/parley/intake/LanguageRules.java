package org.parley.intake;

import java.util.Map;
import java.util.Set;

import org.parley.encounter.EncounterKind;
import org.parley.statement.StatementKind;

/**
 * The words an intake reads an article by, for one language. The data shapes (offsets, spans, kinds) do not depend on
 * it: a language without rules of its own gets {@link #neutral()}, which still finds quotations by their marks and
 * ISO dates, and proposes no speakers, reported speech or encounters.
 */
interface LanguageRules {

    /** Marks that open a quotation (besides the straight {@code "}, read by position). */
    String doubleOpen();

    /** Marks that close a quotation. */
    String doubleClose();

    /** Marks that open a quotation inside a quotation, or a short quotation (British style). */
    String singleOpen();

    /** Marks that close them; the same character may be an apostrophe, told apart by position. */
    String singleClose();

    /** Words that end with a full stop but end no sentence ("Mr", "U.S", "Gen"), lower case, without the stop. */
    Set<String> abbreviations();

    /** Reporting verbs (lower case) and the statement kind each suggests; CLAIM where it suggests none. */
    Map<String, StatementKind> reportingVerbs();

    /** The verbs that attribute a direct quotation ("said", "added", "told"). */
    Set<String> quoteVerbs();

    /** Words that may stand between a subject and its reporting verb ("had", "also", "reportedly"). */
    Set<String> auxiliaries();

    /**
     * Words that make the reporting verb after them passive ("Nothing was said", "He was invited"): its subject is
     * what was said or who was addressed, not the speaker.
     */
    Set<String> passiveMarkers();

    /** Words that make a title rather than a name ("Minister", "President"), in the case printed. */
    Set<String> titleWords();

    /** Capitalised words that start sentences and are not names ("The", "But", "On"), lower case. */
    Set<String> notNames();

    /** Words that begin a description rather than a name ("a", "the", "his"), lower case. */
    Set<String> determiners();

    /** Personal pronouns that may stand for a speaker, lower case. */
    Set<String> pronouns();

    /** Pronouns that stand for an organisation or a thing, not a person ("it"), lower case. */
    Set<String> neuterPronouns();

    /** Words that make a name or a description an organisation's ("Ministry", "Kremlin", "agency"), lower case. */
    Set<String> organisationWords();

    /** Words that begin a relative clause ("who", "which"), lower case. */
    Set<String> relatives();

    /** Month names (lower case, full and abbreviated) to month numbers 1-12. */
    Map<String, Integer> months();

    /** Weekday names (lower case) to ISO day numbers 1 (Monday) to 7. */
    Map<String, Integer> weekdays();

    /** Words that put a sentence in the future ("will", "expected"), lower case. */
    Set<String> futureMarkers();

    /** Words that say an encounter was called off, lower case. */
    Set<String> cancelMarkers();

    /** Words that say an encounter is only proposed ("invited", "invitation"), lower case. */
    Set<String> proposalMarkers();

    /** Verbs and nouns of encounters (lower case: "met", "talks", "summit") with the kind each suggests. */
    Map<String, EncounterKind> encounterWords();

    /** Prepositions that introduce a place after an encounter word ("in", "at"), lower case. */
    Set<String> placePrepositions();

    /**
     * Encounter nouns that report an encounter only with its other party named after them ("a meeting with",
     * "discussions between") or its parties or place printed before them ("the Kim-Trump meeting"), lower case.
     */
    Set<String> counterpartNouns();

    /** Words that introduce the other party after such a noun ("with", "between"), lower case. */
    Set<String> counterpartWords();

    /** Nouns of signed texts ("declaration", "treaty"): signed by two parties, they attest an encounter. */
    Set<String> agreementWords();

    /** Verbs of signing ("signed"), lower case. */
    Set<String> signingWords();

    /** The word that introduces the agent of a passive ("by"), lower case. */
    Set<String> agentWords();

    /**
     * Prepositions after which a name is a place where it is one at all ("in Pyongyang", "at the Kremlin", "from
     * Moscow"), lower case: a mention of a recorded place or state there is proposed as a place, elsewhere as an actor.
     */
    Set<String> locativePrepositions();

    /**
     * Endings of names of nationalities used as adjectives ("North Korean leader", "Chinese officials"): such a name
     * before a lower-case word is a description, not a mention of an actor, unless it matches one.
     */
    java.util.List<String> demonymEndings();

    /**
     * Words that join the parts of an institution's name after an organisation word ("of", "for": "Ministry of
     * Foreign Affairs"), lower case.
     */
    Set<String> nameJoiners();

    /** Relative date words: the keyword, lower case ("yesterday", "today", "tomorrow", "recently"). */
    Map<String, Integer> dayOffsets();

    /** Words before a month or year that point back ("last") or forward ("next"), or to the current ("this"). */
    Map<String, Integer> periodShifts();

    /** The rules for a BCP 47 language code; the neutral rules for languages without their own. */
    static LanguageRules of(String language) {
        if (language != null && (language.equals("en") || language.startsWith("en-"))) {
            return EnglishRules.INSTANCE;
        }
        return neutral();
    }

    static LanguageRules neutral() {
        return NeutralRules.INSTANCE;
    }
}
