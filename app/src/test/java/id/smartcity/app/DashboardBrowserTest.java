package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in a real browser: Debian's headless Chromium through its chromedriver. A user signs in, loads the
 * shipped history, reads the published totals off the chart, goes back to 2019, opens a region, issues a command and
 * sees it refused and then accepted, and verifies the log. Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    ChromeDriver browser;
    WebDriverWait wait;

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
        assertThat(text("#coverage-text")).contains("of 514 regencies and cities");
        screenshot("02-overview");

        setDate("#as-of", "2019-12-31");
        wait.until(d -> chartYearOrNull("2021") == null);
        assertThat(chartYear("2019", "data-published-cumulative")).isEqualTo("100");
        assertThat(browser.findElements(By.cssSelector("#chart g.year[data-published-cumulative='141']"))).isEmpty();
        assertThat(text("#time-note")).contains("2019-12-31");
        screenshot("03-as-of-2019-12-31");
        click("#now");
        wait.until(d -> chartYearOrNull("2022") != null);
        setDate("#known-at", "2020-01-01T00:00:00");
        wait.until(d -> "0".equals(chartYear("2017", "data-cumulative")));
        assertThat(text("#time-note")).as("nothing was recorded before the import").contains("Only what the ledger had");
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

    private void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String password(String user) {
        return new LedgerClient(port, LedgerApiContract.CREDENTIALS).password(user);
    }
}
