package org.camunda4j.engine.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.it.EngineHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the console's live updates (polling every 2 s) cost, measured rather than asserted: for each
 * page, the requests per second one open page sends and the engine's CPU while it is open (the
 * JVM's CPU time over the window, less the same window with no page open); and how long a change
 * made through the API takes to show on an open instance page. Not part of the suite (a measurement
 * has no pass or fail); run it with
 * {@code bin/camunda4j test -pl engine -am -Dtest=ConsolePollingMeasurement -Dconsole.measure=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. The figures and the decision are in docs/decisions.md.
 */
@EnabledIfSystemProperty(named = "console.measure", matches = "true")
class ConsolePollingMeasurement {

  private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("console.measure.seconds", 30));
  private static final int CHANGES = Integer.getInteger("console.measure.changes", 20);

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void measure() throws Exception {
    ChromeDriver browser = Chromium.start();
    try (Engine engine = Engine.start()) {
      EngineHttp http = new EngineHttp(engine.restAddress());
      String order = http.deployOk("console/order-fulfilment.bpmn").path("deployments").get(0)
          .path("processDefinition").path("processDefinitionKey").asText();
      http.deployOk("bpmn/start-end.bpmn", "dmn/dinner.dmn", "bpmn/business-rule-dish.bpmn");
      for (int i = 0; i < 200; i++) {
        http.createInstance("start-end");
      }
      for (int i = 0; i < 20; i++) {
        http.createInstance("business-rule-dish", Map.of("month", 1 + i % 12, "guestCount", i));
      }
      String waiting = http.createInstance("order-fulfilment", Map.of("orderId", "o-1"));
      http.awaitJobExists("check-inventory");
      String console = engine.consoleAddress().orElseThrow().toString();

      List<String> lines = new ArrayList<>();
      lines.add("| Page open | Requests/s | Bytes/s | Engine CPU (ms per s) |");
      lines.add("|---|---|---|---|");
      browser.get("about:blank");
      double idle = cpuMillisPerSecond(WINDOW);
      lines.add("| none (engine idle) | 0 | 0 | %.1f |".formatted(idle));
      for (String route : List.of("#/processes/" + order, "#/instances", "#/instances/" + waiting, "#/decisions")) {
        browser.get(console + route);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !"loading".equals(page(browser)) && page(browser) != null);
        browser.executeScript("performance.setResourceTimingBufferSize(100000); performance.clearResourceTimings();");
        double cpu = cpuMillisPerSecond(WINDOW);
        List<?> requests = (List<?>) browser.executeScript(
            "return performance.getEntriesByType('resource').filter(e => e.name.includes('/v2/')).map(e => e.transferSize);");
        long bytes = requests.stream().mapToLong(size -> ((Number) size).longValue()).sum();
        double seconds = WINDOW.toMillis() / 1000.0;
        lines.add("| %s | %.2f | %.0f | %.1f |".formatted(route.replaceAll("\\d{6,}", "{key}"), requests.size() / seconds, bytes / seconds, cpu));
      }

      // The waiting instance moves on, so that each change below completes the only check-inventory job.
      http.completeJob(http.activateOne("check-inventory").path("jobKey").asText(), Map.of("inStock", true));
      System.out.println(String.join("\n", lines));
      lines.add("");
      lines.add("Time until a completed job shows on an open instance page (" + CHANGES + " changes at random moments):");
      List<Long> delays = new ArrayList<>();
      for (int i = 0; i < CHANGES; i++) {
        delays.add(delayUntilShown(browser, http, console));
      }
      delays.sort(null);
      lines.add("min %d ms, median %d ms, mean %.0f ms, max %d ms".formatted(
          delays.getFirst(), delays.get(delays.size() / 2), delays.stream().mapToLong(Long::longValue).average().orElseThrow(), delays.getLast()));
      System.out.println("---- console polling measurement (" + WINDOW.toSeconds() + " s per page, "
          + Runtime.getRuntime().availableProcessors() + " cores)\n" + String.join("\n", lines));
    } finally {
      browser.quit();
    }
  }

  /**
   * Opens a new instance waiting at "Check inventory", waits a random part of the polling period,
   * completes the job through the API and returns the milliseconds until the page marks "Charge
   * payment" as waiting (seen by a MutationObserver in the page, on the same wall clock).
   */
  private static long delayUntilShown(ChromeDriver browser, EngineHttp http, String console) throws InterruptedException {
    String instance = http.createInstance("order-fulfilment", Map.of("orderId", "latency"));
    JsonNode job = http.activateOne("check-inventory");
    browser.get(console + "#/instances/" + instance);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(d -> "instance".equals(page(browser)));
    browser.executeScript("""
        window.shownAt = null;
        const shape = document.querySelector("g.djs-element[data-element-id='Task_ChargePayment']");
        new MutationObserver(() => {
          if (window.shownAt === null && shape.classList.contains('c4j-active')) window.shownAt = Date.now();
        }).observe(shape, { attributes: true, attributeFilter: ['class'] });
        """);
    Thread.sleep(ThreadLocalRandom.current().nextLong(2000));
    long changedAt = System.currentTimeMillis();
    http.completeJob(job.path("jobKey").asText(), Map.of("inStock", true));
    wait.until(d -> browser.executeScript("return window.shownAt") != null);
    long shownAt = ((Number) browser.executeScript("return window.shownAt")).longValue();
    http.post("/process-instances/" + instance + "/cancellation", Map.of());
    return shownAt - changedAt;
  }

  private static double cpuMillisPerSecond(Duration window) throws InterruptedException {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long before = System.nanoTime();
    Thread.sleep(window.toMillis());
    return (os.getProcessCpuTime() - cpuBefore) / 1e6 / ((System.nanoTime() - before) / 1e9);
  }

  private static String page(ChromeDriver browser) {
    return browser.findElement(By.tagName("body")).getDomAttribute("data-page");
  }
}
