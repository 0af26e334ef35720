package id.smartcity.api;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The candidate assessment a selection rests on, when it is known. */
public record Assessment(@Size(max = 100, groups = Limits.class) String round, LocalDate assessedOn,
                         @Size(max = 4000, groups = Limits.class) String notes) {
}
