package id.smartcity.api;

/** Facts of the programme itself that both sides need. */
public final class Programme {
    /** Gerakan Menuju 100 Smart City selected its first cohort in 2017: no cohort, figure or total is earlier. */
    public static final int FIRST_YEAR = 2017;

    private Programme() {
    }
}
