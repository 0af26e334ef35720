package id.smartcity.ledger.region;

import java.util.OptionalInt;
import java.util.Set;

/**
 * Facts across regions that one region's aggregate cannot hold: read from the event log when a rule needs them. Both
 * only ever grow (a submitted masterplan or a selection is never undone), so a rule that reads them from a log that is
 * a moment behind can refuse too early but never accept wrongly (ADR 10).
 */
public interface ProgrammeRegister {

    /** The regencies and cities of a province that submitted a masterplan in any engagement. */
    Set<String> regionsWithMasterplan(String provinceCode);

    /** The first cohort year a region was selected into, if it ever was. */
    OptionalInt firstCohortYear(String code);
}
