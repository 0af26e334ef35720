package id.smartcity.ledger.region;

import static id.smartcity.ledger.rules.RuleMatchers.violates;

import id.smartcity.ledger.rules.Rule;

import static org.hamcrest.Matchers.containsString;

import id.smartcity.api.AssignMentor;
import id.smartcity.api.MasterplanRevised;
import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.MentorAssigned;
import id.smartcity.api.MentoringRepeated;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.Pillar;
import id.smartcity.api.RegionKind;
import id.smartcity.api.RegionSelected;
import id.smartcity.api.RegionWithdrawn;
import id.smartcity.api.RepeatMentoring;
import id.smartcity.api.ReviseMasterplan;
import id.smartcity.api.SelectRegion;
import id.smartcity.api.SignMoU;
import id.smartcity.api.SubmitMasterplan;
import id.smartcity.api.WithdrawRegion;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final String DEPOK = "32.76";
    private static final String HASH = "a".repeat(64);

    private FixtureConfiguration<Region> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Region.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        fixture.registerInjectableResource(new ProgrammeCycleTest.FakeRegister());
    }

    private static SelectRegion selectDepok(int year, LocalDate on) {
        return new SelectRegion(DEPOK, "Kota Depok", RegionKind.CITY, year, on, null);
    }

    private static RegionSelected depokSelected(int year, LocalDate on) {
        return new RegionSelected(DEPOK, "Kota Depok", RegionKind.CITY, year, on, null);
    }

    private static final LocalDate SELECTED_2018 = LocalDate.of(2018, 5, 1);
    private static final LocalDate MOU_2018 = LocalDate.of(2018, 5, 8);
    private static final LocalDate MENTORED_2018 = LocalDate.of(2018, 6, 1);

    private static MoUSigned mou2018() {
        return new MoUSigned(DEPOK, 2018, MOU_2018, "Redtop Hotel, Jakarta", false, List.of("Wali Kota Depok"),
                List.of("masterplan guidance"));
    }

    private static MentorAssigned mentor2018(String institution) {
        return new MentorAssigned(DEPOK, 2018, institution, List.of("Mentor A"), MENTORED_2018);
    }

    private static SubmitMasterplan masterplan(int horizon, List<Pillar> pillars, String hash) {
        return new SubmitMasterplan(DEPOK, 2018, LocalDate.of(2018, 11, 1), horizon, pillars, List.of("e-KTP kiosk"),
                hash);
    }

    @Nested
    class Selection {
        @Test
        void canSelectRegionIntoCohort() {
            fixture.givenNoPriorActivity()
                    .when(selectDepok(2018, SELECTED_2018))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(depokSelected(2018, SELECTED_2018));
        }

        @Test
        void cannotSelectProvinceAsRegion() {
            fixture.givenNoPriorActivity()
                    .when(new SelectRegion("34", "DI Yogyakarta", RegionKind.PROVINCE, 2023, LocalDate.of(2023, 2, 28),
                            null))
                    .expectException(violates(Rule.PROVINCE_IS_SMART_PROVINCE))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectWithMalformedCode() {
            fixture.givenNoPriorActivity()
                    .when(new SelectRegion("3276", "Kota Depok", RegionKind.CITY, 2018, SELECTED_2018, null))
                    .expectException(violates(Rule.MALFORMED_REGION_CODE))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"99.01", "00.71", "20.71", "97.71"})
        void cannotSelectRegionOfUnknownProvince(String code) {
            fixture.givenNoPriorActivity()
                    .when(new SelectRegion(code, "Kota Entah", RegionKind.CITY, 2018, SELECTED_2018, null))
                    .expectException(violates(Rule.UNKNOWN_PROVINCE))
                    .expectNoEvents();
        }

        @Test
        void canSelectRegionOfPapuaTengahOnceItExists() {
            LocalDate created = LocalDate.of(2022, 7, 25);
            fixture.givenNoPriorActivity()
                    .when(new SelectRegion("94.12", "Kabupaten Mimika", RegionKind.REGENCY, 2023, created, null))
                    .expectEvents(new RegionSelected("94.12", "Kabupaten Mimika", RegionKind.REGENCY, 2023, created,
                            null));
        }

        @Test
        void cannotSelectRegionOfPapuaTengahBeforeItExists() {
            fixture.givenNoPriorActivity()
                    .when(new SelectRegion("94.12", "Kabupaten Mimika", RegionKind.REGENCY, 2022,
                            LocalDate.of(2022, 7, 24), null))
                    .expectException(violates(Rule.UNKNOWN_PROVINCE))
                    .expectExceptionMessage(containsString("Papua Tengah (94) exists from 2022-07-25"))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectRegionOfPapuaBaratDayaBeforeItExists() {
            fixture.givenNoPriorActivity()
                    .when(new SelectRegion("96.71", "Kota Sorong", RegionKind.CITY, 2022, LocalDate.of(2022, 12, 7),
                            null))
                    .expectException(violates(Rule.UNKNOWN_PROVINCE))
                    .expectNoEvents();
        }

        @Test
        void canSelectRegionOfPapuaBaratDayaOnTheDayItIsCreated() {
            fixture.givenNoPriorActivity()
                    .when(new SelectRegion("96.71", "Kota Sorong", RegionKind.CITY, 2023, LocalDate.of(2022, 12, 8),
                            null))
                    .expectEvents(new RegionSelected("96.71", "Kota Sorong", RegionKind.CITY, 2023,
                            LocalDate.of(2022, 12, 8), null));
        }

        @Test
        void cannotSelectCityUnderRegencyNumber() {
            fixture.givenNoPriorActivity()
                    .when(new SelectRegion("32.04", "Kota Bandung", RegionKind.CITY, 2018, SELECTED_2018, null))
                    .expectException(violates(Rule.CODE_INCONSISTENT_WITH_KIND))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectProvinceCodeAsRegency() {
            fixture.givenNoPriorActivity()
                    .when(new SelectRegion("32", "Jawa Barat", RegionKind.REGENCY, 2023, LocalDate.of(2023, 2, 28),
                            null))
                    .expectException(violates(Rule.CODE_INCONSISTENT_WITH_KIND))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectWithoutName() {
            fixture.givenNoPriorActivity()
                    .when(new SelectRegion(DEPOK, " ", RegionKind.CITY, 2018, SELECTED_2018, null))
                    .expectException(violates(Rule.NAME_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectIntoCohortBeforeTheProgramme() {
            fixture.givenNoPriorActivity()
                    .when(selectDepok(2016, LocalDate.of(2016, 5, 1)))
                    .expectException(violates(Rule.COHORT_YEAR_OUT_OF_RANGE))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectIntoCohortAfterNextYear() {
            fixture.givenNoPriorActivity()
                    .when(selectDepok(2028, LocalDate.of(2026, 5, 1)))
                    .expectException(violates(Rule.COHORT_YEAR_OUT_OF_RANGE))
                    .expectNoEvents();
        }

        @Test
        void canSelectIntoNextYearsCohortInAdvance() {
            fixture.givenNoPriorActivity()
                    .when(selectDepok(2027, LocalDate.of(2026, 11, 20)))
                    .expectEvents(depokSelected(2027, LocalDate.of(2026, 11, 20)));
        }

        @Test
        void cannotSelectOnDateOutsideCohort() {
            fixture.givenNoPriorActivity()
                    .when(selectDepok(2019, LocalDate.of(2017, 5, 1)))
                    .expectException(violates(Rule.SELECTION_DATE_OUTSIDE_COHORT))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(selectDepok(2026, LocalDate.of(2026, 12, 1)))
                    .expectException(violates(Rule.DATE_IN_FUTURE))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectWithoutDate() {
            fixture.givenNoPriorActivity()
                    .when(selectDepok(2018, null))
                    .expectException(violates(Rule.DATE_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectAssistedRegionAgain() {
            fixture.given(depokSelected(2018, SELECTED_2018))
                    .when(selectDepok(2019, LocalDate.of(2019, 2, 22)))
                    .expectException(violates(Rule.ALREADY_PARTICIPANT))
                    .expectExceptionMessage(containsString("assisted since 2018: use RepeatMentoring"))
                    .expectNoEvents();
        }

        @Test
        void canSelectAgainAfterWithdrawal() {
            fixture.given(depokSelected(2018, SELECTED_2018),
                            new RegionWithdrawn(DEPOK, 2018, LocalDate.of(2018, 9, 1), "non-technical reasons"))
                    .when(selectDepok(2019, LocalDate.of(2019, 2, 22)))
                    .expectEvents(depokSelected(2019, LocalDate.of(2019, 2, 22)));
        }

        @Test
        void cannotSelectAgainBeforeTheWithdrawal() {
            fixture.given(depokSelected(2018, SELECTED_2018),
                            new RegionWithdrawn(DEPOK, 2018, LocalDate.of(2018, 9, 1), "non-technical reasons"))
                    .when(selectDepok(2019, LocalDate.of(2018, 8, 1)))
                    .expectException(violates(Rule.DATE_OUT_OF_ORDER))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectAgainInTheYearOfTheWithdrawnEngagement() {
            fixture.given(depokSelected(2018, SELECTED_2018),
                            new RegionWithdrawn(DEPOK, 2018, LocalDate.of(2018, 9, 1), "non-technical reasons"))
                    .when(selectDepok(2018, LocalDate.of(2018, 10, 1)))
                    .expectException(violates(Rule.ENGAGEMENT_EXISTS_FOR_YEAR))
                    .expectNoEvents();
        }
    }

    @Nested
    class MoU {
        @Test
        void canSignMoUAfterSelection() {
            fixture.given(depokSelected(2018, SELECTED_2018))
                    .when(new SignMoU(DEPOK, 2018, MOU_2018, "Redtop Hotel, Jakarta", false,
                            List.of("Wali Kota Depok"), List.of("masterplan guidance")))
                    .expectEvents(mou2018());
        }

        @Test
        void cannotSignMoUTwice() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018())
                    .when(new SignMoU(DEPOK, 2018, MOU_2018, "Jakarta", false, List.of(), List.of()))
                    .expectException(violates(Rule.MOU_ALREADY_SIGNED))
                    .expectNoEvents();
        }

        @Test
        void cannotSignMoUWithoutEngagementThatYear() {
            fixture.given(depokSelected(2018, SELECTED_2018))
                    .when(new SignMoU(DEPOK, 2019, LocalDate.of(2019, 5, 15), "Jakarta", false, List.of(), List.of()))
                    .expectException(violates(Rule.NO_OPEN_ENGAGEMENT))
                    .expectNoEvents();
        }

        @Test
        void cannotSignMoUBeforeSelection() {
            fixture.given(depokSelected(2018, SELECTED_2018))
                    .when(new SignMoU(DEPOK, 2018, LocalDate.of(2018, 4, 1), "Jakarta", false, List.of(), List.of()))
                    .expectException(violates(Rule.DATE_OUT_OF_ORDER))
                    .expectNoEvents();
        }

        @Test
        void cannotSignMoUInTheFuture() {
            fixture.given(depokSelected(2018, SELECTED_2018))
                    .when(new SignMoU(DEPOK, 2018, TODAY.plusDays(1), "Jakarta", false, List.of(), List.of()))
                    .expectException(violates(Rule.DATE_IN_FUTURE))
                    .expectNoEvents();
        }

        @Test
        void cannotSignMoUForWithdrawnEngagement() {
            fixture.given(depokSelected(2018, SELECTED_2018),
                            new RegionWithdrawn(DEPOK, 2018, MOU_2018, "non-technical reasons"))
                    .when(new SignMoU(DEPOK, 2018, MOU_2018, "Jakarta", false, List.of(), List.of()))
                    .expectException(violates(Rule.ENGAGEMENT_WITHDRAWN))
                    .expectNoEvents();
        }

        @Test
        void cannotSignMoUForUnknownRegion() {
            fixture.givenNoPriorActivity()
                    .when(new SignMoU(DEPOK, 2018, MOU_2018, "Jakarta", false, List.of(), List.of()))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Mentoring {
        @Test
        void canAssignMentorAfterMoU() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018())
                    .when(new AssignMentor(DEPOK, 2018, "Universitas Indonesia", List.of("Mentor A"), MENTORED_2018))
                    .expectEvents(mentor2018("Universitas Indonesia"));
        }

        @Test
        void canAssignSeveralInstitutions() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("Universitas Indonesia"))
                    .when(new AssignMentor(DEPOK, 2018, "ITB", List.of("Mentor A"), MENTORED_2018))
                    .expectEvents(mentor2018("ITB"));
        }

        @Test
        void cannotAssignSameInstitutionTwice() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("Universitas Indonesia"))
                    .when(new AssignMentor(DEPOK, 2018, " universitas indonesia ", List.of("Mentor B"),
                            MENTORED_2018))
                    .expectException(violates(Rule.MENTOR_ALREADY_ASSIGNED))
                    .expectNoEvents();
        }

        @Test
        void cannotAssignMentorWithoutMoU() {
            fixture.given(depokSelected(2018, SELECTED_2018))
                    .when(new AssignMentor(DEPOK, 2018, "ITB", List.of("Mentor A"), MENTORED_2018))
                    .expectException(violates(Rule.MOU_NOT_SIGNED))
                    .expectNoEvents();
        }

        @Test
        void cannotAssignInstitutionWithoutMentors() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018())
                    .when(new AssignMentor(DEPOK, 2018, "ITB", List.of(), MENTORED_2018))
                    .expectException(violates(Rule.MENTORS_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void cannotAssignMentorBeforeMoU() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018())
                    .when(new AssignMentor(DEPOK, 2018, "ITB", List.of("Mentor A"), MOU_2018.minusDays(1)))
                    .expectException(violates(Rule.DATE_OUT_OF_ORDER))
                    .expectNoEvents();
        }
    }

    @Nested
    class RepeatedMentoring {
        @Test
        void canRepeatMentoringAfterEarlierEngagement() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("ITB"))
                    .when(new RepeatMentoring(DEPOK, 2021, LocalDate.of(2021, 3, 1), "tourism area priority"))
                    .expectEvents(new MentoringRepeated(DEPOK, 2021, LocalDate.of(2021, 3, 1), "tourism area priority",
                            2018));
        }

        @Test
        void canAssignMentorInRepeatUnderEarlierMoU() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(),
                            new MentoringRepeated(DEPOK, 2021, LocalDate.of(2021, 3, 1), "priority", 2018))
                    .when(new AssignMentor(DEPOK, 2021, "UMN", List.of("Mentor C"), LocalDate.of(2021, 4, 1)))
                    .expectEvents(new MentorAssigned(DEPOK, 2021, "UMN", List.of("Mentor C"), LocalDate.of(2021, 4, 1)));
        }

        @Test
        void cannotRepeatMentoringWhenOnlyEngagementWasWithdrawn() {
            fixture.given(depokSelected(2018, SELECTED_2018),
                            new RegionWithdrawn(DEPOK, 2018, LocalDate.of(2018, 9, 1), "non-technical reasons"))
                    .when(new RepeatMentoring(DEPOK, 2019, LocalDate.of(2019, 3, 1), "again"))
                    .expectException(violates(Rule.NO_EARLIER_ENGAGEMENT))
                    .expectNoEvents();
        }

        @Test
        void cannotRepeatMentoringInYearThatHasEngagement() {
            fixture.given(depokSelected(2018, SELECTED_2018))
                    .when(new RepeatMentoring(DEPOK, 2018, LocalDate.of(2018, 7, 1), "again"))
                    .expectException(violates(Rule.ENGAGEMENT_EXISTS_FOR_YEAR))
                    .expectNoEvents();
        }

        @Test
        void cannotRepeatMentoringWithoutReason() {
            fixture.given(depokSelected(2018, SELECTED_2018))
                    .when(new RepeatMentoring(DEPOK, 2021, LocalDate.of(2021, 3, 1), ""))
                    .expectException(violates(Rule.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void cannotRepeatMentoringForUnknownRegion() {
            fixture.givenNoPriorActivity()
                    .when(new RepeatMentoring(DEPOK, 2021, LocalDate.of(2021, 3, 1), "again"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Masterplan {
        @Test
        void canSubmitMasterplanAfterMentor() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("ITB"))
                    .when(masterplan(10, List.of(Pillar.SOCIETY, Pillar.GOVERNANCE, Pillar.SOCIETY), HASH))
                    .expectEvents(new MasterplanSubmitted(DEPOK, 2018, LocalDate.of(2018, 11, 1), 10,
                            List.of(Pillar.GOVERNANCE, Pillar.SOCIETY), List.of("e-KTP kiosk"), HASH));
        }

        @Test
        void cannotSubmitMasterplanWithoutMentor() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018())
                    .when(masterplan(10, List.of(Pillar.GOVERNANCE), HASH))
                    .expectException(violates(Rule.NO_MENTOR))
                    .expectNoEvents();
        }

        @Test
        void cannotSubmitMasterplanTwice() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("ITB"),
                            new MasterplanSubmitted(DEPOK, 2018, LocalDate.of(2018, 11, 1), 10,
                                    List.of(Pillar.GOVERNANCE), List.of(), HASH))
                    .when(masterplan(10, List.of(Pillar.GOVERNANCE), HASH))
                    .expectException(violates(Rule.MASTERPLAN_ALREADY_SUBMITTED))
                    .expectNoEvents();
        }

        @Test
        void cannotSubmitMasterplanShorterThanFiveYears() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("ITB"))
                    .when(masterplan(4, List.of(Pillar.GOVERNANCE), HASH))
                    .expectException(violates(Rule.HORIZON_OUT_OF_RANGE))
                    .expectNoEvents();
        }

        @Test
        void cannotSubmitMasterplanLongerThanTwentyYears() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("ITB"))
                    .when(masterplan(21, List.of(Pillar.GOVERNANCE), HASH))
                    .expectException(violates(Rule.HORIZON_OUT_OF_RANGE))
                    .expectNoEvents();
        }

        @Test
        void cannotSubmitMasterplanWithoutPillars() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("ITB"))
                    .when(masterplan(10, List.of(), HASH))
                    .expectException(violates(Rule.PILLARS_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void cannotSubmitMasterplanWithMalformedDocumentHash() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("ITB"))
                    .when(masterplan(10, List.of(Pillar.GOVERNANCE), "not-a-hash"))
                    .expectException(violates(Rule.DOCUMENT_HASH_MALFORMED))
                    .expectNoEvents();
        }

        @Test
        void cannotSubmitMasterplanBeforeFirstMentor() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("ITB"))
                    .when(new SubmitMasterplan(DEPOK, 2018, MENTORED_2018.minusDays(1), 10, List.of(Pillar.LIVING),
                            List.of(), HASH))
                    .expectException(violates(Rule.DATE_OUT_OF_ORDER))
                    .expectNoEvents();
        }

        @Test
        void canReviseSubmittedMasterplan() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("ITB"),
                            new MasterplanSubmitted(DEPOK, 2018, LocalDate.of(2018, 11, 1), 10,
                                    List.of(Pillar.GOVERNANCE), List.of(), HASH),
                            new MasterplanRevised(DEPOK, 2018, LocalDate.of(2019, 1, 1), 1, 10,
                                    List.of(Pillar.GOVERNANCE), List.of(), HASH, "first review"))
                    .when(new ReviseMasterplan(DEPOK, 2018, LocalDate.of(2019, 6, 1), 15,
                            List.of(Pillar.ECONOMY, Pillar.GOVERNANCE), List.of(), "b".repeat(64), "mid-term review"))
                    .expectEvents(new MasterplanRevised(DEPOK, 2018, LocalDate.of(2019, 6, 1), 2, 15,
                            List.of(Pillar.GOVERNANCE, Pillar.ECONOMY), List.of(), "b".repeat(64), "mid-term review"));
        }

        @Test
        void cannotReviseMissingMasterplan() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("ITB"))
                    .when(new ReviseMasterplan(DEPOK, 2018, LocalDate.of(2019, 6, 1), 15, List.of(Pillar.ECONOMY),
                            List.of(), HASH, "review"))
                    .expectException(violates(Rule.NO_MASTERPLAN))
                    .expectNoEvents();
        }

        @Test
        void cannotReviseBeforeThePreviousVersion() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("ITB"),
                            new MasterplanSubmitted(DEPOK, 2018, LocalDate.of(2018, 11, 1), 10,
                                    List.of(Pillar.GOVERNANCE), List.of(), HASH))
                    .when(new ReviseMasterplan(DEPOK, 2018, LocalDate.of(2018, 10, 1), 15, List.of(Pillar.ECONOMY),
                            List.of(), HASH, "review"))
                    .expectException(violates(Rule.DATE_OUT_OF_ORDER))
                    .expectNoEvents();
        }

        @Test
        void cannotReviseWithoutReason() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("ITB"),
                            new MasterplanSubmitted(DEPOK, 2018, LocalDate.of(2018, 11, 1), 10,
                                    List.of(Pillar.GOVERNANCE), List.of(), HASH))
                    .when(new ReviseMasterplan(DEPOK, 2018, LocalDate.of(2019, 6, 1), 15, List.of(Pillar.ECONOMY),
                            List.of(), HASH, null))
                    .expectException(violates(Rule.REASON_REQUIRED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Withdrawal {
        @Test
        void canWithdrawRegion() {
            fixture.given(depokSelected(2018, SELECTED_2018))
                    .when(new WithdrawRegion(DEPOK, 2018, LocalDate.of(2018, 9, 1), "non-technical reasons"))
                    .expectEvents(new RegionWithdrawn(DEPOK, 2018, LocalDate.of(2018, 9, 1), "non-technical reasons"));
        }

        @Test
        void cannotWithdrawTwice() {
            fixture.given(depokSelected(2018, SELECTED_2018),
                            new RegionWithdrawn(DEPOK, 2018, LocalDate.of(2018, 9, 1), "non-technical reasons"))
                    .when(new WithdrawRegion(DEPOK, 2018, LocalDate.of(2018, 10, 1), "again"))
                    .expectException(violates(Rule.ENGAGEMENT_WITHDRAWN))
                    .expectNoEvents();
        }

        @Test
        void cannotWithdrawBeforeTheLatestStep() {
            fixture.given(depokSelected(2018, SELECTED_2018), mou2018(), mentor2018("ITB"))
                    .when(new WithdrawRegion(DEPOK, 2018, MOU_2018, "non-technical reasons"))
                    .expectException(violates(Rule.DATE_OUT_OF_ORDER))
                    .expectNoEvents();
        }

        @Test
        void cannotWithdrawWithoutReason() {
            fixture.given(depokSelected(2018, SELECTED_2018))
                    .when(new WithdrawRegion(DEPOK, 2018, LocalDate.of(2018, 9, 1), " "))
                    .expectException(violates(Rule.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void cannotWithdrawFromYearWithoutEngagement() {
            fixture.given(depokSelected(2018, SELECTED_2018))
                    .when(new WithdrawRegion(DEPOK, 2019, LocalDate.of(2019, 9, 1), "reasons"))
                    .expectException(violates(Rule.NO_OPEN_ENGAGEMENT))
                    .expectNoEvents();
        }
    }
}
