package io.github.trustregion.reports.html;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.result.TrustRegionSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a results directory with one experiment of each manifest kind and known values, through
 * the harness's own {@link ResultFiles} writer.
 *
 * <ul>
 *   <li>{@value #E3} (training): SGD, TR, Hybrid × batch size 128, 2048 × 3 repeats; final test
 *       accuracies in {@link #FINAL}; epochs' test accuracy {@code [f − 0.05, f + δ, f]} with δ =
 *       0.02 for repeat 0 and −0.01 otherwise (so best ≠ final for repeat 0). SGD-128 repeat 2
 *       diverged; Hybrid-128 repeat 2 has no file (missing). weightDecay differs between SGD and TR
 *       (undeclared), learningRate between SGD and Hybrid's "sgd.learningRate" (declared as
 *       "sgd.learningRate").
 *   <li>{@value #E1} (subproblem): Algorithm2 with iterationsToBoundary = T(λ) for c₁ = 5, c₂ =
 *       0.01, and Lanczos with 12 + repeat, at λ ∈ {10, …, 110}, 2 repeats.
 *   <li>{@value #E4} (landscape): SGD and TR training trials (2 repeats), and 2 interpolation
 *       trials SGD vs TR with distances 3 and 5, whose parameters trialA/trialB name the training
 *       trials (as the benchmarks' LossLandscape writes them).
 *   <li>{@value #E5} (tracks): two 3-stage tracks at B = 2048 and Adam at B = 64, 2 repeats each.
 * </ul>
 */
final class ReportFixtures {

  static final String E3 = "e3-large-batch";
  static final String E1 = "e1-subproblem";
  static final String E4 = "e4-landscape";
  static final String E5 = "e5-tracks";

  /** Final test accuracies by method, batch size, repeat (NaN: diverged or missing). */
  static final Map<String, double[]> FINAL =
      Map.of(
          "SGD/128", new double[] {0.86, 0.87, Double.NaN},
          "TR/128", new double[] {0.865, 0.87, 0.875},
          "Hybrid/128", new double[] {0.88, 0.885, Double.NaN},
          "SGD/2048", new double[] {0.80, 0.81, 0.79},
          "TR/2048", new double[] {0.85, 0.86, 0.87},
          "Hybrid/2048", new double[] {0.87, 0.865, 0.875});

  static final double C1 = 5.0;
  static final double C2 = 0.01;
  static final int[] LAMBDAS = {10, 30, 50, 70, 90, 110};

  private ReportFixtures() {}

  static void writeAll(Path root) {
    ResultFiles files = new ResultFiles(root);
    writeE3(files);
    writeE1(files);
    writeE4(files);
    writeE5(files);
  }

  static String e3Id(String method, int batch, int repeat) {
    return method.toLowerCase() + "-b" + batch + "-r" + repeat;
  }

  private static void writeE3(ResultFiles files) {
    List<PlannedTrial> planned = new ArrayList<>();
    for (int batch : new int[] {128, 2048}) {
      for (String method : List.of("SGD", "TR", "Hybrid")) {
        for (int r = 0; r < 3; r++) {
          Map<String, String> p = params(method, r, "batchSize", String.valueOf(batch));
          planned.add(new PlannedTrial(e3Id(method, batch, r), p));
          double f = FINAL.get(method + "/" + batch)[r];
          if (method.equals("Hybrid") && batch == 128 && r == 2) {
            continue; // missing
          }
          if (method.equals("SGD") && batch == 128 && r == 2) {
            files.writeTrial(
                new TrialResult(
                    1,
                    e3Id(method, batch, r),
                    E3,
                    TrialStatus.DIVERGED,
                    "loss became NaN in epoch 2",
                    p,
                    settings(method),
                    List.of(epoch(1, 0, "SGD", 0.5, 10, null)),
                    Map.of(),
                    Map.of(),
                    3.0,
                    Map.of()));
            continue;
          }
          files.writeTrial(training(E3, e3Id(method, batch, r), method, p, f, r));
        }
      }
    }
    files.writeManifest(
        new ExperimentManifest(
            1,
            E3,
            "fixtures.LargeBatch",
            "Large-batch generalization",
            "Test accuracy against batch size.",
            "training",
            "ci",
            "MLP on Fashion-MNIST",
            List.of("finalTestAccuracy", "bestTestAccuracy"),
            List.of("sgd.learningRate"),
            planned,
            List.of(
                new PaperValue(
                    Map.of("method", "SGD", "batchSize", "128"),
                    "finalTestAccuracy",
                    0.867,
                    "Figure 3",
                    "VGG16 on CIFAR-10"),
                new PaperValue(
                    Map.of("method", "TR", "batchSize", "2048"),
                    "finalTestAccuracy",
                    0.855,
                    "Figure 3",
                    "VGG16 on CIFAR-10"),
                new PaperValue(
                    Map.of("method", "SGD", "batchSize", "2048"),
                    "finalTestAccuracy",
                    0.803,
                    "Figure 3",
                    "VGG16 on CIFAR-10"))));
  }

  /** A completed trial: epochs' test accuracy [f − 0.05, f + δ, f]; TR epochs carry telemetry. */
  static TrialResult training(
      String experiment, String id, String method, Map<String, String> p, double f, int repeat) {
    double delta = repeat == 0 ? 0.02 : -0.01;
    double[] test = {f - 0.05, f + delta, f};
    List<EpochRecord> epochs = new ArrayList<>();
    for (int e = 0; e < 3; e++) {
      String active = method.equals("Hybrid") ? (e < 2 ? "TR" : "SGD") : method;
      TrustRegionSummary tr =
          active.equals("TR")
              ? new TrustRegionSummary(10, 2, 0.5, 1.0 / (e + 1), 0.5 / (e + 1), 3, 0)
              : null;
      epochs.add(
          new EpochRecord(
              e + 1,
              0,
              active,
              1.0 - test[e],
              Math.min(1, test[e] + 0.05),
              1.1 - test[e],
              test[e],
              (e + 1) * (active.equals("TR") ? 3.0 : 1.0),
              (e + 1) * 100L,
              active.equals("TR") ? (e + 1) * 400L : 0L,
              (e + 1) * 10L,
              tr));
    }
    return new TrialResult(
        1,
        id,
        experiment,
        TrialStatus.COMPLETED,
        "",
        p,
        settings(method),
        epochs,
        Map.of("finalTestAccuracy", f, "bestTestAccuracy", Math.max(f, f + delta)),
        Map.of(),
        12.0,
        Map.of("backend", "cpu"));
  }

  private static EpochRecord epoch(
      int e, int stage, String method, double accuracy, double seconds, TrustRegionSummary tr) {
    return new EpochRecord(
        e,
        stage,
        method,
        1 - accuracy,
        accuracy,
        1 - accuracy,
        accuracy,
        seconds,
        e * 100L,
        0L,
        0L,
        tr);
  }

  static Map<String, Map<String, String>> settings(String method) {
    return switch (method) {
      case "SGD" ->
          Map.of("SGD", Map.of("learningRate", "0.1", "momentum", "0", "weightDecay", "0.0005"));
      case "TR" ->
          Map.of(
              "TR",
              Map.of(
                  "initialRadius",
                  "1",
                  "eta",
                  "0.1",
                  "weightDecay",
                  "0",
                  "solverSettings",
                  "x.PaperSolver@1b9c1b51"));
      case "Hybrid" ->
          Map.of(
              "Hybrid",
              Map.of(
                  "sgd.learningRate",
                  "0.05",
                  "momentum",
                  "0",
                  "tr.initialRadius",
                  "1",
                  "tr.solverSettings",
                  "x.PaperSolver@2189e7a7"));
      default -> Map.of(method, Map.of("learningRate", "0.001"));
    };
  }

  private static Map<String, String> params(String method, int repeat, String... more) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("method", method);
    for (int i = 0; i < more.length; i += 2) {
      p.put(more[i], more[i + 1]);
    }
    p.put("seed", String.valueOf(1000 + repeat));
    p.put("repeat", String.valueOf(repeat));
    p.put("scale", "ci");
    return p;
  }

  static double t(double lambda) {
    return Math.log1p(C1 * lambda) / Math.log1p(C2 * lambda);
  }

  private static void writeE1(ResultFiles files) {
    List<PlannedTrial> planned = new ArrayList<>();
    for (String method : List.of("Algorithm2", "Lanczos")) {
      for (int lambda : LAMBDAS) {
        for (int r = 0; r < 2; r++) {
          String id = method.toLowerCase() + "-l" + lambda + "-r" + r;
          Map<String, String> p = params(method, r, "lambda", String.valueOf(lambda), "n", "200");
          planned.add(new PlannedTrial(id, p));
          double iterations = method.equals("Algorithm2") ? t(lambda) : 12 + r;
          int switchAt = (int) Math.ceil(iterations);
          List<List<Double>> rows = new ArrayList<>();
          for (int it = 0; it <= switchAt + 10; it++) {
            rows.add(
                List.of((double) it, 100.0 * Math.pow(0.7, it) + 1e-6, it < switchAt ? 1.0 : 2.0));
          }
          files.writeTrial(
              new TrialResult(
                  1,
                  id,
                  E1,
                  TrialStatus.COMPLETED,
                  "",
                  p,
                  Map.of(),
                  List.of(),
                  Map.of(
                      "iterationsToBoundary",
                      iterations,
                      "hessianVectorProducts",
                      (double) switchAt + 10),
                  Map.of("gap", new Series(List.of("iteration", "gap", "phase"), rows)),
                  0.2,
                  Map.of()));
        }
      }
    }
    files.writeManifest(
        new ExperimentManifest(
            1,
            E1,
            "fixtures.Subproblem",
            "Subproblem dynamics",
            "Gap per iteration and iterations to the sphere.",
            "subproblem",
            "ci",
            "random H = BBᵀ − λI, n = 200",
            List.of("iterationsToBoundary"),
            List.of(),
            planned,
            List.of()));
  }

  private static void writeE4(ResultFiles files) {
    List<PlannedTrial> planned = new ArrayList<>();
    for (String method : List.of("SGD", "TR")) {
      for (int r = 0; r < 2; r++) {
        String id = method.toLowerCase() + "-train-r" + r;
        Map<String, String> p = params(method, r, "batchSize", "1024");
        planned.add(new PlannedTrial(id, p));
        files.writeTrial(training(E4, id, method, p, method.equals("TR") ? 0.86 : 0.82, r));
      }
    }
    double[] distances = {3.0, 5.0};
    for (int r = 0; r < 2; r++) {
      String id = "sgd-vs-tr-r" + r;
      Map<String, String> p = new LinkedHashMap<>();
      p.put("method", "SGD-vs-TR");
      p.put("methodA", "SGD");
      p.put("methodB", "TR");
      p.put("pair", "SGD vs TR");
      p.put("batchSize", "1024");
      p.put("repeat", String.valueOf(r));
      p.put("seed", String.valueOf(1000 + r));
      p.put("trialA", "sgd-train-r" + r);
      p.put("trialB", "tr-train-r" + r);
      p.put("scale", "ci");
      planned.add(new PlannedTrial(id, p));
      List<List<Double>> rows = new ArrayList<>();
      for (int i = 0; i <= 8; i++) {
        double alpha = -0.5 + 0.25 * i;
        double loss = 0.3 + 2 * Math.pow(alpha - 0.5, 2);
        rows.add(
            List.of(
                alpha,
                loss,
                Math.max(0, 0.9 - loss / 4),
                loss + 0.1,
                Math.max(0, 0.85 - loss / 4)));
      }
      files.writeTrial(
          new TrialResult(
              1,
              id,
              E4,
              TrialStatus.COMPLETED,
              "",
              p,
              Map.of(),
              List.of(),
              Map.of("distance", distances[r]),
              Map.of(
                  "interpolation",
                  new Series(
                      List.of("alpha", "trainLoss", "trainAccuracy", "testLoss", "testAccuracy"),
                      rows)),
              1.0,
              Map.of()));
    }
    files.writeManifest(
        new ExperimentManifest(
            1,
            E4,
            "fixtures.Landscape",
            "Loss landscape",
            "Loss and accuracy between solutions.",
            "landscape",
            "ci",
            "MLP on Fashion-MNIST",
            List.of("finalTestAccuracy"),
            List.of(),
            planned,
            List.of()));
  }

  /** Stage-end test accuracies of the tracks by repeat. */
  static final Map<String, double[][]> STAGES =
      Map.of(
          "SGD→TR→SGD", new double[][] {{0.80, 0.86, 0.88}, {0.78, 0.84, 0.86}},
          "TR→SGD→TR", new double[][] {{0.85, 0.87, 0.86}, {0.85, 0.88, 0.87}},
          "Adam", new double[][] {{0.866}, {0.860}});

  private static void writeE5(ResultFiles files) {
    List<PlannedTrial> planned = new ArrayList<>();
    for (String track : List.of("SGD→TR→SGD", "TR→SGD→TR", "Adam")) {
      String[] methods = track.split("→");
      for (int r = 0; r < 2; r++) {
        String id =
            "track-"
                + (track.equals("Adam") ? "adam" : track.startsWith("SGD") ? "1" : "2")
                + "-r"
                + r;
        Map<String, String> p = params(track, r, "batchSize", track.equals("Adam") ? "64" : "2048");
        planned.add(new PlannedTrial(id, p));
        double[] ends = STAGES.get(track)[r];
        List<EpochRecord> epochs = new ArrayList<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        int e = 1;
        for (int s = 0; s < ends.length; s++) {
          for (int k = 0; k < 2; k++) {
            double acc = k == 1 ? ends[s] : ends[s] - 0.01;
            TrustRegionSummary tr =
                methods[s].equals("TR") ? new TrustRegionSummary(5, 1, 0.4, 0.8, 0.7, 2, 0) : null;
            epochs.add(epoch(e, s, methods[s], acc, e * 2.0, tr));
            e++;
          }
          metrics.put("stage" + (s + 1) + ".testAccuracy", ends[s]);
        }
        metrics.put("finalTestAccuracy", ends[ends.length - 1]);
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        for (String m : methods) {
          settings.putAll(settings(m));
        }
        files.writeTrial(
            new TrialResult(
                1,
                id,
                E5,
                TrialStatus.COMPLETED,
                "",
                p,
                settings,
                epochs,
                metrics,
                Map.of(),
                20.0,
                Map.of()));
      }
    }
    files.writeManifest(
        new ExperimentManifest(
            1,
            E5,
            "fixtures.Tracks",
            "Tracks",
            "Stage chains.",
            "tracks",
            "ci",
            "MLP on Fashion-MNIST",
            List.of("stage1.testAccuracy", "stage2.testAccuracy", "stage3.testAccuracy"),
            List.of("learningRate"),
            planned,
            List.of(
                new PaperValue(
                    Map.of("method", "SGD→TR→SGD"),
                    "stage1.testAccuracy",
                    0.801,
                    "Table 1",
                    "VGG16/CIFAR-10"),
                new PaperValue(
                    Map.of("method", "SGD→TR→SGD"),
                    "stage3.testAccuracy",
                    0.878,
                    "Table 1",
                    "VGG16/CIFAR-10"))));
  }
}
