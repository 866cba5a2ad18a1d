package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import pulse.server.demo.DemoCounty;

/**
 * The screen and the report form in a real browser, against a server on the embedded broker. The
 * server and the browser are shared; each test starts from a browser with no login, no stored
 * language and empty logs, and writes to projects and accounts of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedServer.class)
class ScreenBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private PulseServer server;
    private ChromeDriver browser;
    private String base;

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path profile) {
        Assumptions.assumeTrue(Browser.available(),
                "Browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed "
                        + "(apt-get install chromium chromium-driver; .ci/run does this)");
        server = new PulseServer(dataDir, Map.of("pulse.demo", true)).start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(server.get("/api/totals").json().get("projects").asInt()).isEqualTo(DemoCounty.projects().size()));
        base = server.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class).getURI().toString();
        browser = Browser.start(profile);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshBrowser() {
        browser.get(base + "/health");   // storage belongs to an origin: clear ours from its lightest page
        browser.manage().deleteAllCookies();
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
        Browser.consoleErrors(browser);   // read, and so emptied: a test sees what its own pages logged
        Browser.requestedUrls(browser);
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("data-value");
    }

    @Test
    void shouldShowTheCountysTotalsWithNoConsoleErrorsAndNoRequestLeavingTheMachine() throws Exception {
        browser.get(base);
        await().atMost(Duration.ofSeconds(20)).until(() -> value("kpi-projects") != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#ranking tbody tr")).isEmpty());

        JsonNode county = server.get("/api/totals").json();
        for (String field : List.of("projects", "totalInvestment", "annualPlan", "completedThisYear", "started",
                "startedRate", "completed", "completedRate", "completionRate", "targetRate", "deviationPoints")) {
            assertThat(new BigDecimal(value("kpi-" + field))).as(field).isEqualByComparingTo(county.get(field).decimalValue());
        }
        assertThat(Long.parseLong(value("kpi-red"))).isEqualTo(county.get("lights").get("red").asLong());
        assertThat(browser.findElement(By.id("status")).getAttribute("class")).contains("live");
        assertThat(browser.findElements(By.cssSelector("#warnings li"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#ranking .grade"))).isNotEmpty();

        assertThat(Browser.consoleErrors(browser)).isEmpty();
        List<String> urls = Browser.requestedUrls(browser);
        assertThat(urls).isNotEmpty();
        // Chromium's own chrome:// pages do not touch the network; every network request stays on this machine
        assertThat(urls.stream().filter(url -> url.matches("(?i)(https?|wss?|ftp)://.*")))
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).matches("http://localhost:\\d+/.*"));
        Browser.screenshot(browser, SCREENSHOTS.resolve("screen.png"));
    }

    @Test
    void shouldShowAReportMadeOverTheApiWithinASecond() {
        browser.get(base);
        await().atMost(Duration.ofSeconds(20)).until(() -> value("kpi-completedThisYear") != null);
        BigDecimal before = new BigDecimal(value("kpi-completedThisYear"));

        // 大同魏来国际康养城 has reported nothing: this report adds exactly its amount
        BigDecimal expected = before.add(new BigDecimal("123.45"));
        // The page notes the wall-clock time of the first frame painted after the figure changed
        // (this machine's clock, as the test's): polling it over WebDriver would add its own delay.
        ((JavascriptExecutor) browser).executeScript("""
                window.shownAt = null;
                const figure = document.getElementById('kpi-completedThisYear');
                new MutationObserver(() => {
                  if (window.shownAt === null && Number(figure.dataset.value) === Number(arguments[0])) {
                    requestAnimationFrame(() => { window.shownAt = Date.now(); });
                  }
                }).observe(figure, { attributes: true });""", expected.toPlainString());
        PulseServer.Answer answer = server.put("/api/projects/TZ-2022-023/investments/2022-06", "{\"amount\":123.45}");
        long acknowledged = System.currentTimeMillis();
        assertThat(answer.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> new BigDecimal(value("kpi-completedThisYear")).compareTo(expected) == 0);
        await().atMost(Duration.ofSeconds(2)).until(() -> ((JavascriptExecutor) browser).executeScript("return window.shownAt") != null);
        long shownAt = ((Number) ((JavascriptExecutor) browser).executeScript("return window.shownAt")).longValue();
        System.out.printf("Screen latency: report acknowledged -> county total painted on the screen in %d ms%n",
                shownAt - acknowledged);
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("ticker")).getText().contains("123.45"));
        assertThat(browser.findElement(By.id("ticker")).getText()).contains("大同魏来国际康养城").contains("2022-06");
    }

    @Test
    void shouldFilterByUnitSwitchToEnglishAndOpenAProjectCard() {
        browser.get(base);
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.cssSelector("#ranking tbody tr")).isEmpty());
        WebElement first = browser.findElement(By.cssSelector("#ranking tbody tr"));
        String unit = first.getAttribute("data-unit");
        first.click();
        JsonNode unitTotals = null;
        for (JsonNode totals : server.get("/api/totals/unit").json()) {
            if (totals.get("key").asText().equals(unit)) {
                unitTotals = totals;
            }
        }
        JsonNode expected = unitTotals;
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(new BigDecimal(value("kpi-annualPlan")))
                .isEqualByComparingTo(expected.get("annualPlan").decimalValue()));
        assertThat(browser.findElement(By.id("filter")).getText()).contains(unit);

        browser.findElement(By.id("lang")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Key Projects: Live Investment Monitor");
        browser.findElement(By.id("lang")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("重点项目投资实时监测");

        browser.findElement(By.id("filter")).click();   // back to the county
        WebElement warning = browser.findElement(By.cssSelector("#warnings li"));
        String name = warning.findElement(By.className("name")).getText();
        warning.click();
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("card")).isDisplayed());
        assertThat(browser.findElement(By.id("card-body")).getText()).contains(name);
    }

    @Test
    void shouldReportAMonthThenWarnOfACorrectionAndShowAFieldError() throws Exception {
        server.account("renshe", "unit", "县人社局");
        browser.get(base + "/report");
        // The form logs in first; a unit account then sees only its own unit
        logIn("renshe", "renshe-password");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("unit")).getAttribute("disabled") != null);
        assertThat(browser.findElements(By.cssSelector("#unit option"))).extracting(WebElement::getText).containsExactly("县人社局");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !browser.findElements(By.cssSelector("#unit option")).isEmpty()
                        && !browser.findElements(By.cssSelector("#project option")).isEmpty());
        choose("unit", "县人社局");
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("project")).getText().contains("TZ-2022-051"));
        choose("project", "TZ-2022-051");
        setValue("period", "2022-06");

        // A month that was not reported: a plain report
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("previous")).getText().contains("尚未报送"));
        browser.findElement(By.id("amount")).sendKeys("88.80");
        browser.findElement(By.cssSelector("#investment button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.cssSelector("#investment .result")).getText().contains("Kafka"));
        assertThat(server.get("/api/projects/TZ-2022-051").json().get("months").get("2022-06").decimalValue())
                .isEqualByComparingTo("88.80");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.get("/api/projects/TZ-2022-051/history")
                .json().findValuesAsText("sentBy")).contains("renshe"));

        // The same month again: the form says it is a correction
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("previous")).getText().contains("更正"));
        assertThat(browser.findElement(By.id("previous")).getText()).contains("88.80");

        // A bad amount: the API's error, next to the field
        browser.findElement(By.id("amount")).clear();
        browser.findElement(By.id("amount")).sendKeys("12.345");
        browser.findElement(By.id("reason")).sendKeys("更正测试");
        browser.findElement(By.cssSelector("#investment button[type=submit]")).click();
        By amountError = By.cssSelector("#investment [data-error-for=amount]");
        await().atMost(Duration.ofSeconds(5)).until(() -> !browser.findElement(amountError).getText().isEmpty());
        assertThat(browser.findElement(amountError).getText()).contains("12.345").contains("最多两位小数");
        assertThat(browser.findElement(By.id("amount")).getAttribute("class")).contains("invalid");
        Browser.screenshot(browser, SCREENSHOTS.resolve("report-form.png"));

        // Four times the month's plan: the form asks to confirm it, and takes it once confirmed
        JsonNode project = server.get("/api/projects/TZ-2022-051").json();
        BigDecimal june = project.get("monthlyPlan").isArray() ? project.get("monthlyPlan").get(5).decimalValue()
                : project.get("annualPlan").decimalValue().divide(BigDecimal.valueOf(12), 2, java.math.RoundingMode.HALF_UP);
        String high = june.multiply(BigDecimal.valueOf(4)).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        browser.findElement(By.id("amount")).clear();
        browser.findElement(By.id("amount")).sendKeys(high);
        browser.findElement(By.cssSelector("#investment button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("confirm-row")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector("[data-error-for=confirm]")).getText()).contains(high);
        browser.findElement(By.id("confirm-figure")).click();
        browser.findElement(By.cssSelector("#investment button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.get("/api/outliers?year=2022").json())
                .anySatisfy(outlier -> {
                    assertThat(outlier.get("projectId").asText()).isEqualTo("TZ-2022-051");
                    assertThat(outlier.get("amount").decimalValue()).isEqualByComparingTo(high);
                    assertThat(outlier.get("reason").asText()).isEqualTo("更正测试");
                }));
        assertThat(Browser.consoleErrors(browser)).allSatisfy(error -> assertThat(error).contains("400"));
    }

    @Test
    void shouldCountARecordSetAsideInTheOperatorView() throws Exception {
        browser.get(base + "/");
        await().atMost(Duration.ofSeconds(10)).until(() -> "live".equals(browser.findElement(By.id("status")).getAttribute("data-i18n")));
        String before = browser.findElement(By.id("dead-letters")).getText();

        Map<String, Object> config = server.context().getBean(pulse.server.kafka.KafkaCluster.class).clientConfig();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(config,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("pulse.events", "TZ-2022-001",
                    "{\"type\":\"InvestmentReported\",\"projectId\":\"TZ-2022-001\",\"period\":\"2022-13\",\"amount\":1}")).get();
        }

        await().atMost(Duration.ofSeconds(10)).until(() ->
                browser.findElement(By.id("dead-letters")).getText().equals(Integer.toString(Integer.parseInt(before) + 1)));
        browser.findElement(By.id("operator-toggle")).click();
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("operator-letters")).getText().contains("2022-13"));
        assertThat(browser.findElement(By.id("operator-letters")).getText()).contains("TZ-2022-001", "period");
        Browser.screenshot(browser, SCREENSHOTS.resolve("operator-view.png"));
    }

    /** On the module's shared server, whose reads are not open to anonymous viewers (the demo's are). */
    @Test
    void shouldAskForALoginOnTheScreenWhenReadsAreNotOpenAndThenShowTheTotals(PulseServer closed) throws Exception {
        closed.as(null).get("/api/totals").refused(401, "GET /api/totals");
        assertThat(closed.post("/api/projects", """
                {"projectId":"SB-1","name":"屏幕登录测试项目","area":"URBAN","township":"屏幕测试镇","unitId":"县住建局",
                 "level":"COUNTY","totalInvestment":500.00,"year":2022,"annualPlan":300.00}""").status()).isEqualTo(201);
        assertThat(closed.put("/api/projects/SB-1/investments/2022-04", "{\"amount\":20.00}").status()).isEqualTo(200);
        closed.account("screen-dashboard", "viewer", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(closed.get("/api/totals/township/屏幕测试镇")
                .json().get("completedThisYear").decimalValue()).isEqualByComparingTo("20.00"));
        browser.manage().deleteAllCookies();
        browser.get(closed.base() + "/");
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();

        logIn("screen-dashboard", "screen-dashboard-password");

        await().atMost(Duration.ofSeconds(10)).until(() -> "live".equals(browser.findElement(By.id("status")).getAttribute("data-i18n")));
        BigDecimal expected = closed.get("/api/totals").json().get("completedThisYear").decimalValue();
        await().atMost(Duration.ofSeconds(10)).until(() -> value("kpi-completedThisYear") != null
                && new BigDecimal(value("kpi-completedThisYear")).compareTo(expected) == 0);
        assertThat(browser.findElement(By.cssSelector("#user .name")).getText()).isEqualTo("screen-dashboard");
    }

    @Test
    void shouldShowAClosedPeriodFrozenComeBackToLiveAndPrintItsBulletin() throws Exception {
        // The demo, as of 2022-06-30, has January to April closed
        JsonNode april = server.get("/api/periods/2022-04").json();
        browser.get(base + "/");
        await().atMost(Duration.ofSeconds(20)).until(() -> "live".equals(browser.findElement(By.id("status")).getAttribute("data-i18n")));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.cssSelector("#view option"))
                .stream().anyMatch(option -> "period:2022-04".equals(option.getAttribute("value"))));

        choose("view", "period:2022-04");

        await().atMost(Duration.ofSeconds(10)).until(() -> "frozen".equals(browser.findElement(By.id("status")).getAttribute("data-i18n")));
        await().atMost(Duration.ofSeconds(10)).until(() -> new BigDecimal(value("kpi-completedThisYear"))
                .compareTo(april.get("county").get("completedThisYear").decimalValue()) == 0);
        assertThat(browser.findElement(By.id("frozen")).getText()).contains("2022-04", "2022-04-30");
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr"))).hasSize(april.get("ranking").size());
        Browser.screenshot(browser, SCREENSHOTS.resolve("screen-closed-period.png"));

        choose("view", "live");
        await().atMost(Duration.ofSeconds(10)).until(() -> "live".equals(browser.findElement(By.id("status")).getAttribute("data-i18n")));
        BigDecimal live = server.get("/api/totals").json().get("completedThisYear").decimalValue();
        await().atMost(Duration.ofSeconds(10)).until(() -> new BigDecimal(value("kpi-completedThisYear")).compareTo(live) == 0);
        assertThat(browser.findElement(By.id("frozen")).isDisplayed()).isFalse();

        // The printable bulletin of the closed period: its title, every unit ranked
        browser.get(base + "/bulletin/2022-04");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("article.bulletin h1")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("article.bulletin h1")).getText()).isEqualTo(april.get("title").asText());
        assertThat(browser.findElements(By.cssSelector("article.bulletin table"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("article.bulletin table:first-of-type tbody tr")))
                .hasSize(april.get("ranking").size());
        assertThat(Browser.consoleErrors(browser)).isEmpty();
        Browser.screenshot(browser, SCREENSHOTS.resolve("bulletin.png"));
    }

    @Test
    void shouldPreviewAnUploadedSpreadsheetRowByRowThenImportIt(@TempDir Path files) throws Exception {
        server.account("upload-renshe", "unit", "县人社局");
        browser.get(base + "/report");
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        logIn("upload-renshe", "upload-renshe-password");
        browser.findElement(By.cssSelector(".tab[data-tab=upload]")).click();
        // A unit sees the reports template only: projects and plans are the office's
        assertThat(browser.findElement(By.id("template-reports")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("template-projects")).isDisplayed()).isFalse();

        // A file with a mistake: the preview lists it with its row and column, and offers no import
        Path bad = files.resolve("月报-错误.xlsx");
        java.nio.file.Files.write(bad, ImportTest.workbook("月报", pulse.documents.intake.ImportKind.REPORTS.headers(),
                new String[][] {{"TZ-2022-051", null, "2022-04", "八十", "补报", null, null, null}}));
        browser.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#preview ul.errors li")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#preview ul.errors li")).getText()).contains("第2行", "本月完成投资");
        assertThat(browser.findElement(By.id("confirm")).isDisplayed()).isFalse();

        // A good file: one row, new or changed, then imported and counted
        Path good = files.resolve("月报.xlsx");
        java.nio.file.Files.write(good, ImportTest.workbook("月报", pulse.documents.intake.ImportKind.REPORTS.headers(),
                new String[][] {{"TZ-2022-051", null, "2022-04", "1.25", "补报", null, null, null}}));
        browser.findElement(By.id("file")).sendKeys(good.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("confirm")).isDisplayed());
        assertThat(browser.findElements(By.cssSelector("#preview tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#preview tbody td.change")).getText()).isIn("新增", "更改");
        Browser.screenshot(browser, SCREENSHOTS.resolve("report-upload-preview.png"));
        browser.findElement(By.id("confirm")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.cssSelector("#upload .result")).getText()
                .contains("已导入 1 条"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.get("/api/projects/TZ-2022-051").json()
                .get("months").get("2022-04").decimalValue()).isEqualByComparingTo("1.25"));
    }

    @Test
    void shouldBrowseTheApiDescriptionOfflineInSwaggerUi() throws Exception {
        browser.get(base + "/swagger-ui");

        await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElements(By.cssSelector(".opblock")).size() > 30);
        assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).contains("Pulse");
        assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
                .extracting(WebElement::getText).contains("/api/import", "/api/projects/{projectId}/investments/{period}");
        Browser.screenshot(browser, SCREENSHOTS.resolve("swagger-ui.png"));
        assertThat(Browser.requestedUrls(browser)).allSatisfy(url -> assertThat(url).matches(
                u -> u.startsWith("http://localhost:") || u.startsWith("data:"), "served by Pulse itself"));
    }

    /** Every box of the screen inside the display and inside its panel; a list or table region may scroll, not spill sideways. */
    private static final String OVERFLOWS = """
            const vw = innerWidth, vh = innerHeight;
            const narrow = matchMedia('(max-width: 899px)').matches;
            const problems = [];
            const box = (el) => el.getBoundingClientRect();
            const name = (el) => el.id ? '#' + el.id : el.tagName.toLowerCase() + '.' + String(el.className.baseVal ?? el.className);
            const scrolls = (el, panel) => {
              for (let p = el.parentElement; p && p !== panel; p = p.parentElement) {
                if (getComputedStyle(p).overflowY !== 'visible') return true;
              }
              return false;
            };
            for (const panel of document.querySelectorAll('header, .kpi, .panel')) {
              const r = box(panel);
              if (r.left < -1 || r.right > vw + 1 || (!narrow && (r.top < -1 || r.bottom > vh + 1))) {
                problems.push(name(panel) + ' outside the display: ' + JSON.stringify(r));
              }
              for (const el of panel.querySelectorAll('*')) {
                if (el.closest('.chart') && !el.classList.contains('chart')) continue;
                const c = box(el);
                if (c.width === 0 || c.height === 0) continue;
                const sideways = c.left < r.left - 1 || c.right > r.right + 1;
                const below = c.top < r.top - 1 || c.bottom > r.bottom + 1;
                if (sideways || (below && !scrolls(el, panel))) {
                  problems.push(name(el) + ' overflows ' + name(panel) + ': ' + JSON.stringify(c) + ' in ' + JSON.stringify(r));
                }
              }
            }
            if (document.documentElement.scrollWidth > vw + 1) problems.push('the page scrolls sideways');
            return problems;""";

    @Test
    void shouldShowTheWholeScreenOnEveryDisplayFromAPhoneTo4k() throws Exception {
        browser.executeScript("localStorage.setItem('pulse.lang', 'zh')");
        int[][] displays = {{1366, 768}, {1920, 1080}, {3840, 2160}, {390, 844}};   // the phone last: the form follows
        try {
            for (int[] display : displays) {
                int width = display[0];
                int height = display[1];
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                        "deviceScaleFactor", 1, "mobile", width < 900));
                browser.get(base + "/");
                await().atMost(Duration.ofSeconds(15)).until(() -> value("kpi-projects") != null
                        && !browser.findElements(By.cssSelector("#ranking tbody tr")).isEmpty()
                        && !browser.findElements(By.cssSelector("#warnings li")).isEmpty());
                // the charts drawn (their boxes are what the check below measures around them)
                await().atMost(Duration.ofSeconds(10)).until(() -> (Boolean) browser.executeScript(
                        "return ['gauge', 'curve', 'areas'].every(id => document.querySelectorAll('#' + id + ' svg path').length > 0)"));
                @SuppressWarnings("unchecked")
                List<String> problems = (List<String>) browser.executeScript(OVERFLOWS);
                Browser.screenshot(browser, SCREENSHOTS.resolve("screen-" + width + "x" + height + ".png"));
                assertThat(problems).as("%dx%d", width, height).isEmpty();
                if (width < 900) {
                    // a phone: one column, every panel as wide as the page
                    @SuppressWarnings("unchecked")
                    List<Number> lefts = (List<Number>) browser.executeScript(
                            "return [...document.querySelectorAll('.panel')].map(p => Math.round(p.getBoundingClientRect().left))");
                    assertThat(lefts.stream().map(Number::intValue).distinct()).hasSize(1);
                } else {
                    // scaled as a whole: the 1920×1080 layout fills the display's width or its height
                    double scale = Double.parseDouble((String) browser.executeScript("return document.body.dataset.scale"));
                    assertThat(scale).isCloseTo(Math.min(width / 1920.0, height / 1080.0), org.assertj.core.data.Offset.offset(0.001));
                }
            }
            // The report form on the phone: nothing wider than the screen, every tab reachable
            browser.get(base + "/report");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("upload")) != null);
            Browser.screenshot(browser, SCREENSHOTS.resolve("report-form-390x844.png"));
            assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth <= innerWidth")).isTrue();
            assertThat((Boolean) browser.executeScript("return [...document.querySelectorAll('.tab, input, select, button')]"
                    + ".filter(e => e.offsetParent).every(e => e.getBoundingClientRect().right <= innerWidth + 1)")).isTrue();
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void logIn(String username, String password) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#login[open]")).isEmpty());
        browser.findElement(By.id("login-username")).sendKeys(username);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.cssSelector("#login[open]")).isEmpty());
    }

    private void choose(String select, String value) {
        browser.executeScript("const s = document.getElementById(arguments[0]);"
                + "s.value = [...s.options].find(o => o.value === arguments[1] || o.text.includes(arguments[1])).value;"
                + "s.dispatchEvent(new Event('change'));", select, value);
    }

    private void setValue(String input, String value) {
        browser.executeScript("const i = document.getElementById(arguments[0]); i.value = arguments[1];"
                + "i.dispatchEvent(new Event('change'));", input, value);
    }
}
