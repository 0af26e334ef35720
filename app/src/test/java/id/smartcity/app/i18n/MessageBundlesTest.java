package id.smartcity.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import id.smartcity.api.AwardCategory;
import id.smartcity.api.PublishedMetric;
import id.smartcity.ledger.rules.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Both bundles word the same sentences: every rule, metric, award category and event has its words in each. */
class MessageBundlesTest {
    private final Properties english = bundle("en");
    private final Properties indonesian = bundle("id");

    @Test
    void bothLanguagesHaveTheSameCodes() {
        assertThat(indonesian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(
                english.stringPropertyNames());
    }

    @Test
    void everyRuleMetricAwardAndEventIsWordedInBothLanguages() {
        List<String> codes = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            codes.add("problem." + rule.name());
        }
        for (PublishedMetric metric : PublishedMetric.values()) {
            codes.addAll(List.of("metric." + metric, "reconciliation.unnamed." + metric + ".one",
                    "reconciliation.unnamed." + metric + ".other"));
        }
        for (AwardCategory category : AwardCategory.values()) {
            codes.add("timeline.award." + category);
        }
        // Events are named in the past tense (RegionSelected); the timeline names them by their class.
        new ClassFileImporter().importPackages("id.smartcity.api").stream().filter(JavaClass::isRecord)
                .map(JavaClass::getSimpleName).filter(name -> name.endsWith("ed"))
                .forEach(name -> codes.add("event." + name));
        assertThat(codes).contains("event.RegionSelected", "event.MoUSigned");
        assertThat(english.stringPropertyNames()).containsAll(codes);
        assertThat(indonesian.stringPropertyNames()).containsAll(codes);
    }

    @Test
    void indonesianSentencesAreTranslatedNotCopied() {
        // Names that are the same in both languages: the programme's own terms.
        List<String> same = List.of("reconciliation.note");
        english.stringPropertyNames().stream().filter(code -> same.stream().noneMatch(code::startsWith))
                .forEach(code -> assertThat(indonesian.getProperty(code)).as(code)
                        .isNotEqualTo(english.getProperty(code)));
    }

    private static Properties bundle(String language) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/messages_" + language
                + ".properties")) {
            assertThat(in).as(language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
