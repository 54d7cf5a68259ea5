package org.parley.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.testsupport.GraphQL.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SourceMutationsTest {

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static Map<String, Object> input(String url) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", "Test article " + UUID.randomUUID());
        input.put("publisher", "Zz Test Gazette");
        input.put("url", url);
        input.put("publishedAt", "2024-06-19T09:30:00+09:00");
        input.put("language", "en");
        return input;
    }

    @Test
    void addsASourceKeepingItsPrintedTimeZoneAndRefusesADuplicateUrl() throws Exception {
        String token = DevTokens.mint("test-editor", 600, "editor");
        String url = "https://example.org/zz-test/" + UUID.randomUUID();
        JsonPath added = as(token, "addSource", "input", input(url));
        assertThat(added.getList("data.addSource.userErrors"), empty());
        assertEquals("2024-06-19T09:30:00+09:00", added.getString("data.addSource.source.publishedAt"));
        assertEquals(Map.of("date", "2024-06-19", "precision", "DAY"), added.getMap("data.addSource.source.publishedOn"));
        JsonPath duplicate = as(token, "addSource", "input", input(url));
        assertNull(duplicate.get("data.addSource.source"));
        assertEquals("TAKEN", duplicate.getString("data.addSource.userErrors[0].code"));
        assertEquals(List.of("input", "url"), duplicate.getList("data.addSource.userErrors[0].field"));
    }

    @Test
    void theSameArticleUnderAnotherSpellingOfItsAddressIsRefusedNamingTheSourceThatHasIt() throws Exception {
        String token = DevTokens.mint("test-editor", 600, "editor");
        String path = "example.org/zz-test/" + UUID.randomUUID();
        // an editor pastes the address from a shared link: http, upper-case host, tracking parameters
        String shared = "http://EXAMPLE.org/" + path.substring("example.org/".length()) + "/?utm_source=tw&b=2&a=1";
        JsonPath added = as(token, "addSource", "input", input(shared));
        assertThat(added.getList("data.addSource.userErrors"), empty());
        String id = added.getString("data.addSource.source.id");
        assertEquals(shared, added.getString("data.addSource.source.url"), "kept as given, for display");
        for (String same : List.of("https://" + path + "?a=1&b=2", "HTTPS://" + path + "/?a=1&utm_medium=x&b=2#comments")) {
            JsonPath again = as(token, "addSource", "input", input(same));
            assertNull(again.get("data.addSource.source"), same);
            assertEquals("TAKEN", again.getString("data.addSource.userErrors[0].code"));
            assertEquals(List.of("input", "url"), again.getList("data.addSource.userErrors[0].field"));
            assertEquals("source " + id + " already has this address (as " + shared + ")",
                    again.getString("data.addSource.userErrors[0].message"));
        }
        // another article of the same site is another source, an upper-case scheme is an address
        JsonPath other = as(token, "addSource", "input", input("HTTPS://" + path + "?a=1"));
        assertThat(other.getList("data.addSource.userErrors"), empty());
        assertEquals("HTTPS://" + path + "?a=1", other.getString("data.addSource.source.url"));
    }

    @Test
    void aLiveBlogWithoutHeadlineOrTimeIsAddedWithTheDayItGives() throws Exception {
        String token = DevTokens.mint("test-editor", 600, "editor");
        // a live blog: no headline, the page gives only "19 June 2024"
        Map<String, Object> blog = input("https://example.org/zz-test/live/" + UUID.randomUUID());
        blog.remove("title");
        blog.remove("publishedAt");
        blog.put("publishedOn", Map.of("date", "2024-06-19", "precision", "DAY"));
        JsonPath added = as(token, "addSource", "input", blog);
        assertThat(added.getList("data.addSource.userErrors"), empty());
        assertNull(added.get("data.addSource.source.title"));
        assertNull(added.get("data.addSource.source.publishedAt"));
        assertEquals(Map.of("date", "2024-06-19", "precision", "DAY"), added.getMap("data.addSource.source.publishedOn"));

        // a monthly report known to the month; a time given as well must fall in it
        Map<String, Object> monthly = input("https://example.org/zz-test/monthly/" + UUID.randomUUID());
        monthly.remove("publishedAt");
        monthly.put("publishedOn", Map.of("date", "2024-06-01", "precision", "MONTH"));
        assertEquals(Map.of("date", "2024-06-01", "precision", "MONTH"),
                as(token, "addSource", "input", monthly).getMap("data.addSource.source.publishedOn"));
        Map<String, Object> contradicting = input("https://example.org/zz-test/" + UUID.randomUUID());
        contradicting.put("publishedOn", Map.of("date", "2024-07-01", "precision", "MONTH"));
        JsonPath refused = as(token, "addSource", "input", contradicting);
        assertEquals("INVALID", refused.getString("data.addSource.userErrors[0].code"));
        assertEquals(List.of("input", "publishedOn"), refused.getList("data.addSource.userErrors[0].field"));
        Map<String, Object> blank = input("https://example.org/zz-test/" + UUID.randomUUID());
        blank.put("title", "   ");
        assertEquals(List.of("input", "title"), as(token, "addSource", "input", blank)
                .getList("data.addSource.userErrors[0].field"));
    }

    @Test
    void anEditorCorrectsASourceFieldByFieldAndANoOpChangesNothing() throws Exception {
        String token = DevTokens.mint("test-editor", 600, "editor");
        String id = as(token, "addSource", "input", input("https://example.org/zz-test/" + UUID.randomUUID()))
                .getString("data.addSource.source.id");
        long dbId = Ids.dbId(id);
        String changes = "select count(*) from change_log where node_type = 'Source' and node_id = ?";
        assertEquals(1, Database.count(changes, dbId));

        // the publisher was wrong (a syndicated copy): clear it; add a note; fields left out keep their value
        Map<String, Object> correction = new HashMap<>();
        correction.put("id", id);
        correction.put("version", 0);
        correction.put("publisher", null);
        correction.put("reliabilityNote", "Syndicated copy; the original publisher is not named.");
        JsonPath corrected = as(token, "updateSource", "input", correction);
        assertThat(corrected.getList("data.updateSource.userErrors"), empty());
        assertNull(corrected.get("data.updateSource.source.publisher"));
        assertEquals("Syndicated copy; the original publisher is not named.",
                corrected.getString("data.updateSource.source.reliabilityNote"));
        assertEquals("2024-06-19T09:30:00+09:00", corrected.getString("data.updateSource.source.publishedAt"));
        assertEquals(1, corrected.getInt("data.updateSource.source.version"));
        assertEquals(2, Database.count(changes, dbId));

        // the same values again, without a version: nothing written
        correction.remove("version");
        correction.put("publishedAt", "2024-06-19T09:30:00+09:00");
        JsonPath same = as(token, "updateSource", "input", correction);
        assertThat(same.getList("data.updateSource.userErrors"), empty());
        assertEquals(1, same.getInt("data.updateSource.source.version"));
        assertEquals(2, Database.count(changes, dbId));

        // the page prints no time after all: clear it, the day stays; a live blog has no headline
        Map<String, Object> noTime = new HashMap<>();
        noTime.put("id", id);
        noTime.put("version", 1);
        noTime.put("publishedAt", null);
        noTime.put("title", null);
        JsonPath cleared = as(token, "updateSource", "input", noTime);
        assertThat(cleared.getList("data.updateSource.userErrors"), empty());
        assertNull(cleared.get("data.updateSource.source.publishedAt"));
        assertNull(cleared.get("data.updateSource.source.title"));
        assertEquals(Map.of("date", "2024-06-19", "precision", "DAY"), cleared.getMap("data.updateSource.source.publishedOn"));

        // refused: a stale version, an update before the publication, another source's address
        assertEquals("CONFLICT", as(token, "updateSource", "input", Map.of("id", id, "version", 1, "author", "X"))
                .getString("data.updateSource.userErrors[0].code"));
        JsonPath early = as(token, "updateSource", "input", Map.of("id", id, "updatedAt", "2024-06-18T10:00:00Z"));
        assertEquals(List.of("input", "updatedAt"), early.getList("data.updateSource.userErrors[0].field"));
        String otherUrl = "https://example.org/zz-test/" + UUID.randomUUID();
        String other = as(token, "addSource", "input", input(otherUrl)).getString("data.addSource.source.id");
        JsonPath taken = as(token, "updateSource", "input", Map.of("id", id, "url", otherUrl + "/#top"));
        assertEquals("TAKEN", taken.getString("data.updateSource.userErrors[0].code"));
        assertEquals("source " + other + " already has this address (as " + otherUrl + ")",
                taken.getString("data.updateSource.userErrors[0].message"));
        assertEquals(2, TestRows.version("source", id));
        assertEquals(3, Database.count(changes, dbId));
    }

    @Test
    void refusesMalformedValues() throws Exception {
        String token = DevTokens.mint("test-editor", 600, "editor");
        Map<String, Object> bad = input("ftp://example.org/file");
        bad.put("language", "English");
        bad.put("updatedAt", "2024-06-18T09:30:00+09:00");
        JsonPath refused = as(token, "addSource", "input", bad);
        assertEquals(List.of("INVALID", "INVALID"), refused.getList("data.addSource.userErrors.code"));
        assertEquals(List.of(List.of("input", "language"), List.of("input", "url")),
                refused.getList("data.addSource.userErrors.field"));
        Map<String, Object> backwards = input("https://example.org/zz-test/" + UUID.randomUUID());
        backwards.put("updatedAt", "2024-06-18T09:30:00+09:00");
        assertEquals("INVALID", as(token, "addSource", "input", backwards).getString("data.addSource.userErrors[0].code"));
    }
}
