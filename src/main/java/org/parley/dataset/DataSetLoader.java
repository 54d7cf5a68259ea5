package org.parley.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.parley.actor.ActorNames;
import org.parley.dataset.DataSet.ActorRecord;
import org.parley.dataset.DataSet.AttestationRecord;
import org.parley.dataset.DataSet.EncounterRecord;
import org.parley.dataset.DataSet.RoleRecord;
import org.parley.dataset.DataSet.SourceRecord;
import org.parley.dataset.DataSet.StatementRecord;
import org.parley.graphql.PartialDate;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Inserts the curated data set at start, record by record when absent: every insert is keyed by the record's slug
 * and does nothing on conflict, so starting twice inserts nothing the second time. All of it runs in one transaction
 * that first takes an advisory lock, so replicas starting together load one after the other, and a failure leaves
 * nothing half-loaded. Rows already present are left as they are.
 */
@ApplicationScoped
public class DataSetLoader {

    private static final Logger LOG = Logger.getLogger(DataSetLoader.class);
    static final String RESOURCE = "data/curated.jsonl";
    /** Arbitrary constant naming Parley's data set lock among advisory locks. */
    private static final long LOCK_ID = 0x7061726c6579L;

    private final Pool pool;
    private final boolean loadAtStart;

    DataSetLoader(Pool pool, @ConfigProperty(name = "parley.dataset.load-at-start") boolean loadAtStart) {
        this.pool = pool;
        this.loadAtStart = loadAtStart;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        if (loadAtStart) {
            // blocks start-up on purpose: the service is not ready before its data is
            int inserted = load(curated()).await().indefinitely();
            LOG.infof("Curated data set: %d rows inserted (0 means it was already present)", inserted);
        }
    }

    public static DataSet curated() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("Missing resource " + RESOURCE);
            }
            return DataSet.read(in);
        }
    }

    /** Inserts what is absent; returns the number of rows inserted or filled in. */
    public Uni<Integer> load(DataSet data) {
        AtomicInteger inserted = new AtomicInteger();
        List<Step> steps = steps(data);
        return pool.withTransaction(connection -> {
            Uni<Void> chain = connection.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK_ID))
                    .replaceWithVoid();
            for (Step step : steps) {
                chain = chain.chain(() -> step.run(connection, inserted));
            }
            return chain.chain(() -> inserted.get() == 0 ? Uni.createFrom().voidItem()
                    : connection.preparedQuery("insert into dataset_load (name, checksum, inserted) values ($1, $2, $3)")
                            .execute(Tuple.of(RESOURCE, data.checksum(), inserted.get())).replaceWithVoid());
        }).map(ignored -> inserted.get());
    }

    /** One statement run for many argument tuples; counts the rows it changes. */
    private record Step(String sql, List<Tuple> batch) {
        Uni<Void> run(SqlConnection connection, AtomicInteger changed) {
            if (batch.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return connection.preparedQuery(sql).executeBatch(batch).invoke(rows -> {
                for (var result = rows; result != null; result = result.next()) {
                    changed.addAndGet(result.rowCount());
                }
            }).replaceWithVoid();
        }
    }

    private static List<Step> steps(DataSet data) {
        List<Step> steps = new ArrayList<>();
        steps.add(sources(data.sources()));
        steps.addAll(actors(data.actors()));
        steps.addAll(encounters(data.encounters()));
        steps.addAll(statements(data.statements()));
        return steps;
    }

    private static Step sources(List<SourceRecord> sources) {
        List<Tuple> rows = new ArrayList<>();
        for (SourceRecord s : sources) {
            OffsetDateTime publishedAt = time(s.publishedAt());
            OffsetDateTime updatedAt = time(s.updatedAt());
            OffsetDateTime printed = publishedAt != null ? publishedAt : updatedAt;
            PartialDate on = partial(s.publishedOn());
            rows.add(tuple(s.key(), s.title(), s.publisher(), s.author(), s.url(), publishedAt, date(on),
                    precision(on), updatedAt, printed == null ? null : printed.getOffset().getTotalSeconds(),
                    s.language(), s.reliabilityNote()));
        }
        return new Step("insert into source (slug, title, publisher, author, url, published_at, published_on,"
                + " published_precision, updated_at, printed_offset_seconds, language, reliability_note)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) on conflict (slug) do nothing",
                rows);
    }

    private static List<Step> actors(List<ActorRecord> actors) {
        List<Tuple> rows = new ArrayList<>();
        List<Tuple> aliases = new ArrayList<>();
        List<Tuple> countries = new ArrayList<>();
        List<Tuple> roles = new ArrayList<>();
        for (ActorRecord a : actors) {
            rows.add(tuple(a.key(), a.kind(), a.name(), ActorNames.normalize(a.name()), a.description(),
                    a.wikidataId()));
            List<String> names = DataSet.list(a.aliases());
            for (int i = 0; i < names.size(); i++) {
                aliases.add(tuple(a.key(), names.get(i), ActorNames.normalize(names.get(i)), i));
            }
            if (a.country() != null) {
                countries.add(tuple(a.key(), a.country()));
            }
            List<RoleRecord> actorRoles = DataSet.list(a.roles());
            for (int i = 0; i < actorRoles.size(); i++) {
                RoleRecord r = actorRoles.get(i);
                PartialDate start = partial(r.start());
                PartialDate end = partial(r.end());
                roles.add(tuple(a.key(), r.title(), r.organization(), date(start), precision(start), date(end),
                        precision(end), r.source(), i));
            }
        }
        return List.of(
                new Step("insert into actor (slug, kind, name, normalized_name, description, wikidata_id)"
                        + " values ($1, $2, $3, $4, $5, $6) on conflict (slug) do nothing", rows),
                new Step("insert into actor_alias (actor_id, alias, normalized, position)"
                        + " select a.id, $2, $3, $4 from actor a where a.slug = $1 on conflict do nothing", aliases),
                new Step("update actor set country_id = c.id from actor c"
                        + " where actor.slug = $1 and c.slug = $2 and actor.country_id is null", countries),
                new Step("insert into actor_role (actor_id, title, organization_id, start_date, start_precision,"
                        + " end_date, end_precision, source_id, position)"
                        + " select a.id, $2, (select o.id from actor o where o.slug = $3), $4, $5, $6, $7,"
                        + " (select s.id from source s where s.slug = $8), $9 from actor a where a.slug = $1"
                        + " on conflict do nothing", roles));
    }

    private static List<Step> encounters(List<EncounterRecord> encounters) {
        List<Tuple> rows = new ArrayList<>();
        List<Tuple> participants = new ArrayList<>();
        List<Tuple> attestations = new ArrayList<>();
        List<Tuple> histories = new ArrayList<>();
        for (EncounterRecord e : encounters) {
            histories.add(tuple(e.key()));
            PartialDate start = partial(e.start());
            PartialDate end = partial(e.end());
            var place = e.place();
            rows.add(tuple(e.key(), e.kind(), e.title(), e.summary(), e.status(), date(start), precision(start),
                    until(start), date(end), precision(end), until(end), place == null ? null : place.name(),
                    place == null ? null : place.locality(), place == null ? null : place.country(),
                    place == null ? null : place.latitude(), place == null ? null : place.longitude()));
            var list = DataSet.list(e.participants());
            for (int i = 0; i < list.size(); i++) {
                participants.add(tuple(e.key(), list.get(i).actor(), list.get(i).role(), list.get(i).note(), i));
            }
            e.attestations().forEach(a -> attestations.add(attestation(e.key(), a)));
        }
        return List.of(
                new Step("insert into encounter (slug, kind, title, summary, status, start_date, start_precision,"
                        + " start_until, end_date, end_precision, end_until, place_name, place_locality,"
                        + " place_country_id, latitude, longitude)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
                        + " (select c.id from actor c where c.slug = $14), $15, $16) on conflict (slug) do nothing",
                        rows),
                new Step("insert into participant (encounter_id, actor_id, role, note, position)"
                        + " select e.id, a.id, $3, $4, $5 from encounter e, actor a where e.slug = $1 and a.slug = $2"
                        + " on conflict do nothing", participants),
                new Step("insert into attestation (encounter_id, source_id, excerpt, note, reported_date,"
                        + " reported_precision) select e.id, s.id, $3, $4, $5, $6 from encounter e, source s"
                        + " where e.slug = $1 and s.slug = $2 on conflict do nothing", attestations),
                // a new encounter's status history starts with its status, as its first source reports it
                new Step("insert into encounter_status_change (encounter_id, status, source_id)"
                        + " select e.id, e.status, (select a.source_id from attestation a where a.encounter_id = e.id"
                        + " order by a.id limit 1) from encounter e where e.slug = $1 and not exists"
                        + " (select 1 from encounter_status_change c where c.encounter_id = e.id)", histories));
    }

    private static List<Step> statements(List<StatementRecord> statements) {
        List<Tuple> rows = new ArrayList<>();
        List<Tuple> about = new ArrayList<>();
        List<Tuple> responses = new ArrayList<>();
        List<Tuple> attestations = new ArrayList<>();
        for (int position = 0; position < statements.size(); position++) {
            StatementRecord s = statements.get(position);
            PartialDate said = partial(s.saidOn());
            rows.add(tuple(s.key(), s.text(), s.mode(), s.kind(), s.speaker(), s.speakerLabel(), date(said),
                    precision(said), s.encounter(), position));
            var actors = DataSet.list(s.about());
            for (int i = 0; i < actors.size(); i++) {
                about.add(tuple(s.key(), actors.get(i), i));
            }
            if (s.respondsTo() != null) {
                responses.add(tuple(s.key(), s.respondsTo()));
            }
            s.attestations().forEach(a -> attestations.add(attestation(s.key(), a)));
        }
        return List.of(
                new Step("insert into statement (slug, text, mode, kind, speaker_id, speaker_label, said_date,"
                        + " said_precision, encounter_id, position) values ($1, $2, $3, $4,"
                        + " (select a.id from actor a where a.slug = $5), $6, $7, $8,"
                        + " (select e.id from encounter e where e.slug = $9), $10) on conflict (slug) do nothing",
                        rows),
                new Step("insert into statement_about (statement_id, actor_id, position)"
                        + " select s.id, a.id, $3 from statement s, actor a where s.slug = $1 and a.slug = $2"
                        + " on conflict do nothing", about),
                new Step("update statement set responds_to_id = r.id from statement r"
                        + " where statement.slug = $1 and r.slug = $2 and statement.responds_to_id is null",
                        responses),
                new Step("insert into attestation (statement_id, source_id, excerpt, note, reported_date,"
                        + " reported_precision) select st.id, s.id, $3, $4, $5, $6 from statement st, source s"
                        + " where st.slug = $1 and s.slug = $2 on conflict do nothing", attestations));
    }

    private static Tuple attestation(String subject, AttestationRecord a) {
        PartialDate reported = partial(a.reportedDate());
        return tuple(subject, a.source(), a.excerpt(), a.note(), date(reported), precision(reported));
    }

    /** A tuple built value by value, since values may be null. */
    private static Tuple tuple(Object... values) {
        Tuple tuple = Tuple.tuple();
        for (Object value : values) {
            tuple.addValue(value);
        }
        return tuple;
    }

    private static PartialDate partial(String text) {
        return text == null ? null : PartialDate.parse(text);
    }

    private static Object date(PartialDate date) {
        return date == null ? null : date.date;
    }

    private static Object until(PartialDate date) {
        return date == null ? null : date.until();
    }

    private static Object precision(PartialDate date) {
        return date == null ? null : date.precision.name();
    }

    private static OffsetDateTime time(String text) {
        return text == null ? null : OffsetDateTime.parse(text).truncatedTo(ChronoUnit.SECONDS);
    }
}
