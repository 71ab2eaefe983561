package dev.steelyard.kpi.dashboard;

import static dev.steelyard.kpi.ArEvents.invoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.kpi.ArEvents;
import dev.steelyard.kpi.Kpis;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The operations dashboard in headless Chromium: it shows the API's figures and follows new events. */
@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TestHTTPResource("/dashboard/index.html")
    URL page;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the dashboard test needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        profile = Files.createTempDirectory("kpi-dashboard-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String figure(String name) {
        return browser.findElement(By.id("fig-" + name)).getText();
    }

    private void awaitFigure(String name, String value) {
        new WebDriverWait(browser, Duration.ofSeconds(40)).ignoring(StaleElementReferenceException.class)
                .until(driver -> value.equals(figure(name)));
    }

    private WebDriverWait redrawn() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
        return wait;
    }

    @Test
    void dashboardShowsTheApisFiguresAndUpdatesAfterANewEvent() {
        String entity = ArEvents.newEntity();
        ArEvents.send(invoice(entity, "C-1", "A-1", "USD", "900.00", "2024-01-05", "2024-01-20"),
                invoice(entity, "C-2", "B-1", "USD", "300.00", "2024-01-25", "2024-02-24"));
        JsonPath api = Kpis.awaitField("/kpis/month/2024-01", Map.of("entity", entity), "endingAR", "1200.00");

        browser.get(page + "?month=2024-01&entity=" + entity + "&token="
                + URLEncoder.encode(Tokens.withRoles("ops"), StandardCharsets.UTF_8));
        awaitFigure("endingAR", api.getString("endingAR"));
        for (String name : new String[] { "endingCurrentAR", "creditSales", "dsoStandard", "bestPossibleDso",
                "averageDaysDelinquent", "cei" }) {
            assertEquals(api.getString(name), figure(name), name);
        }
        // Tables and charts are redrawn after every summary the stream pushes, so elements are re-found.
        redrawn().until(driver -> "C-1".equals(
                driver.findElement(By.cssSelector("#overdue tbody tr td:nth-child(2)")).getText()));
        redrawn().until(driver -> "900.00".equals(
                driver.findElement(By.cssSelector("#overdue tbody tr td:nth-child(3)")).getText()));
        // Five buckets for each of the twelve months up to the chosen one.
        redrawn().until(driver -> driver.findElements(By.cssSelector("#aging-chart rect")).size() == 5 * 12);

        ArEvents.send(invoice(entity, "C-1", "A-2", "USD", "50.00", "2024-01-30", "2024-02-29"));
        JsonPath updated = Kpis.awaitField("/kpis/month/2024-01", Map.of("entity", entity), "endingAR", "1250.00");
        awaitFigure("endingAR", "1250.00");
        awaitFigure("dsoStandard", updated.getString("dsoStandard"));
    }
}
