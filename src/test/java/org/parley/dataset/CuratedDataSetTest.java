package org.parley.dataset;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.dataset.DataSet.AttestationRecord;
import org.parley.dataset.DataSet.StatementRecord;
import org.parley.testsupport.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** The shipped data set against its database rows and against the articles it was curated from. */
@QuarkusTest
class CuratedDataSetTest {

    /** The articles, beside the project as ../shared/seeds (where CI has them). */
    private static final Path SEEDS = Path.of("..", "shared", "seeds");

    @Inject
    DataSetLoader loader;

    @Test
    void everyRecordOfTheFileIsInTheDatabase() throws IOException {
        // by key, since writes of other tests may add rows beside the curated ones
        DataSet data = DataSetLoader.curated();
        assertEquals(data.sources().stream().map(DataSet.SourceRecord::key).sorted().toList(),
                Database.column("select slug from source where slug = any(?) order by slug",
                        (Object) data.sources().stream().map(DataSet.SourceRecord::key).toArray(String[]::new)));
        assertEquals(data.actors().size(), Database.count("select count(*) from actor where slug = any(?)",
                (Object) data.actors().stream().map(DataSet.ActorRecord::key).toArray(String[]::new)));
        assertEquals(data.encounters().size(), Database.count("select count(*) from encounter"));
        assertEquals(data.statements().size(), Database.count("select count(*) from statement"));
        long attestations = data.encounters().stream().mapToLong(e -> e.attestations().size()).sum()
                + data.statements().stream().mapToLong(s -> s.attestations().size()).sum();
        assertEquals(attestations, Database.count("select count(*) from attestation"));
    }

    @Test
    void everyEncounterAndStatementIsAttested() {
        assertEquals(0, Database.count("select count(*) from encounter e where not exists"
                + " (select 1 from attestation a where a.encounter_id = e.id)"));
        assertEquals(0, Database.count("select count(*) from statement s where not exists"
                + " (select 1 from attestation a where a.statement_id = s.id)"));
    }

    @Test
    void loadingAgainEvenConcurrentlyInsertsNothing() throws IOException {
        DataSet data = DataSetLoader.curated();
        long before = Database.count("select (select count(*) from actor) + (select count(*) from attestation)"
                + " + (select count(*) from participant) + (select count(*) from statement_about)");
        List<Integer> inserted = Uni.join().all(loader.load(data), loader.load(data), loader.load(data))
                .andFailFast().await().indefinitely();
        assertEquals(List.of(0, 0, 0), inserted);
        assertEquals(before, Database.count("select (select count(*) from actor) + (select count(*) from attestation)"
                + " + (select count(*) from participant) + (select count(*) from statement_about)"));
    }

    @Test
    void excerptsAndVerbatimQuotesAreWordForWordInTheirArticles() throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "the seed articles are not beside the project");
        DataSet data = DataSetLoader.curated();
        Map<String, String> articles = new HashMap<>();
        for (DataSet.SourceRecord source : data.sources()) {
            articles.put(source.key(), Files.readString(SEEDS.resolve(source.seedFile()), StandardCharsets.UTF_8));
        }
        List<String> missing = new ArrayList<>();
        List<AttestationRecord> attestations = new ArrayList<>();
        data.encounters().forEach(e -> attestations.addAll(e.attestations()));
        data.statements().forEach(s -> attestations.addAll(s.attestations()));
        for (AttestationRecord attestation : attestations) {
            if (!articles.get(attestation.source()).contains(attestation.excerpt())) {
                missing.add(attestation.source() + ": " + attestation.excerpt());
            }
        }
        for (StatementRecord statement : data.statements()) {
            if ("VERBATIM".equals(statement.mode()) && statement.attestations().stream()
                    .noneMatch(a -> articles.get(a.source()).contains(statement.text()))) {
                missing.add(statement.key() + ": " + statement.text());
            }
        }
        assertThat(missing, empty());
        assertTrue(attestations.size() > 50);
    }
}
