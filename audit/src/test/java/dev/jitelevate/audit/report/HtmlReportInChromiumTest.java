package dev.jitelevate.audit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the report of 1,000 generated records in Debian's headless Chromium and checks that every chart drew
 * and the console logged no error. Skipped (visibly) where {@code /usr/bin/chromium} is missing, unless
 * {@value #REQUIRE} is {@code true}, as {@code .ci/run} sets it, so that CI cannot skip it. Leaves the page and a
 * screenshot in {@code audit/target/report-render/} for people to look at.
 */
class HtmlReportInChromiumTest {
  static final String REQUIRE = "JIT_ELEVATE_REQUIRE_CHROMIUM";
  private static final Path CHROMIUM = Path.of(System.getProperty("jit.chromium", "/usr/bin/chromium"));
  private static final Pattern FIGURE = Pattern.compile("<figure class=\"chart\" data-chart=\"(\\w+)\"([^>]*)>");
  private static final Pattern DRAWN = Pattern.compile("data-drawn=\"(\\d+)\"");

  @TempDir static Path profile;
  static Path out;
  static Path page;

  @BeforeAll
  static void renderThePage() throws IOException {
    if (!Files.isExecutable(CHROMIUM)) {
      if (Boolean.parseBoolean(System.getenv(REQUIRE))) {
        fail(CHROMIUM + " is missing but " + REQUIRE + " is set: install Debian's chromium (apt-get install chromium)");
      }
      Assumptions.abort("SKIPPED: " + CHROMIUM + " is not installed; .ci/run installs it and runs this check");
    }
    out = Path.of("target", "report-render");
    Files.createDirectories(out);
    Path records = out.resolve("records");
    if (!Files.isDirectory(records)) {
      GeneratedRecords.writeTo(records, 1000);
    }
    page = out.resolve("report.html");
    Files.writeString(page, HtmlReport.render(Reports.build(List.of(records)), Instant.now()));
  }

  @Test
  void everyChartDrawsAndTheConsoleStaysClean() throws Exception {
    Run run = chromium("--dump-dom", "--enable-logging=stderr", "--v=0");
    String dom = run.stdout();

    assertThat(dom).contains("data-rendered=\"true\"").doesNotContain("data-errors=");
    Matcher figures = FIGURE.matcher(dom);
    List<String> charts = new ArrayList<>();
    while (figures.find()) {
      Matcher drawn = DRAWN.matcher(figures.group(2));
      assertThat(drawn.find()).as("chart %s drew", figures.group(1)).isTrue();
      assertThat(Integer.parseInt(drawn.group(1))).as("SVG elements of chart %s", figures.group(1)).isGreaterThan(3);
      charts.add(figures.group(1));
    }
    assertThat(charts).containsExactlyInAnyOrder("perDay", "byRole", "byScope", "timeToProvisioned",
        "timeToEffective", "revocations", "exposure", "topRepositories", "topRequesters");
    assertThat(run.stderr().lines().filter(l -> l.contains("CONSOLE")).toList()).as("console messages").isEmpty();
  }

  @Test
  void aScreenshotShowsThePage() throws Exception {
    Path png = out.resolve("report.png").toAbsolutePath();
    Files.deleteIfExists(png);

    chromium("--screenshot=" + png, "--window-size=1400,2600", "--hide-scrollbars");

    assertThat(png).exists();
    assertThat(Files.size(png)).isGreaterThan(50_000);
  }

  private record Run(String stdout, String stderr) {}

  private static Run chromium(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory(profile, "chromium"), "--virtual-time-budget=10000"));
    command.addAll(List.of(args));
    command.add(page.toAbsolutePath().toUri().toString());
    Path stdout = Files.createTempFile(profile, "out", ".txt");
    Path stderr = Files.createTempFile(profile, "err", ".txt");
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish within 120 s: " + Files.readString(stderr));
    }
    assertThat(process.exitValue()).as("chromium exit code; stderr: %s", Files.readString(stderr)).isZero();
    return new Run(Files.readString(stdout), Files.readString(stderr));
  }
}
