package id.smartcity.projections.reports;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The denominator of coverage: how many regencies and cities Indonesia had, per year where it changed.
 *
 * @param regenciesAndCities the count for every year not listed in {@code byYear}
 * @param byYear             counts for particular years
 */
@ConfigurationProperties("projections.coverage")
public record CoverageProperties(@DefaultValue("514") int regenciesAndCities, Map<Integer, Integer> byYear) {
    public CoverageProperties {
        byYear = byYear == null ? Map.of() : Map.copyOf(byYear);
    }

    public int denominator(int year) {
        return byYear.getOrDefault(year, regenciesAndCities);
    }
}
