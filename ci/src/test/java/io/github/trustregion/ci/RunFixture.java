package io.github.trustregion.ci;

import io.github.trustregion.ci.run.RunConfiguration;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small results directories for the tests: one training experiment with SGD, TR and Hybrid
 * at batch sizes 128 and 2048, with test accuracies chosen by the test for every repeat, trained on
 * a {@link Setup} (workload, example counts, network, epochs, run id) chosen by the test.
 */
public final class RunFixture {

  /** The experiment id the fixtures use. */
  public static final String EXPERIMENT = "e3-large-batch";

  /** The methods of the fixture experiment. */
  public static final List<String> METHODS = List.of("SGD", "TR", "Hybrid");

  /** The batch sizes of the fixture experiment. */
  public static final List<Integer> BATCH_SIZES = List.of(128, 2048);

  /** How much higher the best-epoch accuracy is than the final-epoch one in the fixtures. */
  public static final double BEST_OVER_FINAL = 0.005;

  /**
   * What a fixture run trained on: written into every trial's environment and, for the epochs, its
   * parameters.
   *
   * @param workload the environment's {@code workload}
   * @param trainExamples the environment's {@code trainExamples}
   * @param testExamples the environment's {@code testExamples}
   * @param parameterCount the environment's {@code parameterCount}
   * @param dataType the environment's {@code dataType}
   * @param epochs the parameter {@code epochs} of every trial
   * @param runId the environment's {@code runId}
   */
  public record Setup(
      String workload,
      int trainExamples,
      int testExamples,
      long parameterCount,
      String dataType,
      int epochs,
      String runId) {

    /** The setup of {@link #write(Path, String, int, Accuracy)}. */
    public static final Setup DEFAULT =
        new Setup("fixture-cnn", 1200, 400, 5000, "FLOAT", 3, "fixture-run-1");

    /**
     * Returns the setup of a run that trained on {@code configuration} (a baseline's), with its
     * first run id.
     *
     * @throws IllegalArgumentException when the configuration has an unknown field, or plans other
     *     batch sizes than {@link #BATCH_SIZES} or more than one number of epochs
     */
    public static Setup matching(RunConfiguration configuration) {
      if (configuration.comparedValues().containsValue(null) || configuration.runIds().isEmpty()) {
        throw new IllegalArgumentException(
            "The fixture needs a complete configuration, got " + configuration);
      }
      List<String> batchSizes =
          configuration.plannedBatches().stream()
              .map(RunConfiguration.PlannedBatch::batchSize)
              .toList();
      List<String> epochs =
          configuration.plannedBatches().stream()
              .map(RunConfiguration.PlannedBatch::epochs)
              .distinct()
              .toList();
      if (!batchSizes.equals(BATCH_SIZES.stream().map(String::valueOf).toList())
          || epochs.size() != 1) {
        throw new IllegalArgumentException(
            "The fixture plans batch sizes "
                + BATCH_SIZES
                + " with one number of epochs, not "
                + configuration.plannedBatches());
      }
      return new Setup(
          configuration.workload(),
          Integer.parseInt(configuration.trainExamples()),
          Integer.parseInt(configuration.testExamples()),
          Long.parseLong(configuration.parameterCount()),
          configuration.dataType(),
          Integer.parseInt(epochs.get(0)),
          configuration.runIds().get(0));
    }

    /** Returns a copy with another workload. */
    public Setup withWorkload(String value) {
      return new Setup(value, trainExamples, testExamples, parameterCount, dataType, epochs, runId);
    }

    /** Returns a copy with another number of training examples. */
    public Setup withTrainExamples(int value) {
      return new Setup(workload, value, testExamples, parameterCount, dataType, epochs, runId);
    }

    /** Returns a copy with another parameter count. */
    public Setup withParameterCount(long value) {
      return new Setup(workload, trainExamples, testExamples, value, dataType, epochs, runId);
    }

    /** Returns a copy with another number of epochs. */
    public Setup withEpochs(int value) {
      return new Setup(
          workload, trainExamples, testExamples, parameterCount, dataType, value, runId);
    }

    /** Returns a copy with another run id. */
    public Setup withRunId(String value) {
      return new Setup(
          workload, trainExamples, testExamples, parameterCount, dataType, epochs, value);
    }

    Map<String, String> environment() {
      Map<String, String> environment = new LinkedHashMap<>();
      environment.put("runId", runId);
      environment.put("backend", "CPU");
      environment.put("processors", "2");
      environment.put("dataType", dataType);
      environment.put("parameterCount", Long.toString(parameterCount));
      environment.put("trainExamples", Integer.toString(trainExamples));
      environment.put("testExamples", Integer.toString(testExamples));
      environment.put("workload", workload);
      return environment;
    }
  }

  /** A final test accuracy per method, batch size and repeat. */
  @FunctionalInterface
  public interface Accuracy {
    /** Returns the final test accuracy of one trial. */
    double of(String method, int batchSize, int repeat);
  }

  private RunFixture() {}

  /**
   * Each method's own noise per repeat (accuracy as a fraction): fixed values chosen by hand
   * (sample sd 0.37 to 0.43 points per method), so that the per-repeat gaps vary as in a real run
   * (sample sd of the TR − SGD and Hybrid − SGD gaps 0.62 to 0.63 points over 5 repeats). At B =
   * 2048 the values are taken two repeats further on, so the settings differ.
   */
  public static final Map<String, double[]> METHOD_NOISE =
      Map.of(
          "SGD", new double[] {0.003, -0.005, 0.001, 0.006, -0.002},
          "TR", new double[] {-0.004, 0.002, 0.005, -0.001, -0.003},
          "Hybrid", new double[] {0.002, 0.004, -0.006, 0.001, -0.002});

  /**
   * Returns the paper's Figure 3 means (B = 128 and B = 2048) plus a per-repeat offset shared by
   * all methods (as a shared seed would give) plus each method's own noise ({@link #methodNoise}).
   */
  public static Accuracy paperMeansWithNoise(double[] offsets) {
    return (method, batchSize, repeat) ->
        paperMean(method, batchSize) + offsets[repeat] + methodNoise(method, batchSize, repeat);
  }

  /** Returns a method's own noise in one repeat at one batch size (up to 5 repeats). */
  public static double methodNoise(String method, int batchSize, int repeat) {
    double[] noise = METHOD_NOISE.get(method);
    return noise[(repeat + (batchSize == 2048 ? 2 : 0)) % noise.length];
  }

  /** Returns the paper's mean accuracy of a method at B = 128 or B = 2048 (its Figure 3, E3). */
  public static double paperMean(String method, int batchSize) {
    return switch (method) {
      case "SGD" -> batchSize == 128 ? 0.867 : 0.803;
      case "TR" -> batchSize == 128 ? 0.868 : 0.855;
      case "Hybrid" -> batchSize == 128 ? 0.881 : 0.870;
      default -> throw new IllegalArgumentException("No fixture accuracy for method " + method);
    };
  }

  /** Returns the id of one fixture trial. */
  public static String trialId(String method, int batchSize, int repeat) {
    return EXPERIMENT + "-" + method + "-b" + batchSize + "-r" + repeat;
  }

  /**
   * Writes a complete run (manifest and every trial) at the given scale; best = final + {@link
   * #BEST_OVER_FINAL}.
   */
  public static ResultFiles write(Path root, String scale, int repeats, Accuracy accuracy) {
    return write(
        root,
        scale,
        repeats,
        accuracy,
        (method, batchSize, repeat) -> accuracy.of(method, batchSize, repeat) + BEST_OVER_FINAL);
  }

  /**
   * Writes a complete run (manifest and every trial) with the final and best test accuracies given.
   */
  public static ResultFiles write(
      Path root, String scale, int repeats, Accuracy accuracy, Accuracy best) {
    return write(root, scale, repeats, accuracy, best, Setup.DEFAULT);
  }

  /**
   * Writes a complete run that trained on {@code setup}; best = final + {@link #BEST_OVER_FINAL}.
   */
  public static ResultFiles write(
      Path root, String scale, int repeats, Accuracy accuracy, Setup setup) {
    return write(
        root,
        scale,
        repeats,
        accuracy,
        (method, batchSize, repeat) -> accuracy.of(method, batchSize, repeat) + BEST_OVER_FINAL,
        setup);
  }

  /**
   * Writes a complete run that trained on {@code setup}, with the final and best test accuracies
   * given.
   */
  public static ResultFiles write(
      Path root, String scale, int repeats, Accuracy accuracy, Accuracy best, Setup setup) {
    ResultFiles files = new ResultFiles(root);
    List<PlannedTrial> planned = new ArrayList<>();
    for (String method : METHODS) {
      for (int batchSize : BATCH_SIZES) {
        for (int repeat = 0; repeat < repeats; repeat++) {
          Map<String, String> parameters =
              parameters(method, batchSize, repeat, scale, setup.epochs());
          planned.add(new PlannedTrial(trialId(method, batchSize, repeat), parameters));
          double finalAccuracy = accuracy.of(method, batchSize, repeat);
          files.writeTrial(
              trial(
                  trialId(method, batchSize, repeat),
                  parameters,
                  TrialStatus.COMPLETED,
                  Map.of(
                      "finalTestAccuracy",
                      finalAccuracy,
                      "bestTestAccuracy",
                      best.of(method, batchSize, repeat)),
                  setup.environment()));
        }
      }
    }
    files.writeManifest(
        new ExperimentManifest(
            1,
            EXPERIMENT,
            RunFixture.class.getName(),
            "Large-batch fixture",
            "Test accuracy of SGD, TR and Hybrid at two batch sizes.",
            "training",
            scale,
            "synthetic",
            List.of("finalTestAccuracy", "bestTestAccuracy"),
            List.of(),
            planned,
            List.of()));
    return files;
  }

  /**
   * Writes a complete experiment {@code experiment} of the given methods at {@link #BATCH_SIZES},
   * in the layout of {@link #write}, whose repeat r has the seed of the fixture experiment's repeat
   * {@code r + seedOffset} (as an experiment run on the seeds of another's later repeats); best =
   * final + {@link #BEST_OVER_FINAL}.
   */
  public static void writeOnSeeds(
      ResultFiles files,
      String experiment,
      List<String> methods,
      int repeats,
      int seedOffset,
      Accuracy accuracy) {
    writeOnSeeds(files, experiment, methods, BATCH_SIZES, repeats, seedOffset, accuracy);
  }

  /**
   * As {@link #writeOnSeeds(ResultFiles, String, List, int, int, Accuracy)}, at some batch sizes.
   */
  public static void writeOnSeeds(
      ResultFiles files,
      String experiment,
      List<String> methods,
      List<Integer> batchSizes,
      int repeats,
      int seedOffset,
      Accuracy accuracy) {
    Setup setup = Setup.DEFAULT;
    List<PlannedTrial> planned = new ArrayList<>();
    for (String method : methods) {
      for (int batchSize : batchSizes) {
        for (int repeat = 0; repeat < repeats; repeat++) {
          Map<String, String> parameters =
              parameters(method, batchSize, repeat, "ci", setup.epochs());
          parameters.put("seed", Integer.toString(1000 + repeat + seedOffset));
          String id = experiment + "-" + method + "-b" + batchSize + "-r" + repeat;
          planned.add(new PlannedTrial(id, parameters));
          double finalAccuracy = accuracy.of(method, batchSize, repeat);
          files.writeTrial(
              new TrialResult(
                  TrialResult.SCHEMA_VERSION,
                  id,
                  experiment,
                  TrialStatus.COMPLETED,
                  "",
                  parameters,
                  Map.of(),
                  List.of(),
                  Map.of(
                      "finalTestAccuracy",
                      finalAccuracy,
                      "bestTestAccuracy",
                      finalAccuracy + BEST_OVER_FINAL),
                  Map.of(),
                  1.0,
                  setup.environment()));
        }
      }
    }
    files.writeManifest(
        new ExperimentManifest(
            1,
            experiment,
            RunFixture.class.getName(),
            "Fixture on other seeds",
            "Test accuracy of weakened methods on the seeds of later repeats.",
            "training",
            "ci",
            "synthetic",
            List.of("finalTestAccuracy", "bestTestAccuracy"),
            List.of(),
            planned,
            List.of()));
  }

  /** Writes an experiment that has no methods to compare (like E4's landscape), complete. */
  public static void writeLandscape(ResultFiles files, String scale) {
    Map<String, String> parameters =
        Map.of("method", "TR-vs-SGD", "seed", "1", "repeat", "0", "scale", scale);
    files.writeTrial(
        new TrialResult(
            TrialResult.SCHEMA_VERSION,
            "e4-path-r0",
            "e4-landscape",
            TrialStatus.COMPLETED,
            "",
            parameters,
            Map.of(),
            List.of(),
            Map.of("distance", 12.5),
            Map.of(),
            1.0,
            Map.of()));
    files.writeManifest(
        new ExperimentManifest(
            1,
            "e4-landscape",
            RunFixture.class.getName(),
            "Landscape fixture",
            "Loss along a line.",
            "landscape",
            scale,
            "synthetic",
            List.of("distance"),
            List.of(),
            List.of(new PlannedTrial("e4-path-r0", parameters)),
            List.of()));
  }

  /** Rewrites one trial of the fixture experiment with another status and message. */
  public static void setStatus(
      ResultFiles files, String trialId, TrialStatus status, String message) {
    TrialResult old = files.readTrial(EXPERIMENT, trialId).orElseThrow();
    files.writeTrial(
        new TrialResult(
            old.schemaVersion(),
            old.trialId(),
            old.experiment(),
            status,
            message,
            old.parameters(),
            old.methodSettings(),
            old.epochs(),
            old.metrics(),
            old.series(),
            old.wallSeconds(),
            old.environment()));
  }

  /**
   * Rewrites one trial of the fixture experiment with one environment entry set to {@code value}.
   */
  public static void setEnvironment(ResultFiles files, String trialId, String key, String value) {
    TrialResult old = files.readTrial(EXPERIMENT, trialId).orElseThrow();
    Map<String, String> environment = new LinkedHashMap<>(old.environment());
    if (value == null) {
      environment.remove(key);
    } else {
      environment.put(key, value);
    }
    files.writeTrial(
        new TrialResult(
            old.schemaVersion(),
            old.trialId(),
            old.experiment(),
            old.status(),
            old.message(),
            old.parameters(),
            old.methodSettings(),
            old.epochs(),
            old.metrics(),
            old.series(),
            old.wallSeconds(),
            environment));
  }

  private static Map<String, String> parameters(
      String method, int batchSize, int repeat, String scale, int epochs) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("method", method);
    parameters.put("batchSize", Integer.toString(batchSize));
    parameters.put("seed", Integer.toString(1000 + repeat));
    parameters.put("repeat", Integer.toString(repeat));
    parameters.put("scale", scale);
    parameters.put("epochs", Integer.toString(epochs));
    return parameters;
  }

  private static TrialResult trial(
      String trialId,
      Map<String, String> parameters,
      TrialStatus status,
      Map<String, Double> metrics,
      Map<String, String> environment) {
    return new TrialResult(
        TrialResult.SCHEMA_VERSION,
        trialId,
        EXPERIMENT,
        status,
        "",
        parameters,
        Map.of(),
        List.of(),
        metrics,
        Map.of(),
        1.0,
        environment);
  }
}
