package org.parley.intake;

import static java.util.Map.entry;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.parley.encounter.EncounterKind;
import org.parley.statement.StatementKind;

/** English: news style (AP/Reuters) quotation, attribution, titles and dates. */
final class EnglishRules implements LanguageRules {

    // built once: the finders ask for them word by word
    private static final Set<String> NEUTER_PRONOUNS = Set.of("it");
    private static final Set<String> ORGANISATION_WORDS = Set.of("ministry", "agency", "department", "office",
            "council", "committee", "party", "government", "kremlin", "embassy", "army", "navy", "military",
            "administration", "commission", "bureau", "cabinet", "parliament", "assembly", "court", "union", "alliance",
            "organization", "organisation", "kcna", "pentagon", "secretariat", "command", "headquarters", "school",
            "university", "institute", "center", "centre", "academy", "foundation", "college", "association",
            "federation");
    private static final Set<String> NAME_JOINERS = Set.of("of", "for");
    private static final Set<String> LOCATIVE_PREPOSITIONS = Set.of("in", "at", "from", "near", "into", "outside",
            "inside", "across", "via");
    private static final java.util.List<String> DEMONYM_ENDINGS = java.util.List.of("ean", "ian", "ese", "can", "ish");
    private static final Set<String> COUNTERPART_NOUNS = Set.of("meeting", "discussions", "consultations");
    private static final Set<String> COUNTERPART_WORDS = Set.of("with", "between");
    private static final Set<String> AGREEMENT_WORDS = Set.of("declaration", "agreement", "accord", "accords",
            "treaty", "pact", "communique", "communiqué", "memorandum", "deal");
    private static final Set<String> SIGNING_WORDS = Set.of("signed", "sign", "signs", "inked", "concluded");
    private static final Set<String> AGENT_WORDS = Set.of("by");

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen",
            "rep", "gov", "u.s", "u.k", "u.n",
            "p.m", "a.m", "inc", "co", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "e.g", "i.e", "etc", "prof", "sgt", "capt", "adm", "n");
    private static final Set<String> QUOTE_VERBS = Set.of("said", "says", "told", "tells", "added", "asked",
            "replied", "wrote", "noted", "stated",
            "explained", "continued", "insisted", "warned", "declared", "remarked", "say", "promised",
            "pledged", "recalled", "stressed");
    private static final Set<String> PASSIVE = Set.of("was", "were", "is", "are", "be", "been", "being", "get",
            "got", "gets");
    private static final Set<String> AUXILIARIES = Set.of("had", "has", "have", "also", "then", "later",
            "previously", "reportedly", "again", "once",
            "earlier", "himself", "herself", "itself", "themselves", "repeatedly", "consistently",
            "publicly", "personally", "gladly", "recently", "both", "always");
    private static final Set<String> TITLE_WORDS = Set.of("President", "Vice", "Prime", "Minister", "Secretary",
            "Chancellor", "King", "Queen",
            "Prince", "Ambassador", "Envoy", "Spokesman", "Spokeswoman", "Spokesperson", "Chairman",
            "Chairwoman", "General", "Gen.", "Marshal", "Admiral", "Senator", "Sen.", "Rep.", "Governor", "Mayor",
            "Leader", "Director", "Chief", "Premier", "Pope", "Dr.", "Mr.", "Mrs.", "Ms.", "Foreign", "Defense",
            "Defence", "Deputy", "Former", "Supreme", "Colonel", "Commander", "Professor", "Prof.", "Sheikh",
            "Emir", "Crown", "Justice", "Speaker", "Representative", "Counselor", "Adviser", "Advisor");
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "but", "and", "or", "so", "yet", "still",
            "though", "although", "however",
            "meanwhile", "in", "on", "at", "for", "from", "with", "without", "after", "before", "during", "since",
            "while", "when", "as", "if", "it", "its", "this", "that", "these", "those", "there", "here", "further",
            "furthermore", "additionally", "also", "both", "despite", "amid", "following", "instead", "of",
            "well", "you", "we", "i", "he", "she", "they", "his", "her", "their", "our", "what", "why", "how",
            "who", "which", "remember", "yes", "enjoy", "read", "more", "leave", "share", "posted", "updated",
            "last", "first", "analysts", "experts", "officials", "one", "by", "to", "under", "until", "then",
            "now", "today", "yesterday", "tomorrow", "according", "alignment", "possibility", "is", "was",
            "will", "would", "could", "should", "may", "might", "not", "do", "does", "did", "let", "like",
            "between", "over", "about", "some", "many", "several", "other", "another", "every", "each", "all");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "his", "her", "its", "their", "one",
            "some", "several", "two", "three",
            "many", "another", "this", "that", "these", "those", "our", "most", "other");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "i", "we");
    private static final Set<String> RELATIVES = Set.of("who", "which", "whose", "whom", "that", "where", "when");
    private static final Map<String, Integer> WEEKDAYS = Map.of("monday", 1, "tuesday", 2, "wednesday", 3,
            "thursday", 4, "friday", 5, "saturday", 6,
            "sunday", 7);
    private static final Set<String> FUTURE_MARKERS = Set.of("will", "expected", "expects", "scheduled", "plans",
            "planned", "planning", "upcoming",
            "shall", "next", "set", "due", "intends", "hopes");
    private static final Set<String> CANCEL_MARKERS = Set.of("cancelled", "canceled", "cancel", "scrapped",
            "postponed");
    private static final Set<String> PROPOSAL_MARKERS = Set.of("invited", "invitation", "invite", "invites",
            "potential", "possible", "proposed");
    private static final Map<String, EncounterKind> ENCOUNTER_WORDS = Map.ofEntries(entry("met",
            EncounterKind.MEETING), entry("meet", EncounterKind.MEETING),
            entry("meets", EncounterKind.MEETING), entry("meeting", EncounterKind.MEETING),
            entry("received", EncounterKind.MEETING), entry("receive", EncounterKind.MEETING),
            entry("welcomed", EncounterKind.MEETING), entry("talks", EncounterKind.TALKS),
            entry("summit", EncounterKind.SUMMIT), entry("visit", EncounterKind.VISIT),
            entry("visited", EncounterKind.VISIT), entry("visits", EncounterKind.VISIT),
            entry("arrived", EncounterKind.VISIT), entry("sit-down", EncounterKind.MEETING),
            entry("call", EncounterKind.CALL), entry("phoned", EncounterKind.CALL),
            entry("discussions", EncounterKind.TALKS), entry("consultations", EncounterKind.TALKS));
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "to");
    private static final Map<String, Integer> DAY_OFFSETS = Map.of("yesterday", -1, "today", 0, "tonight", 0,
            "tomorrow", 1);
    private static final Map<String, Integer> PERIOD_SHIFTS = Map.of("last", -1, "next", 1, "this", 0, "earlier", 0,
            "previous", -1, "past", -1);

    static final EnglishRules INSTANCE = new EnglishRules();
    private static final Map<String, StatementKind> REPORTING = Map.ofEntries(
            entry("said", StatementKind.CLAIM), entry("says", StatementKind.CLAIM),
            entry("told", StatementKind.CLAIM), entry("tells", StatementKind.CLAIM),
            entry("added", StatementKind.CLAIM), entry("stated", StatementKind.CLAIM),
            entry("noted", StatementKind.ASSESSMENT), entry("explained", StatementKind.CLAIM),
            entry("wrote", StatementKind.CLAIM), entry("reported", StatementKind.CLAIM),
            entry("claimed", StatementKind.CLAIM), entry("asserted", StatementKind.CLAIM),
            entry("maintained", StatementKind.ASSESSMENT), entry("acknowledged", StatementKind.ASSESSMENT),
            entry("argued", StatementKind.ASSESSMENT), entry("predicted", StatementKind.ASSESSMENT),
            entry("believe", StatementKind.ASSESSMENT), entry("believes", StatementKind.ASSESSMENT),
            entry("speculate", StatementKind.ASSESSMENT), entry("speculated", StatementKind.ASSESSMENT),
            entry("cited", StatementKind.ASSESSMENT), entry("expressed", StatementKind.ASSESSMENT),
            entry("insisted", StatementKind.DEMAND), entry("demanded", StatementKind.DEMAND),
            entry("urged", StatementKind.DEMAND), entry("called", StatementKind.DEMAND),
            entry("denied", StatementKind.DENIAL), entry("denies", StatementKind.DENIAL),
            entry("rejected", StatementKind.DENIAL), entry("dismissed", StatementKind.DENIAL),
            entry("invited", StatementKind.INVITATION), entry("invites", StatementKind.INVITATION),
            entry("pledged", StatementKind.PLEDGE), entry("pledges", StatementKind.PLEDGE),
            entry("promised", StatementKind.PLEDGE), entry("vowed", StatementKind.PLEDGE),
            entry("reaffirmed", StatementKind.PLEDGE),
            entry("accused", StatementKind.ALLEGATION), entry("accuses", StatementKind.ALLEGATION),
            entry("alleged", StatementKind.ALLEGATION), entry("alleges", StatementKind.ALLEGATION),
            entry("warned", StatementKind.WARNING), entry("warns", StatementKind.WARNING),
            entry("threatened", StatementKind.WARNING),
            entry("offered", StatementKind.OFFER), entry("proposed", StatementKind.OFFER),
            entry("suggested", StatementKind.OFFER),
            entry("announced", StatementKind.ANNOUNCEMENT), entry("announces", StatementKind.ANNOUNCEMENT),
            entry("declined", StatementKind.NO_COMMENT), entry("refused", StatementKind.NO_COMMENT),
            entry("endorsed", StatementKind.ENDORSEMENT), entry("praised", StatementKind.ENDORSEMENT),
            entry("backed", StatementKind.ENDORSEMENT),
            entry("accepted", StatementKind.ACCEPTANCE));

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    static {
        String[] names = { "january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december" };
        for (int i = 0; i < names.length; i++) {
            MONTHS.put(names[i], i + 1);
            if (names[i].length() > 4) {
                MONTHS.put(names[i].substring(0, 3), i + 1);
            }
        }
        MONTHS.put("sept", 9);
    }

    private EnglishRules() {
    }

    @Override
    public String doubleOpen() {
        return "“«";
    }

    @Override
    public String doubleClose() {
        return "”»";
    }

    @Override
    public String singleOpen() {
        return "‘";
    }

    @Override
    public String singleClose() {
        return "’";
    }

    @Override
    public Set<String> abbreviations() {
        return ABBREVIATIONS;
    }

    @Override
    public Map<String, StatementKind> reportingVerbs() {
        return REPORTING;
    }

    @Override
    public Set<String> quoteVerbs() {
        return QUOTE_VERBS;
    }

    @Override
    public Set<String> auxiliaries() {
        return AUXILIARIES;
    }

    @Override
    public Set<String> passiveMarkers() {
        return PASSIVE;
    }

    @Override
    public Set<String> titleWords() {
        return TITLE_WORDS;
    }

    @Override
    public Set<String> notNames() {
        return NOT_NAMES;
    }

    @Override
    public Set<String> determiners() {
        return DETERMINERS;
    }

    @Override
    public Set<String> pronouns() {
        return PRONOUNS;
    }

    @Override
    public Set<String> relatives() {
        return RELATIVES;
    }

    @Override
    public Map<String, Integer> months() {
        return MONTHS;
    }

    @Override
    public Map<String, Integer> weekdays() {
        return WEEKDAYS;
    }

    @Override
    public Set<String> futureMarkers() {
        return FUTURE_MARKERS;
    }

    @Override
    public Set<String> cancelMarkers() {
        return CANCEL_MARKERS;
    }

    @Override
    public Set<String> proposalMarkers() {
        return PROPOSAL_MARKERS;
    }

    @Override
    public Map<String, EncounterKind> encounterWords() {
        return ENCOUNTER_WORDS;
    }

    @Override
    public Set<String> placePrepositions() {
        return PLACE_PREPOSITIONS;
    }

    @Override
    public Set<String> nameJoiners() {
        return NAME_JOINERS;
    }

    @Override
    public Set<String> locativePrepositions() {
        return LOCATIVE_PREPOSITIONS;
    }

    @Override
    public java.util.List<String> demonymEndings() {
        return DEMONYM_ENDINGS;
    }

    @Override
    public Set<String> neuterPronouns() {
        return NEUTER_PRONOUNS;
    }

    @Override
    public Set<String> organisationWords() {
        return ORGANISATION_WORDS;
    }

    @Override
    public Set<String> counterpartNouns() {
        return COUNTERPART_NOUNS;
    }

    @Override
    public Set<String> counterpartWords() {
        return COUNTERPART_WORDS;
    }

    @Override
    public Set<String> agreementWords() {
        return AGREEMENT_WORDS;
    }

    @Override
    public Set<String> signingWords() {
        return SIGNING_WORDS;
    }

    @Override
    public Set<String> agentWords() {
        return AGENT_WORDS;
    }

    @Override
    public Map<String, Integer> dayOffsets() {
        return DAY_OFFSETS;
    }

    @Override
    public Map<String, Integer> periodShifts() {
        return PERIOD_SHIFTS;
    }
}
