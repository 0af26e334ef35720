package id.smartcity.ledger.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.RegionKind;
import id.smartcity.api.RegionSelected;
import id.smartcity.eventstore.CanonicalEvent;
import id.smartcity.eventstore.EventImporter;
import id.smartcity.eventstore.EventLog;
import id.smartcity.eventstore.MongoEventStorageEngine;
import id.smartcity.eventstore.audit.AuditLog;
import id.smartcity.eventstore.audit.Digest;
import id.smartcity.eventstore.audit.MerkleTree;
import id.smartcity.eventstore.audit.Verification;
import id.smartcity.eventstore.testing.EmbeddedMongo;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Edits MongoDB behind the ledger's back, as an insider could, and expects verify to find and name each change. */
class TamperEvidenceTest {
    private static final int EVENTS = 10;

    private EmbeddedMongo mongo;
    private MongoEventStorageEngine engine;
    private AuditLog audit;
    private MongoCollection<Document> events;

    @BeforeEach
    void recordTenEvents() {
        mongo = new EmbeddedMongo();
        engine = mongo.engine();
        for (int i = 1; i <= EVENTS / 2; i++) {
            String code = "32.7" + i;
            engine.appendEvents(new GenericDomainEventMessage<>("Region", code, 0,
                    new RegionSelected(code, "Kota " + i, RegionKind.CITY, 2018, LocalDate.of(2018, 5, i), null)));
            engine.appendEvents(new GenericDomainEventMessage<>("Region", code, 1,
                    new MoUSigned(code, 2018, LocalDate.of(2018, 5, 8), "Jakarta", false, List.of(), List.of())));
        }
        audit = new AuditLog(engine.eventLog(), Clock.systemUTC());
        events = mongo.database().getCollection(EventLog.EVENTS);
    }

    @AfterEach
    void tearDown() {
        engine.close();
        mongo.close();
    }

    private Verification.Break verify() {
        Verification verification = audit.verify(null, position -> { });
        assertThat(verification.ok()).as("verify should fail").isFalse();
        return verification.break_();
    }

    /** The unique indexes refuse a naive forgery; an insider with database rights drops them first. */
    private void dropTheGuards() {
        events.dropIndex("eventId_unique");
        events.dropIndex("aggregate_sequence_unique");
    }

    private Document at(long position) {
        return events.find(Filters.eq("_id", position)).first();
    }

    @Test
    void verifiesAnUntouchedLogAndItsMerkleRoot() {
        Verification verification = audit.verify(null, position -> { });

        assertThat(verification.ok()).isTrue();
        assertThat(verification.verified()).isEqualTo(EVENTS);
        List<byte[]> hashes = new ArrayList<>();
        for (long p = 1; p <= EVENTS; p++) {
            hashes.add(CanonicalEvent.unhex(at(p).getString("hash")));
        }
        assertThat(verification.digest().root()).isEqualTo(CanonicalEvent.hex(MerkleTree.of(hashes).root()));
        assertThat(verification.digest().headHash()).isEqualTo(at(EVENTS).getString("hash"));
        assertThat(audit.digest().root()).isEqualTo(verification.digest().root());
    }

    @Test
    void namesAChangedPayloadField() {
        events.updateOne(Filters.eq("_id", 3L), Updates.set("payload.name", "Kota Palsu"));

        Verification.Break found = verify();

        assertThat(found.position()).isEqualTo(3);
        assertThat(found.kind()).isEqualTo(Verification.Kind.PAYLOAD_CHANGED);
    }

    @Test
    void namesAnEventThatWasChangedAndHadItsHashRecomputedNotTheOneAfterIt() {
        Document event = at(3);
        event.put("payload", new Document(event.get("payload", Document.class)).append("name", "Kota Palsu"));
        String rehashed = CanonicalEvent.hex(CanonicalEvent.chain(CanonicalEvent.unhex(at(2).getString("hash")),
                event));
        events.updateOne(Filters.eq("_id", 3L), Updates.combine(Updates.set("payload.name", "Kota Palsu"),
                Updates.set("hash", rehashed)));

        Verification.Break found = verify();

        assertThat(found.position()).isEqualTo(3);
        assertThat(found.kind()).isEqualTo(Verification.Kind.PAYLOAD_CHANGED);
        assertThat(found.detail()).contains("changed and its hash recomputed").contains("event at 4 was chained to");
    }

    @Test
    void namesTheChangedEventOfARewriteThatRecomputedEveryLaterHashButNotTheirLinks() {
        events.updateOne(Filters.eq("_id", 2L), Updates.set("payload.place", "Bandung"));
        byte[] previous = CanonicalEvent.unhex(at(1).getString("hash"));
        for (long p = 2; p <= EVENTS; p++) {
            previous = CanonicalEvent.chain(previous, at(p));
            events.updateOne(Filters.eq("_id", p), Updates.set("hash", CanonicalEvent.hex(previous)));
        }
        mongo.database().getCollection(EventLog.HEAD).updateOne(Filters.eq("_id", "head"),
                Updates.set("lastHash", CanonicalEvent.hex(previous)));

        assertThat(verify()).extracting(Verification.Break::position, Verification.Break::kind)
                .containsExactly(2L, Verification.Kind.PAYLOAD_CHANGED);
    }

    @Test
    void namesAChangedRecordedTime() {
        events.updateOne(Filters.eq("_id", 7L), Updates.set("meta.recordedAt", "2017-01-01T00:00:00.000Z"));

        assertThat(verify()).extracting(Verification.Break::position, Verification.Break::kind)
                .containsExactly(7L, Verification.Kind.PAYLOAD_CHANGED);
    }

    @Test
    void namesAMissingEvent() {
        events.deleteOne(Filters.eq("_id", 4L));

        assertThat(verify()).extracting(Verification.Break::position, Verification.Break::kind)
                .containsExactly(4L, Verification.Kind.EVENT_MISSING);
    }

    @Test
    void namesAForgedEventInsertedInTheMiddle() {
        dropTheGuards();
        // Move events 3..10 up by one and put a forged event, with a hash that chains correctly, at 3.
        for (long p = EVENTS; p >= 3; p--) {
            Document event = at(p);
            events.deleteOne(Filters.eq("_id", p));
            event.put("_id", p + 1);
            events.insertOne(event);
        }
        Document forged = new Document(at(4));
        forged.put("_id", 3L);
        forged.put("eventId", "forged");
        forged.put("payload", new Document(forged.get("payload", Document.class)).append("place", "nowhere"));
        forged.put("hash", CanonicalEvent.hex(CanonicalEvent.chain(CanonicalEvent.unhex(at(2).getString("hash")),
                forged)));
        events.insertOne(forged);

        assertThat(verify()).extracting(Verification.Break::position, Verification.Break::kind)
                .containsExactly(3L, Verification.Kind.EVENT_INSERTED);
    }

    @Test
    void namesAForgedEventAppendedBeyondTheHead() {
        dropTheGuards();
        Document forged = new Document(at(EVENTS));
        forged.put("_id", (long) EVENTS + 1);
        forged.put("eventId", "forged");
        events.insertOne(forged);

        assertThat(verify()).extracting(Verification.Break::position, Verification.Break::kind)
                .containsExactly((long) EVENTS + 1, Verification.Kind.EVENT_INSERTED);
    }

    @Test
    void namesTwoEventsThatChangedPlaces() {
        dropTheGuards();
        Document second = at(2);
        Document fifth = at(5);
        second.put("_id", 5L);
        fifth.put("_id", 2L);
        events.replaceOne(Filters.eq("_id", 2L), fifth);
        events.replaceOne(Filters.eq("_id", 5L), second);

        Verification.Break found = verify();

        assertThat(found.position()).isEqualTo(2);
        assertThat(found.kind()).isEqualTo(Verification.Kind.ORDER_CHANGED);
        assertThat(found.detail()).contains("2 and 5");
    }

    @Test
    void namesNeighboursThatChangedPlaces() {
        dropTheGuards();
        Document third = at(3);
        Document fourth = at(4);
        third.put("_id", 4L);
        fourth.put("_id", 3L);
        events.replaceOne(Filters.eq("_id", 3L), fourth);
        events.replaceOne(Filters.eq("_id", 4L), third);

        assertThat(verify()).extracting(Verification.Break::position, Verification.Break::kind)
                .containsExactly(3L, Verification.Kind.ORDER_CHANGED);
    }

    @Test
    void catchesAConsistentlyRewrittenChainAgainstADigestKeptBefore() {
        Digest kept = audit.digest();
        // Rewrite history as one who knows the specification: change event 2 and recompute every link and hash after
        // it, and the head, so the chain holds.
        events.updateOne(Filters.eq("_id", 2L), Updates.set("payload.place", "Bandung"));
        byte[] previous = CanonicalEvent.unhex(at(1).getString("hash"));
        for (long p = 2; p <= EVENTS; p++) {
            Document event = at(p);
            event.put(CanonicalEvent.PREVIOUS, CanonicalEvent.hex(previous));
            previous = CanonicalEvent.chain(previous, event);
            events.updateOne(Filters.eq("_id", p), Updates.combine(Updates.set(CanonicalEvent.PREVIOUS,
                    event.getString(CanonicalEvent.PREVIOUS)), Updates.set("hash", CanonicalEvent.hex(previous))));
        }
        mongo.database().getCollection(EventLog.HEAD).updateOne(Filters.eq("_id", "head"),
                Updates.set("lastHash", CanonicalEvent.hex(previous)));

        assertThat(audit.verify(null, position -> { }).ok()).as("the rewrite is consistent in itself").isTrue();
        Verification againstDigest = audit.verify(Digest.parse(kept.token()), position -> { });

        assertThat(againstDigest.ok()).isFalse();
        assertThat(againstDigest.break_().kind()).isEqualTo(Verification.Kind.HEAD_DOES_NOT_EXTEND_DIGEST);
    }

    @Test
    void theDigestAndVerifyGiveTheTreesRootAndAcceptTheDigestOfTheEmptyLog() {
        Digest now = audit.digest();
        assertThat(now.root()).isEqualTo(CanonicalEvent.hex(audit.tree(EVENTS).root()));

        Verification fromNothing = audit.verify(Digest.parse("v1:0:null:" + CanonicalEvent.hex(
                MerkleTree.of(java.util.List.of()).root())), position -> { });

        assertThat(fromNothing.ok()).isTrue();
        assertThat(fromNothing.digest().root()).isEqualTo(now.root());
    }

    @Test
    void acceptsALogThatGrewSinceTheDigest() {
        Digest kept = audit.digest();
        engine.appendEvents(new GenericDomainEventMessage<>("Region", "11.71", 0,
                new RegionSelected("11.71", "Kota Banda Aceh", RegionKind.CITY, 2019, LocalDate.of(2019, 2, 22), null)));

        Verification verification = audit.verify(Digest.parse(kept.token()), position -> { });

        assertThat(verification.ok()).isTrue();
        MerkleTree tree = audit.tree(verification.verified());
        assertThat(MerkleTree.verifyConsistency(kept.treeSize(), verification.verified(),
                CanonicalEvent.unhex(kept.root()), tree.root(), tree.consistencyProof((int) kept.treeSize(),
                        (int) verification.verified()))).isTrue();
    }

    @Test
    void importsAnExportIntoAnEmptyStoreWithTheSameHashes() {
        StringWriter out = new StringWriter();
        audit.export(1, out, position -> { });
        Digest before = audit.digest();
        try (EmbeddedMongo other = new EmbeddedMongo()) {
            MongoEventStorageEngine empty = other.engine();
            try {
                long imported = new EventImporter(empty.eventLog()).importAll(out.toString().lines()
                        .map(EventImporter::parse).iterator(), position -> { });
                AuditLog copy = new AuditLog(empty.eventLog(), Clock.systemUTC());

                assertThat(imported).isEqualTo(EVENTS);
                Verification verification = copy.verify(Digest.parse(before.token()), position -> { });
                assertThat(verification.ok()).isTrue();
                assertThat(verification.digest().root()).isEqualTo(before.root());
                assertThat(empty.readEvents("32.73").asStream().count()).isEqualTo(2);
                // The imported store goes on where the original stopped.
                empty.appendEvents(new GenericDomainEventMessage<>("Region", "32.73", 2,
                        new MoUSigned("32.73", 2019, LocalDate.of(2019, 5, 15), "Jakarta", false, List.of(), List.of())));
                assertThat(copy.verify(Digest.parse(before.token()), position -> { }).verified()).isEqualTo(EVENTS + 1);
            } finally {
                empty.close();
            }
        }
    }

    @Test
    void refusesAnImportThatDoesNotChainAndLeavesTheStoreEmpty() {
        StringWriter out = new StringWriter();
        audit.export(1, out, position -> { });
        String tampered = out.toString().replaceFirst("\"place\":\"Jakarta\"", "\"place\":\"Bogor\"");
        try (EmbeddedMongo other = new EmbeddedMongo()) {
            MongoEventStorageEngine empty = other.engine();
            try {
                EventImporter importer = new EventImporter(empty.eventLog());
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importAll(tampered.lines()
                                .map(EventImporter::parse).iterator(), position -> { }))
                        .isInstanceOf(EventImporter.ImportRefused.class).hasMessageContaining("position 2");
                assertThat(other.database().getCollection(EventLog.EVENTS).countDocuments()).isZero();
            } finally {
                empty.close();
            }
        }
    }

    @Test
    void exportsEveryEventAsCanonicalJsonWithItsHash() {
        StringWriter out = new StringWriter();

        long written = audit.export(4, out, position -> { });

        String[] lines = out.toString().split("\n");
        assertThat(written).isEqualTo(EVENTS - 3);
        assertThat(lines).hasSize(EVENTS - 3);
        assertThat(lines[0]).startsWith("{\"_id\":4,\"aggregateId\":\"32.72\"").contains("\"hash\":\"" + at(4)
                .getString("hash") + "\"");
    }
}
