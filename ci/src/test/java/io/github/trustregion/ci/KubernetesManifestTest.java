package io.github.trustregion.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the Kubernetes manifests in ci/kubernetes for the fields the harness relies on: an Indexed
 * Job whose pod i runs shard i+1 of N with N = completions, on a results directory on a shared
 * PersistentVolumeClaim, and a finishing Job on the same claim. (They have not run on a cluster;
 * this is what can be checked without one.)
 */
class KubernetesManifestTest {

  private static Path root;
  private static Map<String, Object> job;
  private static Map<String, Object> claim;
  private static Map<String, Object> finish;

  @BeforeAll
  static void load() throws Exception {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    root = module.getParent();
    List<Map<String, Object>> documents =
        documents(module.resolve("kubernetes/experiments-job.yaml"));
    job = documents.stream().filter(d -> "Job".equals(d.get("kind"))).findFirst().orElseThrow();
    claim =
        documents.stream()
            .filter(d -> "PersistentVolumeClaim".equals(d.get("kind")))
            .findFirst()
            .orElseThrow();
    finish = documents(module.resolve("kubernetes/finish-job.yaml")).get(0);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents(Path file) throws Exception {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document :
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
      documents.add((Map<String, Object>) document);
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      current =
          key.matches("\\d+")
              ? ((List<Object>) current).get(Integer.parseInt(key))
              : ((Map<String, Object>) current).get(key);
      assertThat(current).as("field %s", String.join(".", path)).isNotNull();
    }
    return (T) current;
  }

  private static String env(Map<String, Object> container, String name) {
    List<Map<String, Object>> env = at(container, "env");
    return env.stream()
        .filter(e -> name.equals(e.get("name")))
        .map(e -> String.valueOf(e.get("value")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name));
  }

  @Test
  @SuppressWarnings("unchecked")
  void isAnIndexedJobWithOneShardPerCompletionIndex() throws Exception {
    assertThat(job.get("apiVersion")).isEqualTo("batch/v1");
    assertThat((String) at(job, "spec", "completionMode")).isEqualTo("Indexed");
    int completions = at(job, "spec", "completions");
    int parallelism = at(job, "spec", "parallelism");
    assertThat(parallelism).isBetween(1, completions);
    assertThat((String) at(job, "spec", "template", "spec", "restartPolicy")).isEqualTo("Never");
    Map<String, Object> container = at(job, "spec", "template", "spec", "containers", "0");
    assertThat(Integer.parseInt(env(container, "SHARDS"))).isEqualTo(completions);
    List<String> command = at(container, "command");
    assertThat(command).containsExactly("/bin/sh", "-c");
    String script = ((List<String>) at(container, "args")).get(0);
    assertThat(script).contains("io.github.trustregion.framework.cli.ExperimentsCli");
    assertThat(
            root.resolve(
                "framework/src/main/java/io/github/trustregion/framework/cli/ExperimentsCli.java"))
        .exists();

    // Pod i of N passes --shard (i+1)/N: run the container's shell line with java replaced by echo.
    for (int index = 0; index < completions; index++) {
      String shell = script.replace("exec java", "echo");
      ProcessBuilder builder =
          new ProcessBuilder("/bin/sh", "-c", shell).redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("JOB_COMPLETION_INDEX", Integer.toString(index));
      builder.environment().put("SHARDS", env(container, "SHARDS"));
      builder.environment().put("SCALE", env(container, "SCALE"));
      builder.environment().put("RESULTS", env(container, "RESULTS"));
      Process run = builder.start();
      String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(run.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(out)
          .contains("--shard " + (index + 1) + "/" + completions)
          .contains("--results " + env(container, "RESULTS"))
          .contains("--scale " + env(container, "SCALE"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyPodAndTheFinishingJobShareTheResultsDirectoryOnOneReadWriteManyClaim() {
    String claimName = at(claim, "metadata", "name");
    assertThat((List<String>) at(claim, "spec", "accessModes")).contains("ReadWriteMany");
    for (Map<String, Object> definition : List.of(job, finish)) {
      Map<String, Object> pod = at(definition, "spec", "template", "spec");
      Map<String, Object> volume = at(pod, "volumes", "0");
      assertThat((String) at(volume, "persistentVolumeClaim", "claimName")).isEqualTo(claimName);
      Map<String, Object> container = at(pod, "containers", "0");
      Map<String, Object> mount = at(container, "volumeMounts", "0");
      assertThat(mount.get("name")).isEqualTo(volume.get("name"));
      assertThat(env(container, "RESULTS")).startsWith(mount.get("mountPath") + "/");
    }
    Map<String, Object> finishing = at(finish, "spec", "template", "spec", "containers", "0");
    assertThat(env(finishing, "RESULTS"))
        .isEqualTo(env(at(job, "spec", "template", "spec", "containers", "0"), "RESULTS"));
    String script = ((List<String>) at(finishing, "args")).get(0);
    assertThat(script)
        .contains("ExperimentsCli")
        .doesNotContain("--shard")
        .contains("io.github.trustregion.reports.html.ReportCli")
        .contains("ci/bin/gate check");
  }
}
