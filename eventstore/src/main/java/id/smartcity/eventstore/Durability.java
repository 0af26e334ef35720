package id.smartcity.eventstore;

/**
 * Makes what was just written survive a crash, before the ledger acknowledges it. The embedded H2 store commits in
 * the background and needs an explicit commit; a real MongoDB gets there through its write concern.
 */
@FunctionalInterface
public interface Durability {
    Durability WRITE_CONCERN = () -> {
    };

    void flush();
}
