package id.smartcity.projections.reports;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.smartcity.api.PublishedMetric;
import id.smartcity.projections.model.EngagementView;
import id.smartcity.projections.model.Phrase;
import id.smartcity.projections.model.PublishedFigureView;
import id.smartcity.projections.model.RegionView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the ministry published beside what the ledger recorded, year by year and metric by metric, with every
 * difference named: withdrawn engagements, regions counted twice, engagements no source names.
 */
public final class Reconciliation {
    private Reconciliation() {
    }

    /**
     * One published figure beside the recorded one. {@code explanation} is in English; {@code explanations} says the
     * same, sentence for sentence, as message codes with parameters; {@code metricName} names the metric so.
     */
    public record Row(int year, PublishedMetric metric, Long published, List<String> sources, long recorded,
                      Long difference, List<String> explanation, List<Phrase> explanations) {
        @JsonProperty("metricName")
        public Phrase metricName() {
            return Phrase.of("metric." + metric);
        }
    }

    /** The English sentences and their phrases, added in step. */
    private record Explanation(List<String> english, List<Phrase> phrases) {
        Explanation() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        void add(String sentence, Phrase phrase) {
            english.add(sentence);
            phrases.add(phrase);
        }
    }

    public static List<Row> of(ProgrammeSnapshot snapshot, CoverageProperties coverage) {
        Map<Integer, AnnualTotals.Row> totals = AnnualTotals.of(snapshot, coverage).stream()
                .collect(Collectors.toMap(AnnualTotals.Row::year, row -> row));
        Map<String, List<PublishedFigureView>> byYearAndMetric = new LinkedHashMap<>();
        snapshot.figures().stream()
                .sorted(Comparator.comparingInt(PublishedFigureView::year)
                        .thenComparing(PublishedFigureView::metric).thenComparing(PublishedFigureView::source))
                .forEach(figure -> byYearAndMetric.computeIfAbsent(figure.year() + "|" + figure.metric(),
                        key -> new ArrayList<>()).add(figure));
        List<Row> rows = new ArrayList<>();
        byYearAndMetric.values().forEach(figures -> {
            PublishedFigureView first = figures.get(0);
            AnnualTotals.Row year = totals.get(first.year());
            long recorded = year == null ? 0 : recorded(year, first.metric());
            List<Long> values = figures.stream().map(PublishedFigureView::value).distinct().toList();
            Long published = values.size() == 1 ? values.get(0) : null;
            Explanation explanation = new Explanation();
            if (published == null) {
                String each = figures.stream().map(figure -> figure.value() + " (" + figure.source() + ")")
                        .collect(Collectors.joining(", "));
                explanation.add("The sources disagree: " + each, Phrase.of("reconciliation.disagree", each));
            } else {
                explain(snapshot, first.year(), first.metric(), published, recorded, explanation);
            }
            Map<String, List<String>> notes = new LinkedHashMap<>();
            figures.stream().filter(figure -> figure.note() != null && !figure.note().isBlank()).forEach(figure ->
                    notes.computeIfAbsent(figure.note(), note -> new ArrayList<>()).add(figure.source()));
            notes.forEach((note, sources) -> explanation.add(String.join(", ", sources) + ": " + note,
                    Phrase.of("reconciliation.note", String.join(", ", sources), note)));
            rows.add(new Row(first.year(), first.metric(), published,
                    figures.stream().map(PublishedFigureView::source).toList(), recorded,
                    published == null ? null : recorded - published, explanation.english(), explanation.phrases()));
        });
        return rows;
    }

    private static long recorded(AnnualTotals.Row year, PublishedMetric metric) {
        return switch (metric) {
            case ENGAGED, PLANNED -> year.engagements();
            case REPEATS -> year.repeatEngagements();
            case DISTINCT_CUMULATIVE -> year.cumulativeDistinct();
            case SMART_PROVINCES -> year.smartProvinces();
        };
    }

    private static void explain(ProgrammeSnapshot snapshot, int year, PublishedMetric metric, long published,
                                long recorded, Explanation explanation) {
        if (published == recorded) {
            explanation.add("Agrees", Phrase.of("reconciliation.agrees"));
            return;
        }
        long unexplained = published - recorded;
        if (metric == PublishedMetric.ENGAGED || metric == PublishedMetric.DISTINCT_CUMULATIVE) {
            List<String> withdrawn = withdrawnUpTo(snapshot, year, metric == PublishedMetric.ENGAGED);
            if (!withdrawn.isEmpty()) {
                explanation.add("Withdrawn, so not counted as assistance: " + String.join(", ", withdrawn),
                        Phrase.of("reconciliation.withdrawn", String.join(", ", withdrawn)));
                unexplained -= withdrawn.size();
            }
        }
        if (metric == PublishedMetric.DISTINCT_CUMULATIVE) {
            List<SelectedAgain> twice = selectedAgain(snapshot, year);
            if (!twice.isEmpty()) {
                explanation.add("In the published lists of two years, counted once here: " + twice.stream()
                                .map(SelectedAgain::english).collect(Collectors.joining(", ")),
                        Phrase.of("reconciliation.twice", twice.stream().map(SelectedAgain::neutral)
                                .collect(Collectors.joining("; "))));
                unexplained -= twice.size();
            }
        }
        if (unexplained > 0) {
            String what = switch (metric) {
                case REPEATS -> unexplained == 1 ? "repeat engagement" : "repeat engagements";
                case DISTINCT_CUMULATIVE -> unexplained == 1 ? "region" : "regions";
                case SMART_PROVINCES -> unexplained == 1 ? "province" : "provinces";
                case ENGAGED, PLANNED -> unexplained == 1 ? "engagement" : "engagements";
            };
            String when = metric == PublishedMetric.DISTINCT_CUMULATIVE ? " assisted up to " : " of ";
            explanation.add(unexplained + " " + what + when + year + (unexplained == 1 ? " is" : " are")
                    + " not named in the ledger (no public source names " + (unexplained == 1 ? "it)" : "them)"),
                    Phrase.of("reconciliation.unnamed." + metric + (unexplained == 1 ? ".one" : ".other"), unexplained,
                            year));
        } else if (unexplained < 0) {
            explanation.add("The ledger names " + (-unexplained) + " more than were published",
                    Phrase.of("reconciliation.more", -unexplained));
        }
    }

    /** Withdrawn engagements of the year (or, cumulatively, up to it) whose region was not assisted otherwise. */
    private static List<String> withdrawnUpTo(ProgrammeSnapshot snapshot, int year, boolean thisYearOnly) {
        List<String> names = new ArrayList<>();
        snapshot.regions().stream().filter(RegionView::isRegencyOrCity).sorted(Comparator.comparing(RegionView::code))
                .forEach(region -> region.engagements().stream()
                        .filter(EngagementView::withdrawn)
                        .filter(engagement -> thisYearOnly ? engagement.cohortYear() == year
                                : engagement.cohortYear() <= year
                                && AnnualTotals.firstAssistedYear(region).orElse(Integer.MAX_VALUE) > year)
                        .forEach(engagement -> names.add(region.name() + " (" + region.code() + ", "
                                + engagement.cohortYear() + ")")));
        return names;
    }

    /** Regions withdrawn in an earlier year and selected again up to this year: lists that add up count them twice. */
    private static List<SelectedAgain> selectedAgain(ProgrammeSnapshot snapshot, int year) {
        List<SelectedAgain> names = new ArrayList<>();
        snapshot.regions().stream().filter(RegionView::isRegencyOrCity).sorted(Comparator.comparing(RegionView::code))
                .forEach(region -> region.engagements().stream().filter(EngagementView::withdrawn)
                        .filter(withdrawn -> region.assistance().stream().anyMatch(later ->
                                later.cohortYear() > withdrawn.cohortYear() && later.cohortYear() <= year
                                        && later.type() == EngagementView.Type.NEW))
                        .findFirst()
                        .ifPresent(withdrawn -> names.add(new SelectedAgain(region.name() + " (" + region.code()
                                + ")", withdrawn.cohortYear(), region.assistance().stream()
                                .filter(later -> later.cohortYear() > withdrawn.cohortYear())
                                .findFirst().orElseThrow().cohortYear()))));
        return names;
    }

    /** A region selected, withdrawn, and selected again; worded in English, or in numbers alone for any language. */
    private record SelectedAgain(String region, int withdrawnYear, int againYear) {
        String english() {
            return region + ": selected " + withdrawnYear + ", withdrawn, selected again " + againYear;
        }

        String neutral() {
            return region + ": " + withdrawnYear + ", " + againYear;
        }
    }
}
