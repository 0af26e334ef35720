package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PublishedFigureRecorded(int year, PublishedMetric metric, long value, String source,
                                      LocalDate publishedOn, String note) implements ProgrammeEvent {

    /** A figure without a publication date counts from the end of the year it describes. */
    @Override
    public LocalDate businessDate() {
        return publishedOn != null ? publishedOn : LocalDate.of(year, 12, 31);
    }
}
