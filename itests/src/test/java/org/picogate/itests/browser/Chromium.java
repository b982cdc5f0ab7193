package org.picogate.itests.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through chromedriver, both found on the {@code PATH} (Debian's {@code chromium} and
 * {@code chromium-driver} packages; {@code .ci/run} installs them). Selenium is told where both are, so it never
 * tries to download a driver or a browser. Missing programs fail the test: a browser test that skips itself
 * proves nothing.
 */
final class Chromium {

    private Chromium() {
    }

    static ChromeDriver startHeadless() {
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
        return new ChromeDriver(service, options);
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
