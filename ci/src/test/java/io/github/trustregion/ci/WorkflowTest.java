package io.github.trustregion.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.result.RunProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Checks the workflow definitions in ci/workflows: they parse, and call commands that exist. */
class WorkflowTest {

  private static final Pattern SCRIPT =
      Pattern.compile("(?<![\\w/.-])((?:ci|benchmarks)/bin/[\\w.-]+|\\.ci/run)");
  private static final Pattern PROFILES = Pattern.compile("(?<=\\s)-P([\\w.,-]+)");
  private static final Pattern PROPERTY = Pattern.compile("(?<=\\s)-D([\\w.]+)=");

  private static Path root;
  private static Map<String, Object> nightly;
  private static Map<String, Object> pullRequest;

  @BeforeAll
  static void loadWorkflows() throws Exception {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    root = module.getParent();
    nightly = load(module.resolve("workflows/nightly.yml"));
    pullRequest = load(module.resolve("workflows/pull-request.yml"));
  }

  @Test
  void everyWorkflowParsesWithTriggersJobsAndWellFormedSteps() throws Exception {
    List<Path> files;
    try (Stream<Path> listing = Files.list(root.resolve("ci/workflows"))) {
      files = listing.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(files)
        .extracting(f -> f.getFileName().toString())
        .contains("nightly.yml", "pull-request.yml");
    for (Path file : files) {
      Map<String, Object> workflow = load(file);
      assertThat(workflow).as(file + " name").containsKey("name");
      assertThat(triggers(workflow)).as(file + " triggers").isNotEmpty();
      assertThat(jobs(workflow)).as(file + " jobs").isNotEmpty();
      jobs(workflow)
          .forEach(
              (id, job) -> {
                assertThat(job).as(file + " job " + id).containsKey("runs-on");
                assertThat(steps(job))
                    .as(file + " job " + id + " steps")
                    .isNotEmpty()
                    .allSatisfy(
                        step ->
                            assertThat(step.containsKey("run") ^ step.containsKey("uses"))
                                .as(
                                    file
                                        + " job "
                                        + id
                                        + " step "
                                        + step
                                        + " has exactly one of run and uses")
                                .isTrue());
              });
    }
  }

  @Test
  void nightlyRunsTheExperimentsAtCiScaleOnCpuThenTheGate() {
    Map<String, Object> job = jobs(nightly).get("experiments-cpu");
    Map<String, Object> schedule = asList(triggers(nightly).get("schedule")).get(0);
    assertThat(((String) schedule.get("cron")).trim().split("\\s+")).hasSize(5);

    List<Map<String, Object>> steps = steps(job);
    int experiments = indexOfRun(steps, "benchmarks/bin/experiments ");
    List<String> experimentArguments =
        List.of(run(steps.get(experiments)).replace("\\\n", " ").trim().split("\\s+"));
    assertThat(experimentArguments)
        .containsSequence("--scale", "ci")
        .containsSequence("--workers", "2")
        .containsSequence("--results", "\"$RESULTS_DIR\"")
        .containsSequence("--allure", "\"$ALLURE_RESULTS_DIR\"");
    assertThat(indexOfRun(steps, "dependency:build-classpath")).isBetween(0, experiments - 1);

    int gate = indexOfRun(steps, "ci/bin/gate check");
    assertThat(gate).isGreaterThan(experiments);
    List<String> gateArguments = gateArguments(run(steps.get(gate)));
    assertThat(gateArguments)
        .containsSequence("--results", "\"$RESULTS_DIR\"")
        .containsSequence("--baselines", "ci/baselines");
  }

  @Test
  void everyStepThatPipesTheGateSetsPipefailItself() {
    int piped = 0;
    for (Map<String, Object> job : jobs(nightly).values()) {
      for (Map<String, Object> step : steps(job)) {
        String script = step.containsKey("run") ? run(step) : "";
        int gate = script.indexOf("ci/bin/gate");
        if (gate >= 0 && script.replace("\\\n", " ").matches("(?s).*ci/bin/gate[^\n]*\\|.*")) {
          // The exit code of a pipeline is its last command's (tee's) unless pipefail is set; the
          // workflow's default shell (bash -eo pipefail) sets it today, the step must not rely on
          // that.
          assertThat(script.indexOf("set -o pipefail"))
              .as(step.get("name") + " sets pipefail before the gate")
              .isBetween(0, gate);
          piped++;
        }
      }
    }
    assertThat(piped).isEqualTo(2);
  }

  @Test
  void nightlyReadsTheResultsWhereTheExperimentsProfileWritesThem() throws Exception {
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(root.resolve("pom.xml").toFile());
    Map<String, String> variables = new java.util.HashMap<>();
    NodeList profiles = pom.getElementsByTagName("profile");
    for (int i = 0; i < profiles.getLength(); i++) {
      Element profile = (Element) profiles.item(i);
      if (profile
          .getElementsByTagName("id")
          .item(0)
          .getTextContent()
          .trim()
          .equals("experiments")) {
        NodeList blocks = profile.getElementsByTagName("systemPropertyVariables");
        for (int b = 0; b < blocks.getLength(); b++) {
          NodeList children = blocks.item(b).getChildNodes();
          for (int c = 0; c < children.getLength(); c++) {
            if (children.item(c) instanceof Element variable) {
              variables.put(variable.getTagName(), variable.getTextContent().trim());
            }
          }
        }
      }
    }
    String buildDirectory = "${project.build.directory}/";
    assertThat(variables.get(RunProperties.RESULTS)).startsWith(buildDirectory);
    assertThat(variables.get(RunProperties.ALLURE)).startsWith(buildDirectory);
    @SuppressWarnings("unchecked")
    Map<String, Object> env = (Map<String, Object>) nightly.get("env");
    assertThat(env.get("RESULTS_DIR"))
        .isEqualTo(
            "benchmarks/target/"
                + variables.get(RunProperties.RESULTS).substring(buildDirectory.length()));
    assertThat(env.get("ALLURE_RESULTS_DIR"))
        .isEqualTo(
            "benchmarks/target/"
                + variables.get(RunProperties.ALLURE).substring(buildDirectory.length()));
  }

  @Test
  void gateInvocationsUseOnlyOptionsTheGateAccepts() {
    List<String> runs = new ArrayList<>();
    for (Map<String, Object> workflow : List.of(nightly, pullRequest)) {
      jobs(workflow)
          .values()
          .forEach(
              job ->
                  steps(job).stream()
                      .filter(s -> s.containsKey("run"))
                      .forEach(s -> runs.add(run(s))));
    }
    List<String> invocations = runs.stream().filter(r -> r.contains("ci/bin/gate")).toList();
    assertThat(invocations).hasSize(2);
    for (String invocation : invocations) {
      List<String> arguments = gateArguments(invocation);
      Set<String> accepted = GateCli.acceptedOptions(arguments.get(0));
      arguments.stream()
          .filter(a -> a.startsWith("--"))
          .forEach(
              option ->
                  assertThat(accepted)
                      .as("option " + option + " of " + invocation)
                      .contains(option.substring(2)));
    }
  }

  @Test
  void nightlyCarriesTheAllureHistoryIntoTheResultsBeforeGeneratingTheReport() {
    for (String jobId : List.of("experiments-cpu", "experiments-gpu")) {
      List<Map<String, Object>> steps = steps(jobs(nightly).get(jobId));
      int restore = indexOfUses(steps, "actions/cache/restore@");
      int generate = indexOfRun(steps, "-Pallure-report");
      int keep = indexOfRun(steps, "cp -R \"$ALLURE_REPORT_DIR/history\" allure-history/history");
      int save = indexOfUses(steps, "actions/cache/save@");
      assertThat(run(steps.get(generate)))
          .contains(
              "-Dallure.history.from=\"$PWD/allure-history\"",
              "-Dallure.results.directory=\"$PWD/$ALLURE_RESULTS_DIR\"",
              "-Dallure.report.directory=\"$PWD/$ALLURE_REPORT_DIR\"");
      assertThat(restore).as(jobId).isLessThan(generate);
      assertThat(generate).as(jobId).isLessThan(keep);
      assertThat(keep).as(jobId).isLessThan(save);
      assertThat(((Map<?, ?>) steps.get(restore).get("with")).get("path"))
          .isEqualTo("allure-history");
      assertThat(((Map<?, ?>) steps.get(save).get("with")).get("path")).isEqualTo("allure-history");
    }
  }

  @Test
  void reportStepsSetOnlyPropertiesTheReportsProfilesDeclare() throws Exception {
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(root.resolve("reports/pom.xml").toFile());
    NodeList profiles = pom.getElementsByTagName("profile");
    Map<String, Set<String>> declared = new java.util.HashMap<>();
    for (int i = 0; i < profiles.getLength(); i++) {
      Element profile = (Element) profiles.item(i);
      Set<String> names = new LinkedHashSet<>();
      NodeList properties = profile.getElementsByTagName("properties");
      for (int p = 0; p < properties.getLength(); p++) {
        NodeList children = properties.item(p).getChildNodes();
        for (int c = 0; c < children.getLength(); c++) {
          if (children.item(c) instanceof Element property) {
            names.add(property.getTagName());
          }
        }
      }
      declared.put(profile.getElementsByTagName("id").item(0).getTextContent().trim(), names);
    }
    int checked = 0;
    for (Map<String, Object> job : jobs(nightly).values()) {
      for (Map<String, Object> step : steps(job)) {
        Matcher profile =
            Pattern.compile("-P(report|allure-report)\\b").matcher(String.valueOf(step.get("run")));
        if (step.containsKey("run") && profile.find()) {
          assertThat(declared).containsKey(profile.group(1));
          assertThat(declared.get(profile.group(1)))
              .as("properties of profile " + profile.group(1))
              .containsAll(properties(run(step)));
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(4);
  }

  @Test
  void nightlyPublishesTheResultsGateAndReportsEvenWhenAStepFailed() {
    for (String jobId : List.of("experiments-cpu", "experiments-gpu")) {
      List<Map<String, Object>> steps = steps(jobs(nightly).get(jobId));
      int experiments =
          jobId.equals("experiments-cpu")
              ? indexOfRun(steps, "benchmarks/bin/experiments ")
              : indexOfRun(steps, "verify -Pexperiments");
      steps
          .subList(experiments + 1, steps.size())
          .forEach(
              step ->
                  assertThat(String.valueOf(step.get("if")))
                      .as(jobId + " " + step.get("name"))
                      .contains("!cancelled()"));
      Map<String, Object> upload = steps.get(indexOfUses(steps, "actions/upload-artifact@"));
      String paths = String.valueOf(((Map<?, ?>) upload.get("with")).get("path"));
      assertThat(paths)
          .contains(
              "env.RESULTS_DIR",
              "env.GATE_DIR",
              "env.HTML_REPORT_DIR",
              "env.ALLURE_REPORT_DIR",
              "env.ALLURE_REPORT_DIR }}-single-file");
    }
  }

  @Test
  void gpuJobNeedsASelfHostedGpuRunnerAndTheCudaProfile() {
    Map<String, Object> job = jobs(nightly).get("experiments-gpu");
    assertThat(asStrings(job.get("runs-on"))).contains("self-hosted", "gpu");
    assertThat(String.valueOf(job.get("if"))).contains("vars.HAS_GPU_RUNNER");
    String mavenRun = run(steps(job).get(indexOfRun(steps(job), "verify -Pexperiments,cuda")));
    assertThat(properties(mavenRun)).contains(RunProperties.SCALE);
  }

  @Test
  void pullRequestWorkflowRunsTheReadmeTestCommand() {
    assertThat(triggers(pullRequest)).containsKey("pull_request");
    List<Map<String, Object>> steps = steps(jobs(pullRequest).get("test"));
    assertThat(run(steps.get(indexOfRun(steps, ".ci/run"))).trim()).isEqualTo("bash .ci/run");
  }

  @Test
  void everyScriptAndMavenProfileTheWorkflowsCallExists() throws Exception {
    Set<String> scripts = new LinkedHashSet<>();
    Set<String> profiles = new LinkedHashSet<>();
    for (Map<String, Object> workflow : List.of(nightly, pullRequest)) {
      for (Map<String, Object> job : jobs(workflow).values()) {
        for (Map<String, Object> step : steps(job)) {
          if (step.containsKey("run")) {
            Matcher script = SCRIPT.matcher(run(step));
            while (script.find()) {
              scripts.add(script.group(1));
            }
            Matcher profile = PROFILES.matcher(run(step));
            while (profile.find()) {
              profiles.addAll(Arrays.asList(profile.group(1).split(",")));
            }
          }
        }
      }
    }
    assertThat(scripts).contains("ci/bin/gate", ".ci/run", "benchmarks/bin/experiments");
    assertThat(scripts)
        .allSatisfy(
            script -> assertThat(root.resolve(script)).as(script).isRegularFile().isExecutable());
    assertThat(profiles).contains("experiments", "cuda");
    assertThat(definedProfiles()).containsAll(profiles);
  }

  @Test
  void launcherScriptsStartMainClassesThatExist() throws Exception {
    Pattern mainClass = Pattern.compile("io\\.github\\.trustregion\\.[\\w.]+");
    Set<String> classes = new LinkedHashSet<>();
    try (Stream<Path> scripts = Files.list(root.resolve("ci/bin"))) {
      for (Path script : scripts.toList()) {
        assertThat(script).as(script + " is executable").isExecutable();
        Matcher matcher = mainClass.matcher(Files.readString(script));
        while (matcher.find()) {
          classes.add(matcher.group());
        }
      }
    }
    assertThat(classes).contains(GateCli.class.getName());
    for (String name : classes) {
      assertThat(
              Class.forName(name).getMethod("main", String[].class).getModifiers()
                  & java.lang.reflect.Modifier.STATIC)
          .as(name + ".main is static")
          .isNotZero();
    }
  }

  private static Set<String> definedProfiles() throws Exception {
    List<Path> poms = new ArrayList<>(List.of(root.resolve("pom.xml")));
    try (Stream<Path> modules = Files.list(root)) {
      modules.map(m -> m.resolve("pom.xml")).filter(Files::isRegularFile).forEach(poms::add);
    }
    Set<String> ids = new LinkedHashSet<>();
    for (Path pom : poms) {
      Document document =
          DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
      NodeList profiles = document.getElementsByTagName("profile");
      for (int i = 0; i < profiles.getLength(); i++) {
        NodeList idNodes = ((Element) profiles.item(i)).getElementsByTagName("id");
        if (idNodes.getLength() > 0) {
          ids.add(idNodes.item(0).getTextContent().trim());
        }
      }
    }
    return ids;
  }

  private static List<String> gateArguments(String script) {
    String joined = script.replace("\\\n", " ");
    String line =
        Arrays.stream(joined.split("\n"))
            .filter(l -> l.contains("ci/bin/gate"))
            .findFirst()
            .orElseThrow();
    List<String> tokens = Arrays.asList(line.trim().split("\\s+"));
    List<String> arguments = new ArrayList<>();
    for (String token : tokens.subList(tokens.indexOf("ci/bin/gate") + 1, tokens.size())) {
      if (token.equals("|")) {
        break;
      }
      arguments.add(token);
    }
    return arguments;
  }

  private static List<String> properties(String script) {
    List<String> names = new ArrayList<>();
    Matcher matcher = PROPERTY.matcher(script);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static int indexOfRun(List<Map<String, Object>> steps, String fragment) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).containsKey("run")
          && run(steps.get(i)).replace("\\\n", " ").replaceAll(" +", " ").contains(fragment)) {
        return i;
      }
    }
    throw new AssertionError("No step runs '" + fragment + "'.");
  }

  private static int indexOfUses(List<Map<String, Object>> steps, String prefix) {
    for (int i = 0; i < steps.size(); i++) {
      if (String.valueOf(steps.get(i).get("uses")).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("No step uses '" + prefix + "'.");
  }

  private static String run(Map<String, Object> step) {
    return String.valueOf(step.get("run"));
  }

  /** Returns the triggers; YAML 1.1 (SnakeYAML) reads the key {@code on} as the boolean true. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> triggers(Map<String, Object> workflow) {
    Object on =
        workflow.containsKey("on")
            ? workflow.get("on")
            : ((Map<Object, Object>) (Map<?, ?>) workflow).get(Boolean.TRUE);
    assertThat(on).as("the workflow's 'on'").isInstanceOf(Map.class);
    return (Map<String, Object>) on;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> jobs(Map<String, Object> workflow) {
    return (Map<String, Map<String, Object>>) workflow.get("jobs");
  }

  private static List<Map<String, Object>> steps(Map<String, Object> job) {
    return asList(job.get("steps"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> asList(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> asStrings(Object value) {
    return value instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(value));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(Path file) throws Exception {
    return (Map<String, Object>)
        new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
  }
}
