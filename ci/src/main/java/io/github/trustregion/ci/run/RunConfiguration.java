package io.github.trustregion.ci.run;

import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.ParameterKeys;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.TrialResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one experiment's run trained on: the workload, the numbers of training and test examples,
 * the network's parameter count and data type (from the trials' environment), the (batch size,
 * epochs) pairs its manifest plans, and the ids of the runs its trials came from.
 *
 * <p>A baseline records the configuration of the run it was blessed from, and the gate compares it
 * with the configuration of the run it checks ({@link #comparedValues}): gaps measured on another
 * workload, data size, network or number of epochs are not comparable. The run ids are recorded but
 * not compared (every run has its own; a resumed run has several). Any component may be null:
 * unknown, in a baseline written before the configuration was recorded, or for trials that do not
 * record it (custom trials carry no workload).
 *
 * @param workload the workload's name, e.g. {@code fashion-mnist-small-cnn}
 * @param trainExamples the number of training examples the trials used
 * @param testExamples the number of test examples the trials used
 * @param parameterCount the number of trainable parameters of the network
 * @param dataType the ND4J data type of the network, e.g. {@code FLOAT}
 * @param plannedBatches the distinct (batch size, epochs) pairs of the planned trials that have
 *     both parameters, sorted by batch size then epochs
 * @param runIds the distinct {@code runId}s of the trials, sorted
 */
public record RunConfiguration(
    String workload,
    String trainExamples,
    String testExamples,
    String parameterCount,
    String dataType,
    List<PlannedBatch> plannedBatches,
    List<String> runIds) {

  /**
   * The environment keys that are compared, in the order reported; each is a component of this
   * record.
   */
  public static final List<String> ENVIRONMENT_FIELDS =
      List.of("workload", "trainExamples", "testExamples", "parameterCount", "dataType");

  /** The name under which the planned (batch size, epochs) pairs are compared. */
  public static final String PLANNED_BATCHES = "plannedBatches";

  /**
   * One planned (batch size, epochs) pair.
   *
   * @param batchSize the trial parameter {@code batchSize}
   * @param epochs the trial parameter {@code epochs}
   */
  public record PlannedBatch(String batchSize, String epochs) {

    @Override
    public String toString() {
      return "batchSize " + batchSize + " × " + epochs + " epochs";
    }
  }

  /** Copies the lists (null stays null: unknown). */
  public RunConfiguration {
    plannedBatches = plannedBatches == null ? null : List.copyOf(plannedBatches);
    runIds = runIds == null ? null : List.copyOf(runIds);
  }

  /**
   * Reads the configuration of one experiment's run.
   *
   * @param manifest the experiment's plan, for the (batch size, epochs) pairs
   * @param trials the experiment's planned trials that have a result file, for the environment
   * @throws GateInputException naming the experiment, the key and the values when the trials
   *     disagree on an environment key (trials kept from a run with another workload, data or
   *     network)
   */
  public static RunConfiguration of(ExperimentManifest manifest, List<TrialResult> trials) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : ENVIRONMENT_FIELDS) {
      values.put(key, single(manifest.experiment(), key, trials));
    }
    TreeSet<PlannedBatch> batches =
        new TreeSet<>(
            Comparator.comparing(PlannedBatch::batchSize, RunConfiguration::compareNumbers)
                .thenComparing(PlannedBatch::epochs, RunConfiguration::compareNumbers));
    for (PlannedTrial planned : manifest.trials()) {
      Map<String, String> parameters = planned.parameters();
      if (parameters != null
          && parameters.get(ParameterKeys.BATCH_SIZE) != null
          && parameters.get(ParameterKeys.EPOCHS) != null) {
        batches.add(
            new PlannedBatch(
                parameters.get(ParameterKeys.BATCH_SIZE), parameters.get(ParameterKeys.EPOCHS)));
      }
    }
    List<String> runIds =
        trials.stream()
            .map(t -> t.environment() == null ? null : t.environment().get("runId"))
            .filter(id -> id != null && !id.isBlank())
            .collect(Collectors.toCollection(TreeSet::new))
            .stream()
            .toList();
    return new RunConfiguration(
        values.get("workload"),
        values.get("trainExamples"),
        values.get("testExamples"),
        values.get("parameterCount"),
        values.get("dataType"),
        new ArrayList<>(batches),
        runIds);
  }

  /**
   * Returns the compared fields and their values as text, in report order: the {@link
   * #ENVIRONMENT_FIELDS} and {@value #PLANNED_BATCHES}; a value is null when unknown.
   */
  public Map<String, String> comparedValues() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("workload", workload);
    values.put("trainExamples", trainExamples);
    values.put("testExamples", testExamples);
    values.put("parameterCount", parameterCount);
    values.put("dataType", dataType);
    values.put(
        PLANNED_BATCHES,
        plannedBatches == null
            ? null
            : plannedBatches.isEmpty()
                ? "none"
                : plannedBatches.stream()
                    .map(PlannedBatch::toString)
                    .collect(Collectors.joining(", ")));
    return values;
  }

  private static String single(String experiment, String key, List<TrialResult> trials) {
    Map<String, List<String>> trialsByValue = new TreeMap<>();
    for (TrialResult trial : trials) {
      String value = trial.environment() == null ? null : trial.environment().get(key);
      if (value != null) {
        trialsByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(trial.trialId());
      }
    }
    if (trialsByValue.size() > 1) {
      throw new GateInputException(
          "The trials of experiment "
              + experiment
              + " disagree on "
              + key
              + ": "
              + trialsByValue.entrySet().stream()
                  .map(
                      e ->
                          "'"
                              + e.getKey()
                              + "' ("
                              + e.getValue().size()
                              + " trial(s), e.g. "
                              + e.getValue().get(0)
                              + ")")
                  .collect(Collectors.joining(", "))
              + ". The results directory mixes trials of different configurations; delete the trials of the "
              + "configuration you do not want (or the whole directory) and run the experiment again.");
    }
    return trialsByValue.isEmpty() ? null : trialsByValue.keySet().iterator().next();
  }

  private static int compareNumbers(String a, String b) {
    try {
      return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
    } catch (NumberFormatException notNumbers) {
      return a.compareTo(b);
    }
  }
}
