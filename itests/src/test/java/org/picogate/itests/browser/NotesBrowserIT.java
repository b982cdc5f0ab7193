package org.picogate.itests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * A person's round through the notes app in headless Chromium, against the gateway as {@code ./picogate run}
 * starts it: add a note (after being told a title is required), read it, edit it, delete it. Run by failsafe in
 * {@code ./mvnw verify}; fails when Chromium or chromedriver is missing.
 */
class NotesBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path workDir;

    private static GatewayProcess gateway;
    private static Chromium browser;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start(GatewayProcess.exportedJar(), workDir, Duration.ofSeconds(30));
        browser = Chromium.startHeadless(WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    @Test
    void addEditAndDeleteANote() throws Exception {
        browser.get(gateway.baseUrl() + "/");
        browser.waitForTitle("All notes · Notes");
        assertThat(browser.findElement(By.className("empty")).getText()).startsWith("No notes yet.");

        // a note without a title is refused, and what was typed stays in the form
        browser.findElement(By.id("new-note")).click();
        browser.waitFor(By.id("content")).sendKeys("two litres, <b>fresh</b>");
        browser.findElement(By.id("save")).click();
        assertThat(browser.waitFor(By.id("problems")).getText()).contains("A title is required.");
        assertThat(browser.findElement(By.id("content")).getAttribute("value")).isEqualTo("two litres, <b>fresh</b>");

        browser.findElement(By.id("title")).sendKeys("Buy milk");
        browser.findElement(By.id("save")).click();
        browser.waitForTitle("Buy milk · Notes");
        assertThat(browser.findElement(By.id("note-title")).getText()).isEqualTo("Buy milk");
        // shown as typed, not as markup
        assertThat(browser.findElement(By.id("note-content")).getText()).isEqualTo("two litres, <b>fresh</b>");
        String noteUrl = browser.getCurrentUrl();
        assertThat(noteUrl).matches(gateway.baseUrl() + "/notes/\\d+");

        browser.findElement(By.id("edit")).click();
        WebElement title = browser.waitFor(By.id("title"));
        assertThat(title.getAttribute("value")).isEqualTo("Buy milk");
        title.clear();
        title.sendKeys("Buy oat milk");
        browser.findElement(By.id("save")).click();
        browser.waitForTitle("Buy oat milk · Notes");
        assertThat(browser.getCurrentUrl()).isEqualTo(noteUrl);

        browser.get(gateway.baseUrl() + "/");
        browser.waitForTitle("All notes · Notes");
        assertThat(browser.findElements(By.cssSelector("ul.notes li a"))).extracting(WebElement::getText)
                .containsExactly("Buy oat milk");
        Files.write(Path.of("target", "notes-browser.png"), browser.getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.linkText("Buy oat milk")).click();
        browser.waitForTitle("Buy oat milk · Notes");
        browser.findElement(By.id("delete")).click();
        browser.waitForTitle("All notes · Notes");
        assertThat(browser.findElement(By.className("empty")).getText()).startsWith("No notes yet.");

        browser.get(noteUrl);
        browser.waitForTitle("Error 404 · Notes");
        assertThat(browser.findElement(By.id("error-message")).getText()).contains("no note");
    }
}
