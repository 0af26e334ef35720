package id.smartcity.api;

import jakarta.validation.GroupSequence;
import jakarta.validation.groups.Default;

/**
 * The validation group of a command's sizes: how long a text, how many entries a list. They are checked before
 * anything else ({@link Checked}), so that a list of 170,000 mentors is refused by its size in one step instead of
 * having each of its elements validated and reported.
 */
public interface Limits {
    /** Sizes first; only a command within them has its elements checked. */
    @GroupSequence({Limits.class, Default.class})
    interface Checked {
    }
}
