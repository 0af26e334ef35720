package id.smartcity.api;

import java.time.LocalDate;

/** The candidate assessment a selection rests on, when it is known. */
public record Assessment(String round, LocalDate assessedOn, String notes) {
}
