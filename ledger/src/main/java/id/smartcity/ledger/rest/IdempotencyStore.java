package id.smartcity.ledger.rest;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Remembers, per caller and {@code Idempotency-Key}, the request's fingerprint and the answer it got, so that a
 * retried request gets the first answer and stores nothing new.
 */
@Component
class IdempotencyStore {
    static final String COLLECTION = "idempotency_keys";
    private static final String PENDING = "PENDING";
    private static final String DONE = "DONE";

    private final MongoCollection<Document> keys;
    private final Clock clock;

    IdempotencyStore(MongoDatabaseFactory databaseFactory, Clock clock) {
        this.keys = databaseFactory.getMongoDatabase().getCollection(COLLECTION);
        this.clock = clock;
    }

    /** What to do with a request that carries a key. */
    sealed interface Claim permits Claimed, Replay {
    }

    /** The key is new (or its earlier holder died before storing anything): go ahead. */
    record Claimed(String id, boolean takenOver) implements Claim {
    }

    /** The same request was answered before: answer it the same way. */
    record Replay(int status, Map<String, Object> body) implements Claim {
    }

    /**
     * The document's id for one caller's key. Both parts are percent-encoded and joined by {@code &}, which neither
     * can then hold: no two (caller, key) pairs share an id (the former {@code caller/key} gave JWT subject
     * {@code alice} with key {@code x/k1} the answer of {@code alice/x} to {@code k1}). It holds no {@code /}, so it
     * never equals an id stored in the former form.
     */
    static String id(String principal, String key) {
        return URLEncoder.encode(principal, StandardCharsets.UTF_8) + "&" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    Claim claim(String principal, String key, String fingerprint, Duration staleAfter) {
        String id = id(principal, key);
        Instant now = clock.instant();
        try {
            keys.insertOne(new Document("_id", id).append("principal", principal).append("key", key)
                    .append("fingerprint", fingerprint).append("state", PENDING).append("claimedAt", now.toString()));
            return storedInFormerForm(id, principal, key, fingerprint);
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = keys.find(eq("_id", id)).first();
        if (existing == null) {
            return claim(principal, key, fingerprint, staleAfter);
        }
        if (!fingerprint.equals(existing.getString("fingerprint"))) {
            throw IdempotencyKeyException.reused(key);
        }
        if (DONE.equals(existing.getString("state"))) {
            Map<String, Object> body = existing.get("body", Document.class);
            return new Replay(existing.getInteger("status"), body);
        }
        Instant claimedAt = Instant.parse(existing.getString("claimedAt"));
        if (claimedAt.plus(staleAfter).isAfter(now)) {
            throw IdempotencyKeyException.inProgress(key,
                    Math.max(1, Duration.between(now, claimedAt.plus(staleAfter)).toSeconds() + 1));
        }
        // The earlier holder stopped answering: take the claim over, unless someone else just did.
        Document taken = keys.findOneAndUpdate(and(eq("_id", id), eq("state", PENDING),
                eq("claimedAt", existing.getString("claimedAt"))), Updates.set("claimedAt", now.toString()));
        if (taken == null) {
            throw IdempotencyKeyException.inProgress(key, staleAfter.toSeconds());
        }
        return new Claimed(id, true);
    }

    /**
     * A key first used before ids were encoded is kept under {@code caller/key}, with the caller and the key in fields
     * of their own: it is this caller's key only if those fields say so. Its answer (or its unanswered claim, left by
     * an instance stopped for the upgrade) carries over to the claim just made, so a retry across an upgrade still
     * stores nothing twice.
     */
    private Claim storedInFormerForm(String id, String principal, String key, String fingerprint) {
        Document former = keys.find(and(eq("_id", principal + "/" + key), eq("principal", principal), eq("key", key)))
                .first();
        if (former == null) {
            return new Claimed(id, false);
        }
        if (!fingerprint.equals(former.getString("fingerprint"))) {
            release(id);
            throw IdempotencyKeyException.reused(key);
        }
        if (DONE.equals(former.getString("state"))) {
            Map<String, Object> body = former.get("body", Document.class);
            complete(id, former.getInteger("status"), body);
            return new Replay(former.getInteger("status"), body);
        }
        return new Claimed(id, true);
    }

    void complete(String id, int status, Map<String, Object> body) {
        keys.updateOne(eq("_id", id), Updates.combine(Updates.set("state", DONE), Updates.set("status", status),
                Updates.set("body", new Document(body)), Updates.set("answeredAt", clock.instant().toString())));
    }

    /** A refused request stored nothing: the key may be used again, for the corrected request too. */
    void release(String id) {
        keys.deleteOne(and(eq("_id", id), eq("state", PENDING)));
    }
}
