package io.github.trustregion.optimizers.trustregion;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.optimizers.HessianVectorProduct;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.SeededNetworks;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.hessian.NetworkObjective;
import io.github.trustregion.optimizers.hessian.ObjectiveOptions;
import io.github.trustregion.optimizers.subproblem.SolverDiagnostics;
import io.github.trustregion.optimizers.subproblem.SubproblemSolution;
import io.github.trustregion.optimizers.subproblem.SubproblemSolver;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The trust-region loop on a DL4J network whose live parameter view is the iterate. */
class TrustRegionOnNetworkTest {

  @Test
  void rejectedStepRestoresTheLiveParametersBitForBit() {
    MultiLayerNetwork network = SeededNetworks.fashionMlp(5);
    NetworkObjective objective = NetworkObjective.of(network, ObjectiveOptions.defaults());
    INDArray live = objective.parameters();
    float[] before = live.toFloatVector();
    MethodState state =
        TrustRegion.deterministic(new UphillSolver(), 1.0, 4.0).newState(objective.dimension());

    StepReport report = state.step(live, objective.on(batch()));

    TrustRegionTelemetry telemetry = report.trustRegion().orElseThrow();
    assertThat(telemetry.actualDecrease()).isNegative();
    assertThat(telemetry.accepted()).isFalse();
    assertThat(network.params().toFloatVector()).containsExactly(before);
  }

  @Test
  void acceptedStepLeavesTheLiveParametersAtXPlusZ() {
    MultiLayerNetwork network = SeededNetworks.fashionMlp(5);
    NetworkObjective objective = NetworkObjective.of(network, ObjectiveOptions.defaults());
    INDArray live = objective.parameters();
    INDArray start = live.dup();
    DownhillSolver solver = new DownhillSolver();
    MethodState state =
        TrustRegion.deterministic(solver, 1e-3, 4.0).newState(objective.dimension());

    StepReport report = state.step(live, objective.on(batch()));

    assertThat(report.trustRegion().orElseThrow().accepted()).isTrue();
    assertThat(network.params().toFloatVector())
        .containsExactly(start.add(solver.lastStep.reshape(start.shape())).toFloatVector());
  }

  private static DataSet batch() {
    java.util.Random random = new java.util.Random(17);
    float[][] pixels = new float[20][784];
    for (float[] row : pixels) {
      for (int p = 0; p < row.length; p++) {
        row[p] = random.nextFloat();
      }
    }
    INDArray features = Nd4j.createFromArray(pixels);
    INDArray labels = Nd4j.zeros(DataType.FLOAT, 20, 10);
    for (int i = 0; i < 20; i++) {
      labels.putScalar(i, i % 10, 1f);
    }
    return new DataSet(features, labels);
  }

  /** Steps up the gradient while claiming a decrease, so the ratio is negative. */
  private static final class UphillSolver implements SubproblemSolver {
    @Override
    public String name() {
      return "uphill";
    }

    @Override
    public SubproblemSolution solve(INDArray g, HessianVectorProduct h, double radius) {
      INDArray step = g.mul(radius / g.norm2Number().doubleValue());
      return new SubproblemSolution(
          step,
          -1.0,
          new SolverDiagnostics(0, 0, 0, 0, true, SolverDiagnostics.Phase.BOUNDARY, false));
    }
  }

  /**
   * The Cauchy-like step −r·g/‖g‖ with its true model value, so that a small radius gives ρ ≈ 1.
   */
  private static final class DownhillSolver implements SubproblemSolver {
    INDArray lastStep;

    @Override
    public String name() {
      return "downhill";
    }

    @Override
    public SubproblemSolution solve(INDArray g, HessianVectorProduct h, double radius) {
      INDArray step = g.mul(-radius / g.norm2Number().doubleValue());
      double model =
          0.5 * step.mul(h.multiply(step)).sumNumber().doubleValue()
              + step.mul(g).sumNumber().doubleValue();
      lastStep = step.dup();
      return new SubproblemSolution(
          step,
          model,
          new SolverDiagnostics(1, 0, 0, 1, true, SolverDiagnostics.Phase.BOUNDARY, false));
    }
  }
}
