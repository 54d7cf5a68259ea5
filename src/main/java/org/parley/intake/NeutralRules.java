package org.parley.intake;

import java.util.Map;
import java.util.Set;

import org.parley.encounter.EncounterKind;
import org.parley.statement.StatementKind;

/** Rules with no words of any language: quotation marks of many scripts, and nothing else. */
final class NeutralRules implements LanguageRules {

    static final NeutralRules INSTANCE = new NeutralRules();

    private NeutralRules() {
    }

    @Override
    public String doubleOpen() {
        return "“«„「『";
    }

    @Override
    public String doubleClose() {
        return "”»“」』";
    }

    @Override
    public String singleOpen() {
        return "‘‹";
    }

    @Override
    public String singleClose() {
        return "’›";
    }

    @Override
    public Set<String> abbreviations() {
        return Set.of();
    }

    @Override
    public Map<String, StatementKind> reportingVerbs() {
        return Map.of();
    }

    @Override
    public Set<String> passiveMarkers() {
        return Set.of();
    }

    @Override
    public Set<String> quoteVerbs() {
        return Set.of();
    }

    @Override
    public Set<String> auxiliaries() {
        return Set.of();
    }

    @Override
    public Set<String> titleWords() {
        return Set.of();
    }

    @Override
    public Set<String> notNames() {
        return Set.of();
    }

    @Override
    public Set<String> determiners() {
        return Set.of();
    }

    @Override
    public Set<String> pronouns() {
        return Set.of();
    }

    @Override
    public Set<String> relatives() {
        return Set.of();
    }

    @Override
    public Map<String, Integer> months() {
        return Map.of();
    }

    @Override
    public Map<String, Integer> weekdays() {
        return Map.of();
    }

    @Override
    public Set<String> futureMarkers() {
        return Set.of();
    }

    @Override
    public Set<String> cancelMarkers() {
        return Set.of();
    }

    @Override
    public Set<String> proposalMarkers() {
        return Set.of();
    }

    @Override
    public Map<String, EncounterKind> encounterWords() {
        return Map.of();
    }

    @Override
    public Set<String> placePrepositions() {
        return Set.of();
    }

    @Override
    public Set<String> nameJoiners() {
        return Set.of();
    }

    @Override
    public Set<String> locativePrepositions() {
        return Set.of();
    }

    @Override
    public java.util.List<String> demonymEndings() {
        return java.util.List.of();
    }

    @Override
    public Set<String> neuterPronouns() {
        return Set.of();
    }

    @Override
    public Set<String> organisationWords() {
        return Set.of();
    }

    @Override
    public Set<String> counterpartNouns() {
        return Set.of();
    }

    @Override
    public Set<String> counterpartWords() {
        return Set.of();
    }

    @Override
    public Set<String> agreementWords() {
        return Set.of();
    }

    @Override
    public Set<String> signingWords() {
        return Set.of();
    }

    @Override
    public Set<String> agentWords() {
        return Set.of();
    }

    @Override
    public Map<String, Integer> dayOffsets() {
        return Map.of();
    }

    @Override
    public Map<String, Integer> periodShifts() {
        return Map.of();
    }
}
