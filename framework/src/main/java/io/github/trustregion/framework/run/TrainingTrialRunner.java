package io.github.trustregion.framework.run;

import io.github.trustregion.framework.custom.CustomRunContext.Evaluation;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentDefinition;
import io.github.trustregion.framework.plan.StageSpec;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.plan.TrialType;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialMetrics;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.workload.WorkloadData;
import io.github.trustregion.optimizers.DivergedException;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.TrainingMethod;
import io.github.trustregion.optimizers.hessian.NetworkObjective;
import io.github.trustregion.optimizers.hessian.ObjectiveOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one training or track trial: builds the network from the trial's seed, trains each stage
 * with a fresh method state on the trial's minibatches, evaluates after every epoch, and saves the
 * networks.
 *
 * <p>What is the same for every method of a configuration (same seed): the initial parameters
 * ({@code Workload.buildNetwork(seed)}; their checksum is stored as environment key {@code
 * initialParameterChecksum}), the layer implementations (convolution and pooling layers get oneDNN
 * helpers where the native build has oneDNN; their number is stored as {@code oneDnnLayers}), the
 * minibatch order (epoch e uses a Fisher–Yates permutation of the training set drawn from {@code
 * Seeds.trialSeed(seed, e)}, with e counted across stages; the last incomplete minibatch is dropped
 * so every step sees exactly B examples), the objective (H2's {@link NetworkObjective} with the
 * experiment's weight decay; Hessian-vector products by the difference the method's settings
 * choose), the seed of the method's state ({@code TrainingMethod.newState(dimension, seed)} with
 * the trial's seed, from which a sub-sampled Hessian draws each step's subset), and the evaluation
 * ({@link Networks#evaluate}: after every epoch, in evaluation mode, on the whole training set and
 * the whole test set).
 *
 * <p>A NaN or infinite loss (in a step, reported by {@link DivergedException}, or in evaluation)
 * ends the trial as {@link TrialStatus#DIVERGED} with the epochs completed before it (an epoch
 * whose evaluation is not finite is not recorded, so the final metrics are those of the last finite
 * epoch); any other exception ends it as {@link TrialStatus#FAILED}.
 *
 * <p>Networks are saved (with {@link ModelFiles}) where something can reload them: a track saves
 * the network at the end of every stage and at its end; a training trial saves its final network
 * only when its experiment implements {@link io.github.trustregion.framework.custom.CustomTrials}
 * (whose custom trials may load it, as E4 does). Other trials save nothing, which keeps a
 * paper-scale sweep from writing a VGG16 per trial. Not thread-safe.
 */
final class TrainingTrialRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingTrialRunner.class);

  private final ExperimentDefinition definition;
  private final Supplier<WorkloadData> data;
  private final MethodRegistry registry;
  private final ResultFiles files;
  private final RunEnvironment environment;
  private final ProgressLog progress;

  TrainingTrialRunner(
      ExperimentDefinition definition,
      Supplier<WorkloadData> data,
      MethodRegistry registry,
      ResultFiles files,
      RunEnvironment environment,
      ProgressLog progress) {
    this.definition = definition;
    this.data = data;
    this.registry = registry;
    this.files = files;
    this.environment = environment;
    this.progress = progress;
  }

  /** Runs the trial; never throws for a failing trial, which is recorded instead. */
  TrialResult run(TrialSpec trial) {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, Map<String, String>> methodSettings = new LinkedHashMap<>();
    List<EpochRecord> epochs = new ArrayList<>();
    List<Integer> stageEnds = new ArrayList<>();
    TrialStatus status = TrialStatus.COMPLETED;
    String message = "";
    try {
      env.putAll(environment.forTrialStartingAt(startedAt));
      env.put(ResumeCheck.REQUESTED_TRAIN_EXAMPLES, Integer.toString(definition.trainExamples()));
      env.put(ResumeCheck.REQUESTED_TEST_EXAMPLES, Integer.toString(definition.testExamples()));
      methodSettings.putAll(methodSettings(registry, trial));
      WorkloadData workloadData = data.get();
      train(trial, workloadData, env, epochs, stageEnds);
    } catch (DivergedException e) {
      status = TrialStatus.DIVERGED;
      message = "Diverged after " + epochs.size() + " completed epochs: " + e.getMessage();
    } catch (RuntimeException e) {
      status = TrialStatus.FAILED;
      message = e.toString();
      LOG.warn("Trial {} failed", trial.trialId(), e);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    return new TrialResult(
        TrialResult.SCHEMA_VERSION,
        trial.trialId(),
        definition.id(),
        status,
        message,
        trial.parameters(),
        methodSettings,
        epochs,
        TrialMetrics.of(epochs, stageEnds, trial.type() == TrialType.TRACK),
        Map.of(),
        wall,
        env,
        declaredSettings(trial));
  }

  private void train(
      TrialSpec trial,
      WorkloadData workloadData,
      Map<String, String> env,
      List<EpochRecord> epochs,
      List<Integer> stageEnds) {
    DataSet train = workloadData.train();
    int n = train.numExamples();
    int batchSize = trial.batchSize();
    int batches = n / batchSize;
    if (batches == 0) {
      throw new IllegalArgumentException(
          "The batch size "
              + batchSize
              + " exceeds the "
              + n
              + " training examples of "
              + definition.workloadDescription()
              + "; use a smaller "
              + "batch size or more training examples (@AtScale(trainExamples = ...)).");
    }
    Model network =
        Networks.requireSupported(
            definition.workload().orElseThrow().buildNetwork(trial.seed()),
            definition.workload().get().getClass().getName() + ".buildNetwork");
    int oneDnnLayers = Networks.installOneDnnHelpers(network);
    ObjectiveOptions options =
        ObjectiveOptions.defaults().withWeightDecay(definition.weightDecay());
    NetworkObjective objective =
        network instanceof MultiLayerNetwork mln
            ? NetworkObjective.of(mln, options)
            : NetworkObjective.of((ComputationGraph) network, options);
    INDArray parameters = objective.parameters();
    env.put("initialParameterChecksum", Networks.checksum(parameters));
    env.put("parameterCount", Long.toString(parameters.length()));
    env.put("oneDnnLayers", Integer.toString(oneDnnLayers));
    env.put("trainExamples", Integer.toString(n));
    env.put("testExamples", Integer.toString(workloadData.test().numExamples()));
    env.put("workload", definition.workload().get().name());

    long counterGradients = 0;
    long counterHv = 0;
    long counterValues = 0;
    double gradientEquivalents = 0;
    double trainingSeconds = 0;
    int globalEpoch = 0;
    int totalEpochs = trial.totalEpochs();
    for (int s = 0; s < trial.stages().size(); s++) {
      StageSpec stage = trial.stages().get(s);
      MethodState state =
          registry
              .create(stage.method(), stage.settingStrings())
              .newState(parameters.length(), trial.seed());
      int passesPerProduct = passesPerProduct(stage.settings());
      for (int e = 1; e <= stage.epochs(); e++) {
        globalEpoch++;
        int[] order = permutation(n, trial.seed(), globalEpoch);
        TelemetryAccumulator telemetry = new TelemetryAccumulator();
        String active = state.activeMethod();
        long epochStart = System.nanoTime();
        for (int b = 0; b < batches; b++) {
          int[] rows = java.util.Arrays.copyOfRange(order, b * batchSize, (b + 1) * batchSize);
          MinibatchObjective batch = objective.on(Networks.gather(train, rows));
          StepReport report = state.step(parameters, batch);
          if (!Double.isFinite(report.lossBefore())) {
            throw new DivergedException(
                "the minibatch loss is "
                    + report.lossBefore()
                    + " at step "
                    + (b + 1)
                    + " of epoch "
                    + globalEpoch
                    + ".");
          }
          counterGradients += report.gradientEvaluations();
          counterHv += report.hessianVectorProducts();
          counterValues += report.functionEvaluations();
          gradientEquivalents += gradientEquivalents(report, passesPerProduct);
          report.trustRegion().ifPresent(telemetry::add);
        }
        trainingSeconds += (System.nanoTime() - epochStart) / 1e9;
        Evaluation onTrain = Networks.evaluate(network, train);
        Evaluation onTest = Networks.evaluate(network, workloadData.test());
        if (!Double.isFinite(onTrain.loss()) || !Double.isFinite(onTest.loss())) {
          throw new DivergedException(
              "the evaluation loss is "
                  + onTrain.loss()
                  + " (train) and "
                  + onTest.loss()
                  + " (test) after epoch "
                  + globalEpoch
                  + ".");
        }
        epochs.add(
            new EpochRecord(
                globalEpoch,
                s,
                active,
                onTrain.loss(),
                onTrain.accuracy(),
                onTest.loss(),
                onTest.accuracy(),
                trainingSeconds,
                counterGradients,
                counterHv,
                counterValues,
                telemetry.summary().orElse(null),
                gradientEquivalents));
        progress.epochFinished(
            trial.trialId(), globalEpoch, totalEpochs, onTrain.loss(), onTest.accuracy());
        state.endEpoch(e, onTrain.accuracy());
      }
      stageEnds.add(globalEpoch);
      if (trial.type() == TrialType.TRACK) {
        Networks.save(
            network, ModelFiles.stageModel(files, definition.id(), trial.trialId(), s + 1));
      }
    }
    if (trial.type() == TrialType.TRACK || definition.customTrials().isPresent()) {
      Networks.save(network, ModelFiles.finalModel(files, definition.id(), trial.trialId()));
    }
  }

  /**
   * Returns one step's work in passes over the whole minibatch: gradients + m/B·(subset gradients +
   * passes per product·products) + value passes, as {@link StepReport} defines it.
   */
  static double gradientEquivalents(StepReport report, int passesPerProduct) {
    return report.gradientEvaluations()
        + report.hessianExampleFraction()
            * (report.subsetGradientEvaluations()
                + (double) passesPerProduct * report.hessianVectorProducts())
        + report.functionEvaluations();
  }

  /**
   * Returns the gradient passes of one Hessian-vector product of a stage's method: 2 when its
   * settings choose central differences ({@code hessian=central}, Hybrid's {@code
   * tr.hessian=central}), else 1.
   */
  static int passesPerProduct(Map<String, String> settings) {
    return "central".equals(settings.get("hessian")) || "central".equals(settings.get("tr.hessian"))
        ? 2
        : 1;
  }

  /** Returns every method's settings by stage label, as the trial's result records them. */
  static Map<String, Map<String, String>> methodSettings(MethodRegistry registry, TrialSpec trial) {
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    for (StageSpec stage : trial.stages()) {
      TrainingMethod method = registry.create(stage.method(), stage.settingStrings());
      settings.putIfAbsent(stage.label(), method.settings());
    }
    return settings;
  }

  /**
   * Returns every method's declared settings by stage label: the planner's complete settings
   * ({@link StageSpec#settings()}, defaults filled in), under the names of the method's setting
   * specifications.
   */
  static Map<String, Map<String, String>> declaredSettings(TrialSpec trial) {
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    for (StageSpec stage : trial.stages()) {
      settings.putIfAbsent(stage.label(), stage.settings());
    }
    return settings;
  }

  /**
   * Returns the order of the training examples in epoch {@code epoch}: a seeded Fisher–Yates
   * shuffle.
   */
  static int[] permutation(int n, long seed, int epoch) {
    SplittableRandom random =
        new SplittableRandom(io.github.trustregion.framework.plan.Seeds.trialSeed(seed, epoch));
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
