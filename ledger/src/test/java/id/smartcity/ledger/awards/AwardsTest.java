package id.smartcity.ledger.awards;

import static id.smartcity.ledger.rules.RuleMatchers.violates;

import id.smartcity.api.AwardCategory;
import id.smartcity.api.AwardGranted;
import id.smartcity.api.GrantAward;
import id.smartcity.ledger.region.ProgrammeRegister;
import id.smartcity.ledger.rules.Rule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AwardsTest {
    private static final String WONOGIRI = "33.12";
    private static final String BANDUNG = "32.73";
    private FixtureConfiguration<Awards> fixture;

    @BeforeEach
    void setUp() {
        Map<String, Integer> firstCohorts = Map.of(WONOGIRI, 2021, BANDUNG, 2017, "51.02", 2022);
        fixture = new AggregateTestFixture<>(Awards.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));
        fixture.registerInjectableResource(new ProgrammeRegister() {
            @Override
            public Set<String> regionsWithMasterplan(String provinceCode) {
                return Set.of();
            }

            @Override
            public OptionalInt firstCohortYear(String code) {
                Integer year = firstCohorts.get(code);
                return year == null ? OptionalInt.empty() : OptionalInt.of(year);
            }
        });
    }

    @Test
    void canGrantAwardToParticipant() {
        fixture.givenNoPriorActivity()
                .when(new GrantAward(2022, AwardCategory.NATIONAL_PRIORITY_TOURISM_AREA, WONOGIRI, null))
                .expectEvents(new AwardGranted(2022, AwardCategory.NATIONAL_PRIORITY_TOURISM_AREA, WONOGIRI, null));
    }

    @Test
    void canGrantOtherCategoriesInSameYear() {
        fixture.given(new AwardGranted(2022, AwardCategory.NATIONAL_PRIORITY_TOURISM_AREA, WONOGIRI, null))
                .when(new GrantAward(2022, AwardCategory.SMART_GOVERNANCE, BANDUNG, "Best governance"))
                .expectEvents(new AwardGranted(2022, AwardCategory.SMART_GOVERNANCE, BANDUNG, "Best governance"));
    }

    @Test
    void cannotGrantCategoryTwiceInOneYear() {
        fixture.given(new AwardGranted(2022, AwardCategory.SMART_GOVERNANCE, BANDUNG, null))
                .when(new GrantAward(2022, AwardCategory.SMART_GOVERNANCE, WONOGIRI, null))
                .expectException(violates(Rule.AWARD_ALREADY_GRANTED))
                .expectNoEvents();
    }

    @Test
    void cannotGrantAwardToRegionThatNeverTookPart() {
        fixture.givenNoPriorActivity()
                .when(new GrantAward(2022, AwardCategory.SMART_LIVING, "33.99", null))
                .expectException(violates(Rule.NOT_A_PARTICIPANT))
                .expectNoEvents();
    }

    @Test
    void cannotGrantAwardBeforeRegionJoined() {
        fixture.givenNoPriorActivity()
                .when(new GrantAward(2021, AwardCategory.SMART_LIVING, "51.02", null))
                .expectException(violates(Rule.NOT_A_PARTICIPANT))
                .expectNoEvents();
    }

    @Test
    void cannotGrantAwardWithoutCategory() {
        fixture.givenNoPriorActivity()
                .when(new GrantAward(2022, null, BANDUNG, null))
                .expectException(violates(Rule.AWARD_INCOMPLETE))
                .expectNoEvents();
    }

    @Test
    void cannotGrantAwardForFutureYear() {
        fixture.givenNoPriorActivity()
                .when(new GrantAward(2027, AwardCategory.SMART_LIVING, BANDUNG, null))
                .expectException(violates(Rule.YEAR_OUT_OF_RANGE))
                .expectNoEvents();
    }
}
