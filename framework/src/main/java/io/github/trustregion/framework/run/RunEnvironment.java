package io.github.trustregion.framework.run;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Facts about the process that ran a trial, stored in {@link
 * io.github.trustregion.framework.result.TrialResult#environment()}: keys {@code runId} (one random
 * id per run of the harness, so a resumed run shows which trials it kept), {@code startedAt}
 * (ISO-8601 instant the trial started), {@code backend}, {@code dataType}, {@code processors},
 * {@code javaVersion}, {@code os} and the processor ({@link CpuDescription}: {@code cpu}, {@code
 * cpuVectorExtensions}, {@code openBlasCoreType} when set), which decides whether two runs can
 * agree bit for bit.
 */
final class RunEnvironment {

  private final String runId = UUID.randomUUID().toString();
  private final CpuDescription cpu = CpuDescription.ofThisMachine();

  /** Returns this run's id. */
  String runId() {
    return runId;
  }

  /** Returns the environment of a trial starting now (initializes ND4J). */
  Map<String, String> forTrialStartingAt(Instant start) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("runId", runId);
    environment.put("startedAt", start.toString());
    environment.put("backend", Nd4j.getBackend().getClass().getSimpleName());
    environment.put("dataType", Nd4j.dataType().toString());
    environment.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
    environment.put("javaVersion", System.getProperty("java.version"));
    environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    cpu.addTo(environment);
    return environment;
  }

  /** Returns the environment of a trial without touching ND4J (custom trials that use none). */
  Map<String, String> withoutNd4j(Instant start) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("runId", runId);
    environment.put("startedAt", start.toString());
    environment.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
    environment.put("javaVersion", System.getProperty("java.version"));
    environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    cpu.addTo(environment);
    return environment;
  }
}
