package id.smartcity.api;

import org.axonframework.serialization.Revision;

/** A region won a year's award in a category. */
@Revision("1")
public record AwardGranted(int year, AwardCategory category, String code, String citation) {
}
