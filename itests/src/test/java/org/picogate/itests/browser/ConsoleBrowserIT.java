package org.picogate.itests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The web console in headless Chromium against the gateway as {@code ./picogate run} starts it, with the console
 * enabled by a password hash in {@code deploy/org.picogate.console.config}: log in, upload a bundle with a route
 * (the itests module's hello bundle) and see the route answer over HTTP, change its configuration in the Metatype
 * form and see the answer change, see the route on the routes page, stop the bundle and see the route gone. Run by
 * failsafe in {@code ./mvnw verify}; fails when Chromium or chromedriver is missing.
 */
class ConsoleBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PASSWORD = "a console password";
    private static final String HELLO = "org.picogate.itests.hello";

    @TempDir
    static Path workDir;

    private static GatewayProcess gateway;
    private static Chromium browser;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        Path deploy = Files.createDirectories(workDir.resolve("deploy"));
        Files.writeString(deploy.resolve("org.picogate.console.config"), "passwordHash=\"" + hash(PASSWORD) + "\"\n");
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

    /** The documented hash format, made with the JDK; 10 000 iterations keep the test fast. */
    private static String hash(String password) throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 10_000, 256)).getEncoded();
        return "pbkdf2-sha256:10000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
    }

    /** Waits until {@code GET path} (outside the browser) answers as {@code expected} says; returns the last answer. */
    private HttpResponse<String> awaitHttp(String path, Predicate<HttpResponse<String>> expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() - deadline < 0) {
            last = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (expected.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("GET " + path + " never answered as expected; last: " + (last == null ? "none"
                : last.statusCode() + " " + last.body()) + "\n" + gateway.output());
    }

    @Test
    void logInUploadABundleConfigureItAndStopIt() throws Exception {
        Path helloJar = Path.of(System.getProperty("picogate.hello.jar", "target/itests-0.1.0-SNAPSHOT-hello.jar"));
        assertThat(helloJar).as("the hello bundle (itests module, package phase)").isRegularFile();

        // a page of the console without a session leads to the login form; a wrong password is refused
        browser.get(gateway.baseUrl() + "/console/");
        browser.waitForTitle("Log in · Picogate console");
        browser.findElement(By.id("password")).sendKeys("not the password");
        browser.findElement(By.id("login")).click();
        assertThat(browser.waitFor(By.id("login-error")).getText()).isEqualTo("Wrong password.");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        browser.waitForTitle("Bundles · Picogate console");
        assertThat(browser.findElements(By.cssSelector("#bundles td.bsn"))).extracting(WebElement::getText)
                .contains("org.picogate.console", "org.picogate.http").doesNotContain(HELLO);

        // upload: installed, started, and its route answers
        browser.findElement(By.id("bundle-file")).sendKeys(helloJar.toAbsolutePath().toString());
        browser.findElement(By.id("upload")).click();
        assertThat(browser.waitFor(By.id("flash")).getText()).startsWith("installed and started " + HELLO);
        assertThat(browser.findElement(By.cssSelector("tr[data-bsn='" + HELLO + "'] td.state")).getText())
                .isEqualTo("ACTIVE");
        assertThat(awaitHttp("/hello", r -> r.statusCode() == 200).body()).isEqualTo("Hello, world");

        // the routes page names it with its bundle
        browser.findElement(By.linkText("Routes")).click();
        browser.waitForTitle("Routes · Picogate console");
        WebElement route = browser.waitFor(By.cssSelector("#routes tr[data-pattern='/hello']"));
        assertThat(route.findElement(By.className("bundle")).getText()).startsWith(HELLO);
        assertThat(route.findElement(By.className("state")).getText()).isEqualTo("SERVED");

        // its configuration, from Metatype: a new greeting applied at once
        browser.findElement(By.linkText("Configuration")).click();
        browser.waitForTitle("Configuration · Picogate console");
        browser.findElement(By.linkText(HELLO)).click();
        browser.waitForTitle("Hello route · Picogate console");
        WebElement greeting = browser.findElement(By.name("v.greeting"));
        assertThat(greeting.getAttribute("placeholder")).isEqualTo("Hello");
        greeting.sendKeys("Ahoy");
        browser.findElement(By.id("save")).click();
        assertThat(browser.waitFor(By.id("flash")).getText()).isEqualTo("saved " + HELLO + ": greeting");
        assertThat(browser.findElement(By.name("v.greeting")).getAttribute("value")).isEqualTo("Ahoy");
        assertThat(awaitHttp("/hello", r -> r.body().equals("Ahoy, world")).statusCode()).isEqualTo(200);

        // stop it from the bundles page: the route goes (after the server's swap grace)
        browser.findElement(By.linkText("Bundles")).click();
        browser.waitForTitle("Bundles · Picogate console");
        browser.findElement(By.cssSelector("tr[data-bsn='" + HELLO + "'] button.stop")).click();
        assertThat(browser.waitFor(By.id("flash")).getText()).startsWith("stopped " + HELLO);
        assertThat(browser.findElement(By.cssSelector("tr[data-bsn='" + HELLO + "'] td.state")).getText())
                .isEqualTo("RESOLVED");
        Files.write(Path.of("target", "console-browser.png"), browser.getScreenshotAs(OutputType.BYTES));
        awaitHttp("/hello", r -> r.statusCode() == 404);

        // log out: the console's pages lead to the login form again
        browser.findElement(By.id("logout")).click();
        browser.waitForTitle("Log in · Picogate console");
        browser.get(gateway.baseUrl() + "/console/tasks");
        browser.waitForTitle("Log in · Picogate console");
    }
}
