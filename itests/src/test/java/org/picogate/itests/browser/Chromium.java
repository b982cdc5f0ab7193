package org.picogate.itests.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through chromedriver, both found on the {@code PATH} (Debian's {@code chromium} and
 * {@code chromium-driver} packages; {@code .ci/run} installs them). Selenium is told where both are, so it never
 * tries to download a driver or a browser. Missing programs fail the test: a browser test that skips itself
 * proves nothing. The browser tests wait for what a page shows with {@link #waitFor(By)} and
 * {@link #waitForTitle(String)}.
 */
final class Chromium extends ChromeDriver {
    private final Duration wait;

    private Chromium(ChromeDriverService service, ChromeOptions options, Duration wait) {
        super(service, options);
        this.wait = wait;
    }

    /** Starts a headless Chromium whose waits give up after {@code wait}. */
    static Chromium startHeadless(Duration wait) {
        Path browser = onPath("chromium", "chromium-browser", "google-chrome")
                .orElseThrow(() -> new AssertionError("no chromium on the PATH: install Debian's chromium and "
                        + "chromium-driver packages (.ci/run does)"));
        Path driver = onPath("chromedriver")
                .orElseThrow(() -> new AssertionError("no chromedriver on the PATH: install Debian's "
                        + "chromium-driver package (.ci/run does)"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        // --no-sandbox: CI runs as root, where Chromium refuses its sandbox; the pages are our own, on loopback
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1024,900", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
        return new Chromium(service, options, wait);
    }

    /** The element {@code locator} finds, once it is visible. */
    WebElement waitFor(By locator) {
        return new WebDriverWait(this, wait).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Returns once the page's title is {@code title}. */
    void waitForTitle(String title) {
        new WebDriverWait(this, wait).until(ExpectedConditions.titleIs(title));
    }

    private static Optional<Path> onPath(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
