package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in a real browser: Debian's headless Chromium through its chromedriver. A user signs in, loads the
 * shipped history, reads the published totals off the chart, goes back to 2019, opens a region, issues a command and
 * sees it refused and then accepted, and verifies the log. Then each role, in both languages, on a desktop and on a
 * phone, visits every view it has: each view shows data or says why not, nothing is wider than the screen, no text
 * in Bahasa Indonesia is left in English, and axe-core finds no WCAG 2.1 AA violation. Last, a tampered log is shown
 * broken. One Spring context and one browser throughout; screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    static final Dimension DESKTOP = new Dimension(1280, 1000);
    static final Dimension PHONE = new Dimension(390, 844);
    /** Words on the page in neither the dashboard's Indonesian texts nor the ledger's: the programme's own terms. */
    static final Set<String> ALLOWED_WORDS = Set.of("smart", "city", "mou", "ndjson", "csv", "sha", "hash", "merkle");
    static final List<String> ROLES = List.of("operator", "reporter", "auditor", "admin");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabaseFactory mongo;

    ChromeDriver browser;
    WebDriverWait wait;
    String axe;
    Set<String> indonesian;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @BeforeAll
    void openBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") != null) {
            assertThat(present).as(".ci/run installs Debian's chromium and chromium-driver").isTrue();
        }
        assumeTrue(present, "Debian's chromium and chromium-driver are not installed (apt-get install chromium "
                + "chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-US",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        // The console, to see whether the Content-Security-Policy refused anything the dashboard does (issue 16, row 15).
        LoggingPreferences console = new LoggingPreferences();
        console.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, console);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // The page redraws a view when an answer arrives; an element found just before is then stale: look again.
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
        try (InputStream in = DashboardBrowserTest.class.getResourceAsStream("/axe.min.js")) {
            assertThat(in).as("axe-core from com.deque.html.axe-core:selenium").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The dashboard does all it does under the ledger's Content-Security-Policy: the browser refused nothing. */
    @AfterEach
    void theContentSecurityPolicyRefusedNothing() {
        List<String> refusals = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(message -> message.contains("Content Security Policy")
                        || message.contains("Refused to")).toList();
        assertThat(refusals).isEmpty();
    }

    @Test
    @Order(1)
    void aMinistryUserSeesTheProgrammeGoesBackInTimeOpensARegionIssuesACommandAndVerifiesTheLog() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/");
        assertThat(text("#sign-in-title")).as("Bahasa Indonesia first").isEqualTo("Masuk");
        new Select(find("#language")).selectByValue("en");
        assertThat(text("#sign-in-title")).isEqualTo("Sign in");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");

        signIn("admin", "wrong");
        wait.until(d -> !text("#sign-in-error").isEmpty());
        assertThat(text("#sign-in-error")).isEqualTo("Wrong user or password.");
        signIn("admin", password("admin"));
        wait.until(d -> find("#app").isDisplayed());
        assertThat(text("#who")).startsWith("admin");
        wait.until(d -> !text("#version").isEmpty());
        assertThat(text("#version")).as("the footer names the build")
                .matches("smartcity-ledger \\d+\\.\\d+\\.\\d+\\S*.*");
        screenshot("01-signed-in");
        // An empty ledger: the overview says so, and its chart draws a round axis with no lone year.
        wait.until(d -> text("#overview-message").startsWith("Nothing recorded yet"));
        wait.until(d -> texts("#chart text.axis").equals(List.of("0", "5", "10")));
        assertThat(browser.findElements(By.cssSelector("#chart g.year"))).isEmpty();
        assertThat(attribute("#coverage-meter .fill", "style")).contains("width: 0%");

        // Load the shipped history through the operator's import form.
        click("#tab-operate");
        find("#import-file").sendKeys(ShippedHistory.FILE.toAbsolutePath().normalize().toString());
        find("#form-import button[type=submit]").click();
        wait.until(d -> text("#import-result").startsWith("Imported"));
        assertThat(text("#import-result")).isEqualTo("Imported " + ShippedHistory.EVENTS + " events.");

        click("#tab-overview");
        untilRefreshed(d -> "191".equals(chartYear("2022", "data-published-cumulative")));
        assertThat(chartYear("2021", "data-published-cumulative")).isEqualTo("141");
        assertThat(chartYear("2022", "data-published-cumulative")).isEqualTo("191");
        assertThat(chartYear("2019", "data-published-cumulative")).isEqualTo("100");
        assertThat(chartYear("2017", "data-new")).isEqualTo("25");
        assertThat(browser.findElements(By.cssSelector("#reconciliation tr.differs")))
                .as("published figures the named regions do not reach are highlighted").isNotEmpty();
        assertThat(text("#coverage-text")).contains("of 514 regencies and cities").endsWith("(27.6%)");
        assertThat(text("#totals tr[data-year='2022'] td:last-child")).as("one decimal, as the report says")
                .isEqualTo("22.0%");
        assertThat(texts("#chart text.axis")).as("round ticks").startsWith("0", "100", "200", "300");
        assertThat(text("#sources-list")).as("each source with its title").contains("003 · Mediapelangi.com");
        assertThat(attribute("#reconciliation tbody a[href='#source-003']", "href")).isNotNull();
        screenshot("02-overview");

        setDate("#as-of", "2019-12-31");
        wait.until(d -> chartYearOrNull("2021") == null);
        assertThat(chartYear("2019", "data-published-cumulative")).isEqualTo("100");
        assertThat(browser.findElements(By.cssSelector("#chart g.year[data-published-cumulative='141']"))).isEmpty();
        assertThat(attribute("#time-note time", "datetime")).isEqualTo("2019-12-31");
        assertThat(text("#time-note")).contains("31 Dec 2019");
        screenshot("03-as-of-2019-12-31");
        click("#now");
        wait.until(d -> chartYearOrNull("2022") != null);
        setDate("#known-at", "2020-01-01T00:00:00");
        wait.until(d -> text("#overview-message").startsWith("Nothing recorded yet"));
        assertThat(browser.findElements(By.cssSelector("#chart g.year"))).as("nothing was recorded before the import")
                .isEmpty();
        assertThat(text("#time-note")).contains("Only what the ledger had");
        click("#now");
        wait.until(d -> "25".equals(chartYear("2017", "data-cumulative")));

        // A cohort, filtered, and one of its regions.
        click("#tab-cohorts");
        wait.until(d -> !d.findElements(By.cssSelector("#cohort-year option[value='2019']")).isEmpty());
        new Select(find("#cohort-year")).selectByValue("2019");
        wait.until(d -> text("#cohort-count").endsWith("of 25 regions shown"));
        find("#cohort-search").sendKeys("Kediri");
        wait.until(d -> text("#cohort-count").startsWith("1 of 25"));
        screenshot("04-cohort-2019-filtered");
        find("#cohort tbody tr[data-code='35.71'] a").click();
        wait.until(d -> text("#region-name").startsWith("Kota Kediri"));
        assertThat(text("#timeline tbody tr:first-child td:nth-child(5)")).as("recorded by").isEqualTo("admin");
        screenshot("05-region-kota-kediri");
        fill("#region-code", "91.71");
        click("#region-form button[type=submit]");
        wait.until(d -> text("#region-name").endsWith("(91.71)"));
        assertThat(text("#assisted")).isEqualTo("Assisted 2 times · Repeated assistance");
        assertThat(attribute("#assisted", "class")).contains("repeated");
        assertThat(browser.findElements(By.cssSelector(".engagement.REPEAT[data-year='2023']"))).hasSize(1);
        screenshot("05b-region-repeated-assistance");
        // Kota Depok withdrew in 2018 and came back in 2019: two engagements, one of them assistance, as the API says.
        fill("#region-code", "32.76");
        click("#region-form button[type=submit]");
        wait.until(d -> text("#region-name").endsWith("(32.76)"));
        assertThat(text("#assisted")).isEqualTo("Assisted once");
        assertThat(browser.findElements(By.cssSelector(".engagement"))).hasSize(2);

        // A command refused beside its field, then one accepted, and the region it made.
        click("#tab-operate");
        fill("#selectRegion-code", "11.71");
        fill("#selectRegion-name", "Kota Banda Aceh");
        new Select(find("#selectRegion-kind")).selectByValue("CITY");
        fill("#selectRegion-cohortYear", "2024");
        setDate("#selectRegion-selectedOn", "2024-03-01");
        find("#form-selectRegion button[type=submit]").click();
        wait.until(d -> !text("#selectRegion-code-error").isEmpty());
        assertThat(text("#selectRegion-code-error")).contains("[ALREADY_PARTICIPANT]");
        screenshot("06-command-refused");

        fill("#selectRegion-code", "11.01");
        fill("#selectRegion-name", "Kabupaten Aceh Selatan");
        new Select(find("#selectRegion-kind")).selectByValue("REGENCY");
        find("#form-selectRegion button[type=submit]").click();
        wait.until(d -> text("#selectRegion-result").startsWith("Accepted"));
        assertThat(text("#selectRegion-result")).isEqualTo("Accepted: RegionSelected at position "
                + (ShippedHistory.EVENTS + 1) + ".");
        // An import refused: every refused line with its rule, not only how many.
        find("#import-file").sendKeys(ShippedHistory.FILE.toAbsolutePath().normalize().toString());
        find("#form-import button[type=submit]").click();
        wait.until(d -> text("#import-result").startsWith("Nothing was imported"));
        assertThat(text("#import-result")).contains("Line 1: ").contains("[ALREADY_PARTICIPANT]")
                .contains("more refused lines");
        assertThat(text("#selectRegion-code-error")).isEmpty();
        screenshot("07-command-accepted");
        click("#tab-region");
        untilRefreshedRegion(d -> text("#region-name").startsWith("Kabupaten Aceh Selatan"));
        assertThat(attribute("#timeline tbody tr", "data-position")).isEqualTo(String.valueOf(ShippedHistory.EVENTS + 1));
        screenshot("08-new-region");

        // The auditor's panel: the digest, a verification, the log paged.
        click("#tab-audit");
        wait.until(d -> text("#digest-treeSize").equals(String.valueOf(ShippedHistory.EVENTS + 1)));
        click("#verify");
        wait.until(d -> text("#verify-result").startsWith("OK"));
        assertThat(text("#verify-result")).isEqualTo("OK: " + (ShippedHistory.EVENTS + 1) + " events verified.");
        assertThat(browser.findElements(By.cssSelector("#events tbody tr"))).hasSize(20);
        click("#events-next");
        wait.until(d -> "21".equals(attribute("#events tbody tr", "data-position")));
        browser.executeScript("window.scrollTo(0, 0)");
        screenshot("09-audit");

        // On a phone, in Bahasa Indonesia.
        new Select(find("#language")).selectByValue("id");
        click("#tab-overview");
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(d -> text("#tab-overview").equals("Ikhtisar"));
        screenshot("10-phone-bahasa-indonesia");

        // A reporter reads, but gets neither the auditor's panel nor the operator's forms.
        click("#sign-out");
        signIn("reporter", password("reporter"));
        wait.until(d -> find("#app").isDisplayed());
        assertThat(find("#tab-overview").isDisplayed()).isTrue();
        assertThat(find("#tab-audit").isDisplayed()).isFalse();
        assertThat(find("#tab-operate").isDisplayed()).isFalse();
        assertThat(find("#known-at").isDisplayed()).as("known-at is the auditors' control").isFalse();
        // A view that is not theirs, asked for anyway, says so rather than staying empty.
        browser.executeScript("show('audit')");
        wait.until(d -> !text("#audit-message").isEmpty());
        assertThat(text("#audit-message")).contains("bukan untuk peran Anda");
        assertThat(browser.findElements(By.cssSelector("#events tbody tr"))).isEmpty();
        click("#sign-out");
        browser.manage().window().setSize(DESKTOP);
    }

    @Test
    @Order(2)
    void everyRoleSeesEachOfItsViewsInBothLanguagesOnADesktopAndOnAPhone() {
        browser.get("http://localhost:" + port + "/dashboard/");
        indonesian = indonesianWords();
        new Select(find("#language")).selectByValue("id");
        checkPage("sign-in", "id", "desktop", "sign-in");
        // The checks can fail: a nameless button and a box wider than the screen are seen.
        browser.executeScript("const b = document.createElement('button'); b.id = 'nameless';"
                + " const w = document.createElement('div'); w.id = 'too-wide'; w.style.width = '3000px';"
                + " document.body.append(b, w);");
        assertThat(axeViolations()).anyMatch(violation -> violation.startsWith("button-name"));
        assertThat(tooWide()).isNotEmpty();
        browser.executeScript("document.getElementById('nameless').remove();"
                + " document.getElementById('too-wide').remove()");
        for (String role : ROLES) {
            signIn(role, password(role));
            wait.until(d -> find("#app").isDisplayed());
            List<String> views = views(role);
            assertThat(visibleTabs()).as(role).isEqualTo(views);
            for (Dimension size : List.of(DESKTOP, PHONE)) {
                browser.manage().window().setSize(size);
                String sizeName = size.equals(DESKTOP) ? "desktop" : "phone";
                for (String language : List.of("id", "en")) {
                    new Select(find("#language")).selectByValue(language);
                    for (String view : views) {
                        openView(view);
                        checkPage(role, language, sizeName, view);
                    }
                }
            }
            browser.manage().window().setSize(DESKTOP);
            new Select(find("#language")).selectByValue("id");
            click("#sign-out");
        }
    }

    @Test
    @Order(3)
    void anAuditorVerifiesAgainstAKeptDigestAndSeesATamperedLogAsBrokenEverywhere() {
        browser.get("http://localhost:" + port + "/dashboard/");
        if (indonesian == null) {
            indonesian = indonesianWords();
        }
        new Select(find("#language")).selectByValue("id");
        signIn("auditor", password("auditor"));
        wait.until(d -> find("#app").isDisplayed());
        openView("audit");
        String token = text("#digest-token");
        assertThat(token).startsWith("v1:" + (ShippedHistory.EVENTS + 1) + ":");
        assertThat(find("#download-token").isEnabled()).as("the token can be kept as a file").isTrue();
        fill("#kept-digest", token);
        click("#kept-form button[type=submit]");
        wait.until(d -> text("#kept-result").startsWith("OK"));
        assertThat(text("#kept-result")).contains("ringkasan tersimpan berisi " + (ShippedHistory.EVENTS + 1));
        fill("#kept-digest", "v1:garbage");
        click("#kept-form button[type=submit]");
        wait.until(d -> text("#kept-result").contains("INVALID_AUDIT_REQUEST"));

        MongoCollection<Document> events = mongo.getMongoDatabase().getCollection("events");
        Document original = events.find(Filters.eq("_id", 3L)).first();
        events.updateOne(Filters.eq("_id", 3L), Updates.set("payload.name", "Kota Palsu"));
        try {
            click("#verify");
            wait.until(d -> text("#verify-result").startsWith("RUSAK"));
            assertThat(text("#verify-result"))
                    .isEqualTo("RUSAK pada posisi 3: sebuah peristiwa berubah setelah dicatat.");
            assertThat(text("#digest-warning")).contains("RUSAK");
            assertThat(find("#download-token").isEnabled()).as("a broken log's digest is not offered to keep")
                    .isFalse();
            assertThat(browser.findElements(By.cssSelector("#events tbody tr.broken-row"))).isNotEmpty();
            fill("#kept-digest", token);
            click("#kept-form button[type=submit]");
            wait.until(d -> text("#kept-result").startsWith("RUSAK"));
            // Opened again later, the digest still says what the last verification found.
            openView("overview");
            openView("audit");
            assertThat(text("#digest-warning")).contains("RUSAK");
            assertThat(text("#digest-last")).startsWith("RUSAK");
            checkPage("auditor", "id", "desktop", "audit-broken");
        } finally {
            events.replaceOne(Filters.eq("_id", 3L), original);
        }
    }

    /** The views a role has, in the order of the tabs: everyone reads the programme; audit and commands by role. */
    private static List<String> views(String role) {
        List<String> views = new ArrayList<>(List.of("overview", "cohorts", "region"));
        if (role.equals("auditor") || role.equals("admin")) {
            views.add("audit");
        }
        if (role.equals("operator") || role.equals("admin")) {
            views.add("operate");
        }
        return views;
    }

    private List<String> visibleTabs() {
        return browser.findElements(By.cssSelector("[role=tab]")).stream().filter(WebElement::isDisplayed)
                .map(tab -> tab.getDomAttribute("data-view")).toList();
    }

    /** Opens a view and waits until it is drawn; the region view opens Kota Depok. */
    private void openView(String view) {
        click("#tab-" + view);
        untilDrawn();
        if (view.equals("region")) {
            fill("#region-code", "32.76");
            click("#region-form button[type=submit]");
            untilDrawn();
        }
    }

    private void untilDrawn() {
        wait.until(d -> attribute("body", "data-loading") == null);
    }

    /**
     * What every view must hold for every role: data or a message saying why not (and no refusal of what the role
     * may read), nothing wider than the screen, no English left in Bahasa Indonesia, no axe-core violation.
     */
    private void checkPage(String role, String language, String size, String view) {
        String name = role + "-" + language + "-" + size + "-" + view;
        browser.executeScript("window.scrollTo(0, 0)");
        screenshot(name);
        if (!view.equals("sign-in") && !view.equals("audit-broken")) {
            String message = text("#" + view + "-message");
            assertThat(attribute("#" + view + "-message", "class")).as("%s: %s", name, message)
                    .doesNotContain("error");
            @SuppressWarnings("unchecked")
            List<String> emptyTables = (List<String>) browser.executeScript("return [...document.querySelectorAll("
                    + "'#view-' + arguments[0] + ' table')].filter(t => t.tBodies.length && !t.tBodies[0].rows.length)"
                    + ".map(t => t.id)", view);
            assertThat(message.isEmpty() && !emptyTables.isEmpty()).as("%s: empty tables %s and no message", name,
                    emptyTables).isFalse();
        }
        if (view.equals("region")) {
            // Kota Depok withdrew in 2018 and came back in 2019: two engagements, one of them assistance.
            wait.until(d -> text("#region-name").endsWith("(32.76)"));
            assertThat(text("#assisted")).isEqualTo(language.equals("id") ? "Didampingi sekali" : "Assisted once");
            assertThat(browser.findElements(By.cssSelector(".engagement"))).hasSize(2);
            assertThat(browser.findElements(By.cssSelector(".engagement.withdrawn[data-year='2018']"))).hasSize(1);
            assertThat(text("#timeline tbody")).contains(language.equals("id") ? "Daerah dipilih" : "Region selected");
        }
        assertThat(tooWide()).as("%s: wider than the screen", name).isEmpty();
        List<String> untranslated = untranslatedWords();
        if (language.equals("id")) {
            assertThat(untranslated).as("%s: words not in Bahasa Indonesia", name).isEmpty();
        } else if (!view.equals("sign-in")) {
            assertThat(untranslated).as("%s: the dictionary check sees English", name).isNotEmpty();
        }
        assertThat(axeViolations()).as("%s: axe-core", name).isEmpty();
    }

    /** Elements reaching past the screen's edges, except inside a card's own scrolling box. */
    @SuppressWarnings("unchecked")
    private List<String> tooWide() {
        return (List<String>) browser.executeScript("""
                const width = document.documentElement.clientWidth;
                const wide = [];
                if (document.documentElement.scrollWidth > width) {
                  wide.push('the page: ' + document.documentElement.scrollWidth);
                }
                document.querySelectorAll('body *').forEach(e => {
                  if (e.closest('.scroll') && !e.classList.contains('scroll')) return;
                  const r = e.getBoundingClientRect();
                  if (r.width === 0 || !e.checkVisibility()) return;
                  if (r.right > width + 1 || r.left < -1) {
                    wide.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.left) + '..'
                      + Math.round(r.right));
                  }
                });
                return wide.slice(0, 10);""");
    }

    /**
     * The visible words in neither the dashboard's Indonesian texts nor the ledger's Indonesian bundle (nor the
     * programme's terms). Recorded data (class recorded), dates (time), codes (code), words in capitals and text
     * marked as another language are not words of the page.
     */
    @SuppressWarnings("unchecked")
    private List<String> untranslatedWords() {
        List<String> words = (List<String>) browser.executeScript("""
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const words = [];
                const skip = 'script, style, title, option, time, code, .recorded, [lang]:not([lang=id]):not(html)';
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const parent = node.parentElement;
                  if (!parent || parent.closest(skip) || !parent.checkVisibility()) continue;
                  node.textContent.split(/\\s+/).filter(token => !/\\d/.test(token))
                    .flatMap(token => token.split(/[^\\p{L}]+/u)).filter(word => word.length > 1)
                    .forEach(word => words.push(word));
                }
                return words;""");
        Set<String> unknown = new HashSet<>();
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (!indonesian.contains(lower) && !ALLOWED_WORDS.contains(lower)
                    && !word.equals(word.toUpperCase(Locale.ROOT))) {
                unknown.add(word);
            }
        }
        return unknown.stream().sorted().toList();
    }

    /** The dashboard's own Indonesian texts and the ledger's Indonesian bundle, as lower-case words. */
    @SuppressWarnings("unchecked")
    private Set<String> indonesianWords() {
        List<String> texts = new ArrayList<>((List<String>) browser.executeScript(
                "return Object.values(window.TEXTS.id).concat(Object.values(window.SOURCES || {}))"));
        Properties bundle = new Properties();
        try (InputStream in = DashboardBrowserTest.class.getResourceAsStream("/i18n/messages_id.properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bundle.values().forEach(value -> texts.add(value.toString()));
        Set<String> words = new HashSet<>();
        texts.forEach(text -> words.addAll(List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))));
        return words;
    }

    /** axe-core's WCAG 2.0 and 2.1 A and AA rules on the page as it is now, each violation with where it is. */
    @SuppressWarnings("unchecked")
    private List<String> axeViolations() {
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object'"))) {
            browser.executeScript(axe);
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                    resultTypes: ['violations'] })
                  .then(result => done(result.violations.map(v => ({ id: v.id, help: v.help,
                      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary) }))))
                  .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));""");
        return violations.stream().map(v -> v.get("id") + " (" + v.get("help") + "): " + v.get("nodes")).toList();
    }

    private void signIn(String user, String password) {
        fill("#user", user);
        fill("#password", password);
        find("#sign-in-form button[type=submit]").click();
    }

    /** Projections catch up a moment after a command: ask again (the "Today" button redraws) until they show it. */
    private void untilRefreshed(Function<WebDriver, Boolean> condition) {
        wait.until(d -> {
            if (Boolean.TRUE.equals(condition.apply(d))) {
                return true;
            }
            click("#now");
            return false;
        });
    }

    private void untilRefreshedRegion(Function<WebDriver, Boolean> condition) {
        wait.until(d -> {
            try {
                if (Boolean.TRUE.equals(condition.apply(d))) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // the dossier is not drawn yet
            }
            click("#region-form button[type=submit]");
            return false;
        });
    }

    /** Read in the page in one step, so that a redraw in between cannot leave a stale element behind. */
    @SuppressWarnings("unchecked")
    private List<String> texts(String selector) {
        return (List<String>) browser.executeScript("return [...document.querySelectorAll(arguments[0])]"
                + ".map(e => e.textContent.trim())", selector);
    }

    private String chartYear(String year, String attribute) {
        return attribute("#chart g.year[data-year='" + year + "']", attribute);
    }

    private Object chartYearOrNull(String year) {
        return chartYear(year, "data-year");
    }

    /** Read in the page in one step, so that a redraw in between cannot leave a stale element behind. */
    private String attribute(String selector, String name) {
        return (String) browser.executeScript("const e = document.querySelector(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null;", selector, name);
    }

    /** Date inputs are typed in the browser's locale order; set the ISO value and tell the page, as a picker does. */
    private void setDate(String selector, String isoDate) {
        browser.executeScript("const input = document.querySelector(arguments[0]); input.value = arguments[1];"
                + " input.dispatchEvent(new Event('change', {bubbles: true}));", selector, isoDate);
    }

    private void fill(String selector, String value) {
        WebElement input = find(selector);
        input.clear();
        input.sendKeys(value);
    }

    private void click(String selector) {
        find(selector).click();
    }

    private WebElement find(String selector) {
        return browser.findElement(By.cssSelector(selector));
    }

    private String text(String selector) {
        Object text = browser.executeScript("const e = document.querySelector(arguments[0]);"
                + " return e ? e.innerText : null;", selector);
        if (text == null) {
            throw new NoSuchElementException(selector);
        }
        return text.toString().strip();
    }

    /** The whole page (up to 6,000 pixels down), not only the window: a phone's view is long. */
    @SuppressWarnings("unchecked")
    private void screenshot(String name) {
        try {
            Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            // The window's width: laid out beyond the viewport, the page has no scroll bar and takes all of it.
            double width = ((Number) browser.executeScript("return window.innerWidth")).doubleValue();
            double height = Math.min(6000, ((Number) content.get("height")).doubleValue());
            Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String password(String user) {
        return new LedgerClient(port, LedgerApiContract.CREDENTIALS).password(user);
    }
}
