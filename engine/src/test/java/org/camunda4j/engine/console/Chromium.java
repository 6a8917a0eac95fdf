package org.camunda4j.engine.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through its ChromeDriver. Never downloads a browser or a
 * driver: a missing one fails the test with how to install it ({@code bin/camunda4j test} does).
 */
final class Chromium {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  static ChromeDriver start() {
    for (Path binary : new Path[] {BROWSER, DRIVER}) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(
            binary + " is missing: the console's browser tests need Debian's chromium and chromium-driver."
                + " bin/camunda4j test installs them; or run: apt-get install -y chromium chromium-driver");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    // The machine's network is closed: no first-run, sync, update or background connections.
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + freshProfile());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
      return driver;
    } catch (RuntimeException e) {
      service.stop(); // else the driver and its browser outlive the failed test run
      throw e;
    }
  }

  private static String freshProfile() {
    try {
      Path profile = Files.createTempDirectory("camunda4j-chromium-");
      profile.toFile().deleteOnExit();
      return profile.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
