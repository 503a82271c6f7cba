package dev.tradeloop.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven through its ChromeDriver (Debian's
 * {@code chromium-driver}), with nothing downloaded: the browser and the driver are the machine's.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("tradeloop.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("tradeloop.chromedriver", "/usr/bin/chromedriver"));

    final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    /** Fails at once, naming the Debian package to install, when the browser or its driver is not here. */
    static void requireInstalled() {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
    }

    private static void requireExecutable(Path file, String debianPackage) {
        if (!Files.isExecutable(file)) {
            throw new IllegalStateException(file + " is missing: the dashboard test needs Debian's package "
                    + debianPackage + " (apt-get install " + debianPackage + "; ./tradeloop test installs it)");
        }
    }

    static Browser open(Path profile) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the closed network of the build machines refuses Chromium's own connections: turn them off
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    /**
     * Waits up to {@code deadline} for {@code condition} to give a value that is neither null nor
     * false; a page that re-renders while it is read (a stale element) is read again.
     */
    <T> T await(Duration deadline, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, deadline, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
