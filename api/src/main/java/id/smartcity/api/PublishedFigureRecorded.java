package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PublishedFigureRecorded(int year, PublishedMetric metric, long value, String source,
                                      LocalDate publishedOn, String note) {
}
