package id.smartcity.projections.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A sentence the ledger composes, as a message code and its parameters (as text), so that a client or the server's
 * message bundles can word it in the reader's language. The English sentence beside it stays as it was.
 */
public record Phrase(String code, List<String> params) {
    public Phrase {
        Objects.requireNonNull(code, "code");
        params = params == null ? List.of() : List.copyOf(params);
    }

    public static Phrase of(String code, Object... params) {
        return new Phrase(code, Arrays.stream(params).map(String::valueOf).toList());
    }
}
