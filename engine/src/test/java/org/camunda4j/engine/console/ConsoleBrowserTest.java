package org.camunda4j.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.EngineConfig;
import org.camunda4j.engine.EngineCredential;
import org.camunda4j.engine.it.EngineHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser (Debian's headless Chromium) against a real engine with real
 * instances: every page and every action, each confirmed in the page and checked over the API.
 *
 * <p>One browser for the class, a fresh engine per test. Screenshots of the main pages go to
 * {@code target/console-screenshots}, or to the folder named by {@code -Dconsole.screenshots}
 * (the README's pictures are taken with {@code -Dconsole.screenshots=../docs}).
 */
class ConsoleBrowserTest {

  private static final String ORDER = "console/order-fulfilment.bpmn";
  private static ChromeDriver browser;
  private static WebDriverWait wait;

  private Engine engine;
  private EngineHttp http;

  @BeforeAll
  @Timeout(value = 3, unit = TimeUnit.MINUTES) // Chromium starts in seconds, but far slower on a machine busy with the parallel suite
  static void startBrowser() {
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void startEngine() {
    engine = Engine.start();
    http = new EngineHttp(engine.restAddress());
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  // ------------------------------------------------------------------ pages

  @Test
  void processesListsDefinitionsWithVersionsAndCountsActiveInstancesAndIncidentsOnEachElement() {
    http.deployOk("bpmn/start-end.bpmn");
    http.deployOk("bpmn/start-end-renamed.bpmn");
    String order = definitionKey(http.deployOk(ORDER));
    for (int i = 0; i < 3; i++) {
      http.createInstance("order-fulfilment", Map.of("orderId", "o-" + i));
    }
    failWithoutRetries(http.activateOne("check-inventory"), "inventory service unreachable: connection refused");

    open("#/processes/" + order, "processes");

    waitForText(".count.active[data-element='Task_CheckInventory']", "3"); // the overlays show once the diagram is fitted
    waitForText(".count.incident[data-element='Task_CheckInventory']", "1");
    assertThat(text("#counts tr[data-element='Task_CheckInventory']")).isEqualTo("Check inventory 3 1");
    assertThat(browser.findElements(By.cssSelector("[data-process]"))).extracting(WebElement::getText)
        .containsExactlyInAnyOrder("Start and end, second version", "Order fulfilment");
    screenshot("console-processes.png");

    click(By.cssSelector("[data-process='start-end']"));
    waitUntil("the version picker of start-end", () -> new Select(browser.findElement(By.id("version"))).getOptions().size() == 2);
    assertThat(new Select(browser.findElement(By.id("version"))).getFirstSelectedOption().getText()).isEqualTo("2");
  }

  @Test
  void instancesAreFilteredByProcessStateIncidentStartDateAndVariableAndPaged() {
    http.deployOk(ORDER, "bpmn/start-end.bpmn");
    for (int i = 0; i < 22; i++) {
      http.createInstance("order-fulfilment", Map.of("orderId", "o-" + i, "amount", 10 * i));
    }
    String completed = http.createInstance("start-end");
    failWithoutRetries(http.activateOne("check-inventory"), "no stock service");

    open("#/instances", "instances");
    assertThat(text("#page-info")).isEqualTo("1–20 of 23");
    screenshot("console-instances.png");

    new Select(browser.findElement(By.name("process"))).selectByValue("order-fulfilment");
    click(By.cssSelector("#filters button"));
    waitForText("#page-info", "1–20 of 22");
    click(By.id("next"));
    waitForText("#page-info", "21–22 of 22");

    open("#/instances?state=COMPLETED", "instances");
    assertThat(rows()).containsExactly(completed);
    filterWith(Map.of("incident", "true"), Map.of("variable", "orderId", "equals", "\"o-0\""));
    waitUntil("the filter form's query in the address", () -> browser.getCurrentUrl().endsWith("#/instances?state=COMPLETED&incident=true&variable=orderId&equals=%22o-0%22"));
    waitForText("#results", "No instance matches."); // o-0 has not completed
    filterWith(Map.of("state", "", "incident", ""), Map.of("since", ""));
    waitForText("#page-info", "1–1 of 1");
    open("#/instances?incident=true", "instances");
    assertThat(rows()).hasSize(1);
    open("#/instances?since=" + LocalDate.now().plusDays(1), "instances");
    assertThat(text("#results")).contains("No instance matches.");
    open("#/instances?since=" + LocalDate.now().minusDays(1) + "&process=start-end", "instances");
    assertThat(rows()).containsExactly(completed);
    open("#/instances?variable=orderId&equals=o-7", "instances");
    assertThat(rows()).hasSize(1);
    open("#/instances?variable=amount&equals=70", "instances");
    assertThat(rows()).hasSize(1);
  }

  @Test
  void anInstanceShowsItsPathWaitingTokenIncidentJobsAndVariablesByScope() {
    http.deployOk(ORDER);
    String instance = http.createInstance("order-fulfilment", Map.of("orderId", "o-1"));
    http.completeJob(http.activateOne("check-inventory").path("jobKey").asText(), Map.of("inStock", true));
    failWithoutRetries(http.activateOne("charge-payment"), "card declined by the payment provider");

    open("#/instances/" + instance, "instance");

    assertThat(classOf("Task_CheckInventory")).contains("c4j-passed");
    assertThat(classOf("Task_ChargePayment")).contains("c4j-incident").contains("c4j-active");
    assertThat(classOf("Flow_ToChargePayment")).as("the flow taken between them").contains("c4j-taken");
    assertThat(classOf("Flow_ToCancelOrder")).doesNotContain("c4j-taken");
    assertThat(text("#incidents")).contains("Charge payment", "JOB_NO_RETRIES", "card declined by the payment provider");
    assertThat(text("#jobs")).contains("check-inventory", "COMPLETED", "charge-payment", "FAILED", "scenario-test");
    WebElement root = browser.findElement(By.cssSelector("[data-scope='" + instance + "']"));
    assertThat(root.getText()).contains("Process instance", "orderId", "\"o-1\"", "inStock", "true");
    screenshot("console-instance.png");
  }

  @Test
  void calledAndCallingInstancesLinkToEachOther() {
    http.deployOk("bpmn/call-activity-parent.bpmn", "bpmn/call-activity-child.bpmn");
    String parent = http.createInstance("call-activity-parent");
    http.awaitJobExists("child-work");
    String child = http.search("process-instances", Map.of("filter", Map.of("parentProcessInstanceKey", parent)))
        .getFirst().path("processInstanceKey").asText();

    open("#/instances/" + parent, "instance");
    click(By.cssSelector("[data-child='" + child + "'] a"));
    waitUntil("the child's page", () -> browser.getCurrentUrl().endsWith("#/instances/" + child) && "instance".equals(page()));

    assertThat(browser.findElement(By.id("parent")).getText()).isEqualTo(parent);
    assertThat(classOf("Task_ChildWork")).contains("c4j-active");
  }

  @Test
  void decisionsShowTheirTableAndEachEvaluationOfABusinessRuleTaskWithItsMatchedRules() {
    http.deployOk("dmn/dinner.dmn", "bpmn/business-rule-dish.bpmn");
    String winter = http.createInstance("business-rule-dish", Map.of("month", 1, "guestCount", 4));
    String summer = http.createInstance("business-rule-dish", Map.of("month", 7, "guestCount", 12));
    http.post("/decision-definitions/evaluation", Map.of("decisionDefinitionId", "dish", "variables", Map.of("month", 4, "guestCount", 2)));
    String winterDish = dishEvaluatedBy(winter);
    String summerDish = dishEvaluatedBy(summer);

    open("#/processes", "processes");
    waitUntil("the Decisions link, shown since the engine serves decisions", () -> browser.findElement(By.cssSelector("[data-nav='decisions']")).isDisplayed());
    click(By.cssSelector("[data-nav='decisions']"));
    waitUntil("the decisions page", () -> "decisions".equals(page()));
    assertThat(browser.findElements(By.cssSelector("[data-decision]"))).extracting(WebElement::getText).containsExactly("Dish", "Season");

    click(By.cssSelector("[data-decision='dish']"));
    waitForText("#decision-table", "Light salad");
    assertThat(browser.findElements(By.cssSelector("#decision-table tr[data-rule]")))
        .extracting(r -> r.getDomAttribute("data-rule"))
        .containsExactly("Rule_WinterFew", "Rule_WinterMany", "Rule_Summer", "Rule_SpringFall");
    assertThat(text("#decision-table tr[data-rule='Rule_WinterFew']")).isEqualTo("1 \"Winter\" <= 8 \"Roastbeef\"");
    assertThat(text("#decision-table thead")).isEqualTo("UNIQUE Season How many guests Dish");
    assertThat(browser.findElements(By.cssSelector("#decision-table tr.matched"))).isEmpty();
    waitForText("#decision-instances", "over REST");
    assertThat(text("[data-decision-instance='" + winterDish + "']")).contains("\"Roastbeef\"", "EVALUATED", winter);
    assertThat(text("[data-decision-instance='" + summerDish + "']")).contains("\"Light salad\"", summer);

    click(By.cssSelector("[data-decision-instance='" + winterDish + "'] a.show-rules"));
    waitUntil("Rule_WinterFew highlighted", () -> matchedRules().equals(List.of("Rule_WinterFew")));
    assertThat(text("#evaluated-inputs")).contains("\"Winter\"", "4");
    screenshot("console-decisions.png");

    click(By.cssSelector("[data-decision-instance='" + summerDish + "'] a.show-rules"));
    waitUntil("Rule_Summer highlighted", () -> matchedRules().equals(List.of("Rule_Summer")));

    click(By.cssSelector("[data-decision-instance='" + summerDish + "'] a[href='#/instances/" + summer + "']"));
    waitUntil("the calling instance's page", () -> browser.getCurrentUrl().endsWith("#/instances/" + summer) && "instance".equals(page()));
    assertThat(classOf("Task_Decide")).contains("c4j-passed");
  }

  @Test
  void anInstanceListsTheDecisionsItEvaluatedWithTheirMatchedRulesAndLinksToTheDecisionsPage() {
    http.deployOk("dmn/dinner.dmn", "bpmn/business-rule-dish.bpmn");
    String instance = http.createInstance("business-rule-dish", Map.of("month", 1, "guestCount", 4));
    String dish = dishEvaluatedBy(instance);
    String season = http.search("decision-instances", Map.of("filter", Map.of("processInstanceKey", instance, "decisionDefinitionId", "season")))
        .getFirst().path("decisionEvaluationInstanceKey").asText();

    open("#/instances/" + instance, "instance");

    waitUntil("the decisions evaluated", () -> browser.findElement(By.id("decisions-panel")).isDisplayed());
    assertThat(browser.findElements(By.cssSelector("#decisions tr[data-decision-instance]"))).extracting(r -> r.getDomAttribute("data-decision-instance"))
        .containsExactlyInAnyOrder(season, dish);
    assertThat(text("[data-decision-instance='" + season + "']")).contains("Season v1", "Decide", "#1 Rule_Winter", "season = \"Winter\"", "EVALUATED");
    assertThat(text("[data-decision-instance='" + dish + "']")).contains("Dish v1", "Decide", "#1 Rule_WinterFew", "dish = \"Roastbeef\"", "EVALUATED");
    assertThat(browser.findElements(By.cssSelector("[data-decision-instance='" + dish + "'] [data-rule]")))
        .extracting(r -> r.getDomAttribute("data-rule")).containsExactly("Rule_WinterFew");
    browser.executeScript("document.getElementById('decisions-panel').scrollIntoView()");
    screenshot("console-instance-decisions.png");
    browser.executeScript("window.scrollTo(0, 0)");

    click(By.cssSelector("[data-decision-instance='" + dish + "'] a.show-rules"));
    waitUntil("the decisions page with Rule_WinterFew highlighted", () -> "decisions".equals(page()) && matchedRules().equals(List.of("Rule_WinterFew")));
    assertThat(text("[data-decision-instance='" + dish + "']")).contains(instance);
  }

  @Test
  void anInstanceThatEvaluatedNoDecisionSaysSo() {
    http.deployOk(ORDER);
    String instance = http.createInstance("order-fulfilment", Map.of("orderId", "o-1"));

    open("#/instances/" + instance, "instance");

    waitForText("#decisions-panel", "No decision evaluated yet.");
  }

  // ------------------------------------------------------------------ actions

  @Test
  void anIncidentIsResolvedFromThePageAndThePageFollowsTheInstanceLive() {
    http.deployOk(ORDER);
    String instance = http.createInstance("order-fulfilment", Map.of("orderId", "o-1"));
    JsonNode job = http.activateOne("check-inventory");
    failWithoutRetries(job, "inventory service unreachable");
    open("#/instances/" + instance, "instance");

    click(By.cssSelector("#incidents button.resolve"));
    confirm(Map.of("retries", "2"));

    waitForText("#result .outcome", "resolved");
    waitForText("#incidents", "No open incident.");
    assertThat(http.getInstance(instance).path("hasIncident").asBoolean()).isFalse();
    assertThat(text("[data-job='" + job.path("jobKey").asText() + "'] td.num")).isEqualTo("2");

    // A worker takes the job again; the open page shows the token moving on without a reload.
    http.completeJob(http.activateOne("check-inventory").path("jobKey").asText(), Map.of());
    waitUntil("the token at Charge payment", () -> classOf("Task_ChargePayment").contains("c4j-active"));
    assertThat(classOf("Task_CheckInventory")).contains("c4j-passed");
    System.out.println("console live refresh of an instance page took " + body().getDomAttribute("data-refresh-millis") + " ms");
  }

  @Test
  void jobRetriesVariablesAndCancellationAreChangedFromThePage() {
    http.deployOk(ORDER);
    String instance = http.createInstance("order-fulfilment", Map.of("orderId", "o-1"));
    http.awaitJobExists("check-inventory");
    open("#/instances/" + instance, "instance");

    click(By.cssSelector("#jobs button.retries"));
    confirm(Map.of("retries", "5"));
    waitForText("#result .outcome", "now has 5 retries");
    assertThat(http.search("jobs", Map.of("filter", Map.of("processInstanceKey", instance))).getFirst().path("retries").asInt()).isEqualTo(5);

    click(By.id("set-variable"));
    confirm(Map.of("name", "priority", "value", "\"high\""));
    waitForText("#result .outcome", "variable 'priority' set");
    waitForText("[data-variable='priority']", "\"high\"");

    click(By.id("cancel-instance"));
    confirm(Map.of());
    waitForText("#result .outcome", "cancelled");
    assertThat(http.getInstance(instance).path("state").asText()).isEqualTo("TERMINATED");
    waitForText("#instance-header", "TERMINATED");
  }

  @Test
  void aUserTaskIsAssignedUnassignedAndCompletedFromThePage() {
    http.deployOk("bpmn/user-task-basic.bpmn");
    String instance = http.createInstance("user-task-basic");
    Eventually(() -> !http.search("user-tasks", Map.of("filter", Map.of("processInstanceKey", instance))).isEmpty());
    open("#/instances/" + instance, "instance");

    click(By.cssSelector("#user-tasks button.assign"));
    confirm(Map.of("assignee", "ana"));
    waitForText("#result .outcome", "assigned to ana");
    waitForText("#user-tasks", "ana");

    click(By.cssSelector("#user-tasks button.unassign"));
    confirm(Map.of());
    waitForText("#result .outcome", "unassigned");
    assertThat(task(instance).path("assignee").isNull()).isTrue();

    click(By.cssSelector("#user-tasks button.complete"));
    confirm(Map.of("variables", "{\"approved\": true}"));
    waitForText("#result .outcome", "task completed");
    assertThat(task(instance).path("state").asText()).isEqualTo("COMPLETED");
    waitForText("#jobs", "after-review");
    waitForText("[data-variable='approved']", "true");
  }

  @Test
  void aMessageIsPublishedFromThePage() {
    http.deployOk("bpmn/message-intermediate-catch.bpmn");
    String instance = http.createInstance("message-intermediate-catch", Map.of("orderId", "o-42"));
    open("#/instances/" + instance, "instance");

    click(By.id("publish-message"));
    confirm(Map.of("name", "payment-received", "correlationKey", "o-42", "variables", "{\"paid\": true}"));

    waitForText("#result .outcome", "message 'payment-received' published");
    http.awaitJobExists("ship-order");
    waitUntil("the token at Ship order", () -> classOf("Task_Ship").contains("c4j-active"));
    waitForText("[data-variable='paid']", "true");
  }

  @Test
  void anActionTheEngineRefusesShowsItsProblemDetail() {
    http.deployOk(ORDER);
    String instance = http.createInstance("order-fulfilment", Map.of("orderId", "o-1"));
    open("#/instances/" + instance, "instance");

    click(By.id("cancel-instance"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
    http.postWithoutBody("/process-instances/" + instance + "/cancellation"); // someone else was quicker
    click(By.id("confirm-ok"));

    String problem = result();
    assertThat(browser.findElement(By.id("result")).getDomAttribute("class")).isEqualTo("error");
    assertThat(problem).startsWith("The engine refused: 404 NOT_FOUND").contains(instance);
  }

  // ------------------------------------------------------------------ authentication

  @Test
  void behindBearerAuthenticationTheConsoleSignsInWithAClientOfTheEngineAndSendsItsTokenOnEveryCall() throws Exception {
    EngineConfig config = EngineConfig.builder()
        .auth(new EngineAuth.Oidc(null, null, EngineAuth.Oidc.BUILT_IN_AUDIENCE, List.of(EngineCredential.of("console", "console-secret")),
            Duration.ofMinutes(5)))
        .build();
    try (Engine guarded = Engine.start(config)) {
      String token = tokenFor(guarded, "console", "console-secret");
      EngineHttp api = new EngineHttp(guarded.restAddress(), "Bearer " + token);
      api.deployOk(ORDER);
      String instance = api.createInstance("order-fulfilment", Map.of("orderId", "o-1"));

      open(guarded, "#/instances", "signin");
      signInWith("console", "a wrong secret");
      waitForText("#signin-error", "The engine refused: 401");
      assertThat(text("#signin-error")).contains("Unknown client id or wrong client secret.");
      signInWith("console", "console-secret");
      waitUntil("the instances page after signing in", () -> "instances".equals(page()));
      assertThat(rows()).containsExactly(instance);
      assertThat(browser.executeScript("return sessionStorage.getItem('camunda4j.console.token')")).as("the token, kept in the tab").isNotNull();

      open(guarded, "#/instances/" + instance, "instance"); // an action's POST carries the token too
      click(By.id("set-variable"));
      confirm(Map.of("name", "priority", "value", "\"high\""));
      waitForText("#result .outcome", "variable 'priority' set");
      assertThat(api.variablesOfScope(instance)).containsKey("priority");

      click(By.id("sign-out"));
      waitUntil("the sign-in after signing out", () -> "signin".equals(page()));
      assertThat(browser.executeScript("return sessionStorage.getItem('camunda4j.console.token')")).isNull();
      WebElement pasted = browser.findElement(By.cssSelector("#signin-token textarea"));
      pasted.sendKeys(token);
      browser.findElement(By.cssSelector("#signin-token button")).click();
      waitUntil("the instance page with a pasted token", () -> "instance".equals(page()));

      browser.executeScript("sessionStorage.setItem('camunda4j.console.token', 'expired-or-forged')");
      open(guarded, "#/processes", "signin");
      assertThat(text(".signin")).contains("This engine asks for a bearer token.");
    }
  }

  @Test
  void behindBasicAuthenticationTheConsoleUsesTheCredentialsTheBrowserSends() {
    EngineConfig config = EngineConfig.builder().auth(EngineAuth.basic(List.of(EngineCredential.of("demo", "demo")))).build();
    String basic = "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
    try (Engine guarded = Engine.start(config)) {
      EngineHttp api = new EngineHttp(guarded.restAddress(), basic);
      api.deployOk(ORDER);
      String instance = api.createInstance("order-fulfilment", Map.of("orderId", "o-1"));
      // A browser answers the engine's Basic challenge with its own prompt and then sends the
      // credentials with every request of the page, fetches included; headless Chromium has no
      // prompt, so DevTools adds them to every request instead.
      browser.executeCdpCommand("Network.enable", Map.of());
      browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", basic)));
      try {
        open(guarded, "#/instances", "instances");
        assertThat(rows()).containsExactly(instance);
        assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).as("no sign-in of its own under Basic").isFalse();
      } finally {
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  /** Clicks what the selector finds; the page re-renders its tables every 2 s, so a stale find is retried. */
  private void click(By selector) {
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      driver.findElement(selector).click();
      return true;
    });
  }

  private void open(String route, String page) {
    open(engine, route, page);
  }

  private void open(Engine target, String route, String page) {
    browser.get(target.consoleAddress().orElseThrow() + route);
    waitUntil("page " + page + " at " + route, () -> page.equals(page()));
  }

  private void signInWith(String clientId, String clientSecret) {
    WebElement form = browser.findElement(By.id("signin-client"));
    for (var field : Map.of("clientId", clientId, "clientSecret", clientSecret).entrySet()) {
      WebElement input = form.findElement(By.name(field.getKey()));
      input.clear();
      input.sendKeys(field.getValue());
    }
    form.findElement(By.tagName("button")).click();
  }

  /** A token of the engine's built-in endpoint, as a worker would get it. */
  private static String tokenFor(Engine target, String clientId, String clientSecret) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(target.restAddress().resolve("/oauth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(
                "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + clientSecret))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).path("access_token").asText();
  }

  private String page() {
    return body().getDomAttribute("data-page");
  }

  private WebElement body() {
    return browser.findElement(By.tagName("body"));
  }

  private String text(String css) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css))).getText();
  }

  private void waitForText(String css, String text) {
    waitUntil("'" + text + "' in " + css, () -> {
      List<WebElement> found = browser.findElements(By.cssSelector(css));
      return !found.isEmpty() && found.getFirst().getText().contains(text);
    });
  }

  private List<String> rows() {
    return browser.findElements(By.cssSelector("#results tr[data-instance]")).stream().map(r -> r.getDomAttribute("data-instance")).toList();
  }

  /** The class attribute of a diagram element's shape. */
  private String classOf(String elementId) {
    return browser.findElement(By.cssSelector("g.djs-element[data-element-id='" + elementId + "']")).getDomAttribute("class");
  }

  /** Picks options and types into fields of the instances page's filter form, then submits it. */
  private void filterWith(Map<String, String> selects, Map<String, String> inputs) {
    WebElement form = browser.findElement(By.id("filters"));
    selects.forEach((name, value) -> new Select(form.findElement(By.name(name))).selectByValue(value));
    inputs.forEach((name, value) -> {
      WebElement input = form.findElement(By.name(name));
      input.clear();
      if (!value.isEmpty()) {
        input.sendKeys(value);
      }
    });
    form.findElement(By.tagName("button")).click();
  }

  /** Fills the confirmation dialog's fields by name and confirms. */
  private void confirm(Map<String, String> fields) {
    WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
    fields.forEach((name, value) -> {
      WebElement input = dialog.findElement(By.name(name));
      input.clear();
      input.sendKeys(value);
    });
    dialog.findElement(By.id("confirm-ok")).click();
  }

  /** The outcome banner of the last action. */
  private String result() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result .outcome"))).getText();
  }

  private JsonNode task(String instance) {
    return http.search("user-tasks", Map.of("filter", Map.of("processInstanceKey", instance))).getFirst();
  }

  /** The decision instance of "dish" that the business rule task of this process instance evaluated. */
  private String dishEvaluatedBy(String processInstance) {
    Eventually(() -> http.search("decision-instances", Map.of("filter", Map.of("processInstanceKey", processInstance))).size() == 2);
    return http.search("decision-instances", Map.of("filter", Map.of("processInstanceKey", processInstance, "decisionDefinitionId", "dish")))
        .getFirst().path("decisionEvaluationInstanceKey").asText();
  }

  private List<String> matchedRules() {
    return browser.findElements(By.cssSelector("#decision-table tr.matched")).stream().map(r -> r.getDomAttribute("data-rule")).toList();
  }

  private void failWithoutRetries(JsonNode job, String message) {
    http.post("/jobs/" + job.path("jobKey").asText() + "/failure", Map.of("retries", 0, "errorMessage", message));
  }

  private static String definitionKey(JsonNode deployment) {
    return deployment.path("deployments").get(0).path("processDefinition").path("processDefinitionKey").asText();
  }

  private void waitUntil(String what, java.util.function.BooleanSupplier condition) {
    wait.withMessage(() -> "waiting for " + what).until(driver -> condition.getAsBoolean());
  }

  private static void Eventually(java.util.function.BooleanSupplier condition) {
    wait.until(driver -> condition.getAsBoolean());
  }

  private static void screenshot(String name) {
    Path folder = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));
    try {
      Files.createDirectories(folder);
      Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
