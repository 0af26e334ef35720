package id.smartcity.ledger.figures;

import static id.smartcity.ledger.rules.RuleMatchers.violates;


import id.smartcity.api.PublishedFigureRecorded;
import id.smartcity.api.PublishedMetric;
import id.smartcity.api.RecordPublishedFigure;
import id.smartcity.ledger.rules.Rule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublishedFiguresTest {
    private FixtureConfiguration<PublishedFigures> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PublishedFigures.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));
    }

    private static RecordPublishedFigure distinct2021(long value, String source) {
        return new RecordPublishedFigure(2021, PublishedMetric.DISTINCT_CUMULATIVE, value, source,
                LocalDate.of(2022, 12, 1), null);
    }

    @Test
    void canRecordPublishedFigure() {
        fixture.givenNoPriorActivity()
                .when(distinct2021(141, "003"))
                .expectEvents(new PublishedFigureRecorded(2021, PublishedMetric.DISTINCT_CUMULATIVE, 141, "003",
                        LocalDate.of(2022, 12, 1), null));
    }

    @Test
    void canRecordTheSameFigureFromAnotherSource() {
        fixture.given(new PublishedFigureRecorded(2021, PublishedMetric.DISTINCT_CUMULATIVE, 141, "003", null, null))
                .when(distinct2021(141, "004"))
                .expectEvents(new PublishedFigureRecorded(2021, PublishedMetric.DISTINCT_CUMULATIVE, 141, "004",
                        LocalDate.of(2022, 12, 1), null));
    }

    @Test
    void cannotRecordASourcesFigureTwice() {
        fixture.given(new PublishedFigureRecorded(2021, PublishedMetric.DISTINCT_CUMULATIVE, 141, "003", null, null))
                .when(distinct2021(140, "003"))
                .expectException(violates(Rule.FIGURE_ALREADY_RECORDED))
                .expectNoEvents();
    }

    @Test
    void cannotRecordNegativeCount() {
        fixture.givenNoPriorActivity()
                .when(distinct2021(-1, "003"))
                .expectException(violates(Rule.FIGURE_VALUE_INVALID))
                .expectNoEvents();
    }

    @Test
    void cannotRecordFigureWithoutSource() {
        fixture.givenNoPriorActivity()
                .when(distinct2021(141, " "))
                .expectException(violates(Rule.SOURCE_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void cannotRecordFigureBeforeTheProgramme() {
        fixture.givenNoPriorActivity()
                .when(new RecordPublishedFigure(2016, PublishedMetric.ENGAGED, 10, "003", null, null))
                .expectException(violates(Rule.FIGURE_YEAR_OUT_OF_RANGE))
                .expectNoEvents();
    }
}
