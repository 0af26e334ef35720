package id.smartcity.eventstore.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What an auditor keeps outside the system: the size of the log, the hash of its last event, and the Merkle root
 * over all event hashes, at a time. {@code token} is the same in one line ({@code v1:size:headHash:root}).
 */
public record Digest(long treeSize, String headHash, String root, Instant at) {

    /** Answered with the digest's other fields, so that an auditor can keep the one line. */
    @JsonProperty("token")
    public String token() {
        return "v1:" + treeSize + ":" + headHash + ":" + root;
    }

    public static Digest parse(String token) {
        String[] parts = token.strip().split(":");
        if (parts.length != 4 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("A digest token reads v1:<size>:<head hash>:<root>");
        }
        long size;
        try {
            size = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A digest's size counts events: '" + parts[1] + "' is not a number");
        }
        if (size < 0) {
            throw new IllegalArgumentException("A digest's size counts events: " + size + " is below zero");
        }
        // An empty log has no last event: its head hash is the word null.
        if (!(size == 0 && parts[2].equals("null"))) {
            requireHash(parts[2], "head hash");
        }
        requireHash(parts[3], "root");
        return new Digest(size, parts[2].equals("null") ? null : parts[2], parts[3], null);
    }

    private static void requireHash(String hex, String what) {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A digest's " + what + " is 64 lower-case hex digits (32 bytes), not '"
                    + (hex.length() > 70 ? hex.substring(0, 70) + "..." : hex) + "'");
        }
    }
}
