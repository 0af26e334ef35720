package id.smartcity.projections.model;

import id.smartcity.api.PublishedMetric;
import java.time.LocalDate;

/** A figure the ministry published, as recorded in the ledger. */
public record PublishedFigureView(String id, int year, PublishedMetric metric, long value, String source,
                                  LocalDate publishedOn, String note, long position) {

    public static String idOf(int year, PublishedMetric metric, String source) {
        return year + "|" + metric + "|" + source;
    }
}
