package id.smartcity.projections.reports;

import id.smartcity.projections.model.PublishedFigureView;
import id.smartcity.projections.model.RegionView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/**
 * The programme as the read side knows it: from the live read models, or replayed as of a business date
 * ({@code asOf}) or as recorded by an instant ({@code knownAt}). {@code position} is the last event it includes.
 */
public record ProgrammeSnapshot(Collection<RegionView> regions, Collection<PublishedFigureView> figures,
                                long position, LocalDate asOf, Instant knownAt) {
}
