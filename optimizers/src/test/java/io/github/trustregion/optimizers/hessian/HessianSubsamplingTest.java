package io.github.trustregion.optimizers.hessian;

import static io.github.trustregion.optimizers.hessian.TinyNetworks.relativeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.optimizers.AnalyticObjective;
import io.github.trustregion.optimizers.HessianVectorProduct;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.method.Hybrid;
import io.github.trustregion.optimizers.method.PlateauRule;
import io.github.trustregion.optimizers.method.Sgd;
import io.github.trustregion.optimizers.method.TrCode;
import io.github.trustregion.optimizers.subproblem.ExactDenseSolver;
import io.github.trustregion.optimizers.trustregion.TrustRegion;
import io.github.trustregion.optimizers.trustregion.TrustRegionTelemetry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Hessian sub-sampling: the subset's products, the subsets' seeding and what steps report. */
class HessianSubsamplingTest {

  @Test
  void fractionOneGivesTheTrajectoryOfTheMethodWithoutTheSetting() {
    HessianSettings explicit =
        HessianSettings.defaults().withMode(HessianMode.FORWARD_DIFFERENCE).withBatchFraction(1.0);
    float[] without = trajectoryEnd(TrustRegion.paper());
    float[] with = trajectoryEnd(TrustRegion.paper().withHessian(explicit));
    assertThat(with).containsExactly(without);

    Hybrid plain = new Hybrid(TrustRegion.paper(), new Sgd(0.1), new PlateauRule(3, 0.001));
    Hybrid sampled =
        new Hybrid(
            TrustRegion.paper().withHessian(explicit), new Sgd(0.1), new PlateauRule(3, 0.001));
    assertThat(trajectoryEnd(sampled)).containsExactly(trajectoryEnd(plain));
    assertThat(TrustRegion.paper().withHessian(explicit).settings())
        .isEqualTo(TrustRegion.paper().settings());
  }

  @Test
  void productsAtAFractionAreThoseOfTheSubsetsMeanLoss() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.DOUBLE, 1);
    DataSet batch = TinyNetworks.batch(20, DataType.DOUBLE, 31);
    INDArray x = network.params().dup();
    INDArray v = TinyNetworks.direction(x.length(), DataType.DOUBLE, 32);
    long seed = 77;
    long step = 3;
    int[] rows = HessianSubsample.select(20, 10, seed, step);
    DataSet subset = rowsOf(batch, rows);
    INDArray reference =
        NetworkObjectiveHessianTest.richardsonReference(
            NetworkObjective.of(network, ObjectiveOptions.defaults()).on(subset), x, v);
    INDArray wholeBatch =
        NetworkObjectiveHessianTest.richardsonReference(
            NetworkObjective.of(network, ObjectiveOptions.defaults()).on(batch), x, v);

    for (HessianMode mode : HessianMode.values()) {
      MinibatchObjective objective =
          NetworkObjective.of(network, ObjectiveOptions.defaults()).on(batch);
      INDArray g = objective.valueAndGradient(x).gradient();
      SampledHessian sampled =
          HessianSettings.defaults()
              .withMode(mode)
              .withBatchFraction(0.5)
              .at(objective, x, g, seed, step, "test");
      INDArray product = sampled.product().multiply(v);

      double tolerance = mode == HessianMode.FORWARD_DIFFERENCE ? 1e-6 : 1e-8;
      assertThat(relativeError(product, reference)).as(mode.name()).isLessThan(tolerance);
      assertThat(relativeError(product, wholeBatch)).as(mode.name()).isGreaterThan(1e-3);
      assertThat(sampled.exampleFraction()).isEqualTo(0.5);
      assertThat(sampled.baseGradientEvaluations())
          .isEqualTo(mode == HessianMode.FORWARD_DIFFERENCE ? 1 : 0);
    }
  }

  @Test
  void theCodesFixedStepOnASubsetIsItsForwardDifferenceOfTheSubsetsGradient() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.DOUBLE, 1);
    DataSet batch = TinyNetworks.batch(16, DataType.DOUBLE, 41);
    INDArray x = network.params().dup();
    INDArray v = TinyNetworks.direction(x.length(), DataType.DOUBLE, 42);
    int[] rows = HessianSubsample.select(16, 8, 5, 0);
    MinibatchObjective onSubset =
        NetworkObjective.of(network, ObjectiveOptions.defaults()).on(rowsOf(batch, rows));
    double c = 1e4;
    INDArray expected =
        onSubset
            .valueAndGradient(x.add(v.div(c)))
            .gradient()
            .sub(onSubset.valueAndGradient(x).gradient())
            .muli(c);

    MinibatchObjective objective =
        NetworkObjective.of(network, ObjectiveOptions.defaults()).on(batch);
    INDArray g = objective.valueAndGradient(x).gradient();
    INDArray product =
        HessianSettings.defaults()
            .withFixedStep(1 / c)
            .withBatchFraction(0.5)
            .at(objective, x, g, 5, 0, "test")
            .product()
            .multiply(v);

    assertThat(relativeError(product, expected)).isLessThan(1e-9);
  }

  @Test
  void oneStepUsesOneSubsetAndTheNextStepAnother() {
    RecordingObjective objective = new RecordingObjective(40);
    TrustRegion method =
        TrustRegion.deterministic(ExactDenseSolver.DEFAULT, 1.0, 10.0)
            .withHessian(HessianSettings.defaults().withBatchFraction(0.25));
    MethodState state = method.newState(2, 123);
    INDArray x = AnalyticObjective.vector(0.3, -0.4);

    for (int step = 0; step < 4; step++) {
      StepReport report = state.step(x, objective);
      assertThat(report.hessianVectorProducts()).isEqualTo(2);
      assertThat(
              objective.productSubsets.subList(
                  objective.productSubsets.size() - 2, objective.productSubsets.size()))
          .allSatisfy(
              subset ->
                  assertThat(subset)
                      .containsExactly(objective.requests.get(objective.requests.size() - 1)));
    }

    assertThat(objective.requests).hasSize(4).allSatisfy(subset -> assertThat(subset).hasSize(10));
    Set<String> distinct = new HashSet<>();
    objective.requests.forEach(subset -> distinct.add(Arrays.toString(subset)));
    assertThat(distinct).hasSize(4);

    RecordingObjective again = new RecordingObjective(40);
    MethodState repeated = method.newState(2, 123);
    INDArray y = AnalyticObjective.vector(0.3, -0.4);
    RecordingObjective other = new RecordingObjective(40);
    MethodState reseeded = method.newState(2, 124);
    INDArray z = AnalyticObjective.vector(0.3, -0.4);
    for (int step = 0; step < 4; step++) {
      repeated.step(y, again);
      reseeded.step(z, other);
    }
    for (int step = 0; step < 4; step++) {
      assertThat(again.requests.get(step)).containsExactly(objective.requests.get(step));
    }
    assertThat(Arrays.toString(other.requests.get(0)))
        .isNotEqualTo(Arrays.toString(objective.requests.get(0)));
  }

  @Test
  void theRatioUsesTheSubsampledModelAndTheStepReportsTheSubsetsCost() {
    // The recording objective's subset Hessian is (m/B)·A while its gradient and values are those
    // of the whole F(x) = ½xᵀAx + bᵀx, so the two models differ by a known factor.
    RecordingObjective objective = new RecordingObjective(40);
    TrustRegion method =
        TrustRegion.deterministic(ExactDenseSolver.DEFAULT, 0.5, 10.0)
            .withHessian(HessianSettings.defaults().withBatchFraction(0.25));
    INDArray x = AnalyticObjective.vector(0.3, -0.4);
    double[] before = x.toDoubleVector();

    StepReport report = method.newState(2).step(x, objective);

    TrustRegionTelemetry telemetry = report.trustRegion().orElseThrow();
    assertThat(telemetry.accepted()).isTrue();
    double[] z = {x.getDouble(0) - before[0], x.getDouble(1) - before[1]};
    double[] g = RecordingObjective.gradient(before);
    double scale = 10.0 / 40;
    double[] az = RecordingObjective.times(z);
    double model = 0.5 * scale * (z[0] * az[0] + z[1] * az[1]) + g[0] * z[0] + g[1] * z[1];
    assertThat(telemetry.predictedDecrease()).isCloseTo(-model, within(1e-12));
    assertThat(report.hessianExampleFraction()).isEqualTo(0.25);
    assertThat(report.subsetGradientEvaluations()).isEqualTo(1);
    assertThat(report.gradientEvaluations()).isEqualTo(1);
    assertThat(report.functionEvaluations()).isEqualTo(1);
  }

  @Test
  void aTrustRegionStepOnANetworkReportsItsProductsOnTheSubset() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.FLOAT, 1);
    DataSet batch = TinyNetworks.batch(32, DataType.FLOAT, 51);
    NetworkObjective objective = NetworkObjective.of(network, ObjectiveOptions.defaults());
    TrustRegion method =
        TrustRegion.paper().withHessian(HessianSettings.defaults().withBatchFraction(0.3));

    StepReport report =
        method.newState(objective.dimension(), 9).step(objective.parameters(), objective.on(batch));

    assertThat(report.hessianExampleFraction()).isEqualTo(10.0 / 32);
    assertThat(report.subsetGradientEvaluations()).isEqualTo(1);
    assertThat(report.hessianVectorProducts()).isEqualTo(3);
    assertThat(method.settings()).containsEntry("hessianBatchFraction", "0.3");
  }

  @Test
  void hybridsTrustRegionPhaseRunsItsProductsOnTheSubset() {
    RecordingObjective objective = new RecordingObjective(64);
    Hybrid hybrid =
        new Hybrid(
            TrustRegion.deterministic(ExactDenseSolver.DEFAULT, 1.0, 10.0)
                .withHessian(HessianSettings.defaults().withBatchFraction(0.125)),
            new Sgd(0.1),
            new PlateauRule(1, 0.001));

    StepReport report = hybrid.newState(2, 8).step(AnalyticObjective.vector(0.1, 0.2), objective);

    assertThat(objective.requests).singleElement().satisfies(s -> assertThat(s).hasSize(8));
    assertThat(report.hessianExampleFraction()).isEqualTo(0.125);
  }

  @Test
  void aTrustRegionStepWithLanczosAtABudgetUsesExactlyThatManyProducts() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.DOUBLE, 1);
    NetworkObjective objective = NetworkObjective.of(network, ObjectiveOptions.defaults());
    TrustRegion method =
        TrustRegion.paper()
            .withSolver(
                io.github.trustregion.optimizers.subproblem.LanczosTrustRegionSolver.withBudget(5));

    StepReport report =
        method
            .newState(objective.dimension())
            .step(
                objective.parameters(), objective.on(TinyNetworks.batch(16, DataType.DOUBLE, 61)));

    assertThat(report.hessianVectorProducts()).isEqualTo(5);
  }

  @Test
  void trCodeRunsItsProductsOnTheSubset() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.FLOAT, 1);
    DataSet batch = TinyNetworks.batch(32, DataType.FLOAT, 52);
    NetworkObjective objective = NetworkObjective.of(network, ObjectiveOptions.defaults());

    StepReport report =
        new TrCode(0.1, 1, 2, 1e5, 0.5)
            .newState(objective.dimension())
            .step(objective.parameters(), objective.on(batch));

    assertThat(report.hessianExampleFraction()).isEqualTo(0.5);
    assertThat(report.subsetGradientEvaluations()).isEqualTo(1);
    assertThat(report.hessianVectorProducts()).isEqualTo(2);
    assertThat(report.gradientEvaluations()).isEqualTo(1);
    assertThat(report.functionEvaluations()).isZero();
  }

  @Test
  void subsetSizeIsTheCeilingOfFractionTimesBatchWithoutRoundingPastWholeNumbers() {
    assertThat(HessianSubsample.size(0.1, 30)).isEqualTo(3);
    assertThat(HessianSubsample.size(0.05, 512)).isEqualTo(26);
    assertThat(HessianSubsample.size(0.3, 32)).isEqualTo(10);
    assertThat(HessianSubsample.size(1.0, 7)).isEqualTo(7);
    assertThat(HessianSubsample.size(1e-9, 7)).isEqualTo(1);
  }

  @Test
  void checkRefusesFractionsLeavingFewerThanEightExamplesNamingTheSettingAndBatchSize() {
    assertThat(HessianSubsample.check(0.05, 100))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains("hessianBatchFraction")
                    .contains("batch size 100")
                    .contains("0.08"));
    assertThat(HessianSubsample.check(0.08, 100)).isEmpty();
    assertThat(HessianSubsample.check(1.0, 4)).isEmpty();
    assertThat(HessianSubsample.check(0.0, 100))
        .hasValueSatisfying(
            message -> assertThat(message).contains("hessianBatchFraction").contains("(0, 1]"));
    assertThat(HessianSubsample.check(1.5, 100)).isPresent();
  }

  @Test
  void aFractionBelowOneIsRefusedOnAnObjectiveThatIsNoMeanOverExamples() {
    AnalyticObjective analytic = new AnalyticObjective(AnalyticObjective.ROSENBROCK, 2);
    TrustRegion method =
        TrustRegion.paper().withHessian(HessianSettings.defaults().withBatchFraction(0.5));

    assertThatThrownBy(() -> method.newState(2).step(AnalyticObjective.vector(0.1, 0.2), analytic))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hessianBatchFraction");
  }

  @Test
  void selectionDrawsDistinctIncreasingIndicesOfTheBatch() {
    int[] chosen = HessianSubsample.select(50, 13, 1, 2);
    assertThat(chosen).hasSize(13).isSorted();
    assertThat(Arrays.stream(chosen).min().getAsInt()).isGreaterThanOrEqualTo(0);
    assertThat(Arrays.stream(chosen).max().getAsInt()).isLessThan(50);
    assertThat(Arrays.stream(chosen).distinct().count()).isEqualTo(13);
    assertThat(HessianSubsample.select(50, 13, 1, 2)).containsExactly(chosen);
    assertThat(HessianSubsample.select(50, 13, 1, 3)).isNotEqualTo(chosen);
  }

  private static float[] trajectoryEnd(io.github.trustregion.optimizers.TrainingMethod method) {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.FLOAT, 1);
    NetworkObjective objective = NetworkObjective.of(network, ObjectiveOptions.defaults());
    MethodState state = method.newState(objective.dimension(), 5);
    for (int step = 0; step < 6; step++) {
      state.step(
          objective.parameters(), objective.on(TinyNetworks.batch(16, DataType.FLOAT, 100 + step)));
    }
    return objective.parameters().toFloatVector();
  }

  /** Copies the examples {@code rows} into a new batch, in plain Java. */
  private static DataSet rowsOf(DataSet batch, int[] rows) {
    double[][] features = batch.getFeatures().toDoubleMatrix();
    double[][] labels = batch.getLabels().toDoubleMatrix();
    double[][] pickedFeatures = new double[rows.length][];
    double[][] pickedLabels = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      pickedFeatures[i] = features[rows[i]];
      pickedLabels[i] = labels[rows[i]];
    }
    return new DataSet(Nd4j.createFromArray(pickedFeatures), Nd4j.createFromArray(pickedLabels));
  }

  /**
   * F(x) = ½xᵀAx + bᵀx on a pretend minibatch of B examples, whose subset Hessian is (m/B)·A, and
   * which records the subsets it was asked for.
   */
  private static final class RecordingObjective implements ExampleMeanObjective {
    private static final double[][] A = {{2.0, 0.5}, {0.5, -1.0}};
    private static final double[] B = {0.7, -0.2};
    private final int batch;
    final List<int[]> requests = new ArrayList<>();
    final List<int[]> productSubsets = new ArrayList<>();

    RecordingObjective(int batch) {
      this.batch = batch;
    }

    static double[] times(double[] x) {
      return new double[] {A[0][0] * x[0] + A[0][1] * x[1], A[1][0] * x[0] + A[1][1] * x[1]};
    }

    static double[] gradient(double[] x) {
      double[] ax = times(x);
      return new double[] {ax[0] + B[0], ax[1] + B[1]};
    }

    @Override
    public long dimension() {
      return 2;
    }

    @Override
    public OptionalInt batchSize() {
      return OptionalInt.of(batch);
    }

    @Override
    public double value(INDArray x) {
      double[] p = x.toDoubleVector();
      double[] ap = times(p);
      return 0.5 * (p[0] * ap[0] + p[1] * ap[1]) + B[0] * p[0] + B[1] * p[1];
    }

    @Override
    public ValueAndGradient valueAndGradient(INDArray x) {
      return new ValueAndGradient(value(x), AnalyticObjective.vector(gradient(x.toDoubleVector())));
    }

    @Override
    public HessianVectorProduct hessianAt(INDArray x, INDArray gradientAtX) {
      return v -> AnalyticObjective.vector(times(v.toDoubleVector())).reshape(v.shape());
    }

    @Override
    public SampledHessian hessianAt(
        INDArray x, INDArray gradientAtX, HessianMode mode, double fixedStep, int[] examples) {
      int[] subset = examples.clone();
      requests.add(subset);
      double scale = (double) subset.length / batch;
      HessianVectorProduct product =
          v -> {
            productSubsets.add(subset);
            double[] av = times(v.toDoubleVector());
            return AnalyticObjective.vector(scale * av[0], scale * av[1]).reshape(v.shape());
          };
      return new SampledHessian(product, 1, scale);
    }
  }
}
