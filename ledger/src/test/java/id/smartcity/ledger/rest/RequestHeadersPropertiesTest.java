package id.smartcity.ledger.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.smartcity.ledger.rest.RequestHeaders.Rule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Issue 16, rows 12 and 14: the forms of the headers the ledger stores in events or writes to its log. Whatever is
 * sent (extremes, huge and empty values, CR, LF, NUL, Unicode, percent signs), a value is taken exactly when it has
 * its form; and no two callers' keys share an idempotency record.
 */
class RequestHeadersPropertiesTest {
    private static final String VISIBLE_ASCII = chars(0x21, 0x7E);
    private static final String CORRELATION_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
    private static final String CLIENT_CHARS = CORRELATION_CHARS + " :/()+";
    /** What a log line or a stored field must never get from a header: controls (CR, LF, NUL, ...) and non-ASCII. */
    private static final String HOSTILE = "\r\n\u0000\t\u000b\u001b\u007f\u0085\u2028\u00e9\u00a0\ud83d\ude00\ufeff";

    @Property
    void keysOfVisibleAsciiUpTo128AreTaken(@ForAll("visibleAscii") String key) {
        assertThat(Rule.IDEMPOTENCY_KEY_FORM.accepts(key)).isEqualTo(key.length() <= 128);
    }

    @Property
    void anythingElseIsNoKey(@ForAll("withHostile") String key) {
        assertThat(Rule.IDEMPOTENCY_KEY_FORM.accepts(key)).isFalse();
    }

    @Property
    void correlationIdsOfTheirCharactersUpTo64AreTaken(@ForAll("correlationIds") String id) {
        assertThat(Rule.CORRELATION_ID_FORM.accepts(id)).isEqualTo(id.length() <= 64);
    }

    @Property
    void aCorrelationIdNeverCarriesWhatCouldForgeALogLine(@ForAll("withHostile") String id) {
        assertThat(Rule.CORRELATION_ID_FORM.accepts(id)).isFalse();
    }

    @Property
    void clientNamesUpTo100AreTaken(@ForAll("clientNames") String name) {
        assertThat(Rule.CLIENT_APPLICATION_FORM.accepts(name)).isEqualTo(name.length() <= 100);
    }

    @Property
    void aClientNameNeverCarriesControlsOrUnicode(@ForAll("withHostile") String name) {
        assertThat(Rule.CLIENT_APPLICATION_FORM.accepts(name)).isFalse();
    }

    @Example
    void extremes() {
        for (Rule rule : Rule.values()) {
            assertThat(rule.accepts(null)).isFalse();
            assertThat(rule.accepts("")).as(rule + " empty").isFalse();
            assertThat(rule.accepts("a".repeat(8 * 1024))).as(rule + " 8 KiB").isFalse();
            assertThat(rule.accepts("a".repeat(1_000_000))).as(rule + " 1 MB").isFalse();
            assertThat(rule.accepts("a")).as(rule + " one character").isTrue();
        }
        assertThat(Rule.IDEMPOTENCY_KEY_FORM.accepts("k".repeat(128))).isTrue();
        assertThat(Rule.IDEMPOTENCY_KEY_FORM.accepts("k".repeat(129))).isFalse();
        assertThat(Rule.CLIENT_APPLICATION_FORM.accepts("c".repeat(100))).isTrue();
        assertThat(Rule.CLIENT_APPLICATION_FORM.accepts("c".repeat(101))).isFalse();
        assertThat(Rule.CLIENT_APPLICATION_FORM.accepts(" leading-space")).isFalse();
        assertThat(Rule.CORRELATION_ID_FORM.accepts("c".repeat(64))).isTrue();
        assertThat(Rule.CORRELATION_ID_FORM.accepts("c".repeat(65))).isFalse();
        assertThat(Rule.CORRELATION_ID_FORM.accepts("ok\r\n2026-01-01 INFO forged line")).isFalse();
        assertThat(Rule.CORRELATION_ID_FORM.accepts("two words")).isFalse();
        assertThat(Rule.CORRELATION_ID_FORM.accepts("a\"quote")).isFalse();
        assertThat(Rule.CORRELATION_ID_FORM.accepts("{braces}")).isFalse();
        assertThat(Rule.IDEMPOTENCY_KEY_FORM.accepts("two words")).isFalse();
        assertThat(Rule.IDEMPOTENCY_KEY_FORM.accepts("x/k1{\"}")).isTrue();
        assertThat(Rule.CORRELATION_ID_FORM.accepts("0b7a4d2e-5c1f-4e8a-9d3b-2f6c8a1e7b90")).isTrue();
    }

    /** Sent twice, a header is ambiguous (which one was recorded?): refused, whatever the two say. */
    @Property
    void aHeaderSentTwiceIsRefused(@ForAll("visibleAscii") String first, @ForAll("visibleAscii") String second) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(RequestHeaders.IDEMPOTENCY_KEY, first);
        request.addHeader(RequestHeaders.IDEMPOTENCY_KEY, second);
        assertThatThrownBy(() -> Rule.IDEMPOTENCY_KEY_FORM.of(request)).isInstanceOf(RequestHeaders.Refused.class)
                .hasMessageContaining("more than once");
    }

    @Example
    void aMissingHeaderIsNoneAndOneInFormIsTaken() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        assertThat(Rule.IDEMPOTENCY_KEY_FORM.of(request)).isNull();
        request.addHeader(RequestHeaders.IDEMPOTENCY_KEY, "x/k1");
        assertThat(Rule.IDEMPOTENCY_KEY_FORM.of(request)).isEqualTo("x/k1");
        MockHttpServletRequest empty = new MockHttpServletRequest();
        empty.addHeader(RequestHeaders.IDEMPOTENCY_KEY, "");
        assertThatThrownBy(() -> Rule.IDEMPOTENCY_KEY_FORM.of(empty)).isInstanceOf(RequestHeaders.Refused.class);
    }

    /** Row 12: the record of one caller's key is never another's (the former {@code caller/key} was). */
    @Property(tries = 2000)
    void noTwoCallersKeysShareARecord(@ForAll("names") String principal, @ForAll("names") String key,
                                      @ForAll("names") String otherPrincipal, @ForAll("names") String otherKey) {
        boolean samePair = principal.equals(otherPrincipal) && key.equals(otherKey);
        assertThat(IdempotencyStore.id(principal, key).equals(IdempotencyStore.id(otherPrincipal, otherKey)))
                .isEqualTo(samePair);
        assertThat(IdempotencyStore.id(principal, key)).doesNotContain("/");
    }

    /** The pairs that do share a record in the former form, moved around their slash. */
    @Property
    void theSlashNoLongerJoinsTwoCallers(@ForAll("names") String a, @ForAll("names") String b,
                                         @ForAll("names") String c) {
        assertThat(IdempotencyStore.id(a, b + "/" + c)).isNotEqualTo(IdempotencyStore.id(a + "/" + b, c));
    }

    @Example
    void aliceAndAliceX() {
        assertThat(IdempotencyStore.id("alice", "x/k1")).isNotEqualTo(IdempotencyStore.id("alice/x", "k1"));
    }

    @Provide
    Arbitrary<String> visibleAscii() {
        return Arbitraries.strings().withChars(VISIBLE_ASCII).ofMinLength(1).ofMaxLength(300);
    }

    @Provide
    Arbitrary<String> correlationIds() {
        return Arbitraries.strings().withChars(CORRELATION_CHARS).ofMinLength(1).ofMaxLength(120);
    }

    @Provide
    Arbitrary<String> clientNames() {
        return Combinators.combine(Arbitraries.strings().withChars(CORRELATION_CHARS.substring(0, 62))
                        .ofLength(1), Arbitraries.strings().withChars(CLIENT_CHARS).ofMaxLength(150))
                .as((first, rest) -> first + rest);
    }

    /** A value that would otherwise pass, with at least one hostile character somewhere in it. */
    @Provide
    Arbitrary<String> withHostile() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abc123").ofMaxLength(40);
        Arbitrary<Character> hostile = Arbitraries.of(HOSTILE.chars().mapToObj(c -> (char) c).toList());
        return Combinators.combine(plain, hostile, plain).as((before, bad, after) -> before + bad + after);
    }

    /** Names heavy in the characters an encoding could confuse: slash, ampersand, percent, plus, space. */
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("ab/&%+= 2F").ofMaxLength(6);
    }

    private static String chars(int from, int to) {
        StringBuilder chars = new StringBuilder();
        for (int c = from; c <= to; c++) {
            chars.append((char) c);
        }
        return chars.toString();
    }
}
