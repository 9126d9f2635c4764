package io.github.trustregion.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.custom.CustomOutcome;
import io.github.trustregion.framework.custom.CustomPlanContext;
import io.github.trustregion.framework.custom.CustomRunContext;
import io.github.trustregion.framework.custom.CustomTrial;
import io.github.trustregion.framework.custom.CustomTrials;
import io.github.trustregion.framework.fixtures.broken.BrokenExperiments;
import io.github.trustregion.framework.fixtures.broken.HiddenWorkloads;
import io.github.trustregion.framework.support.BlobsWorkload;
import io.github.trustregion.framework.workload.DataRequest;
import io.github.trustregion.framework.workload.Workload;
import io.github.trustregion.framework.workload.WorkloadData;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.api.Test;

/** Instantiates declared classes, reporting each reason for failing with the class and the fix. */
class InstantiatorTest {

  /** A workload that is never loaded. */
  public abstract static class StubWorkload implements Workload {
    @Override
    public String name() {
      return "stub";
    }

    @Override
    public WorkloadData load(DataRequest request) {
      throw new UnsupportedOperationException("never loaded");
    }

    @Override
    public Model buildNetwork(long seed) {
      throw new UnsupportedOperationException("never built");
    }
  }

  /** Needs an instance of the test class, so it has no no-argument constructor. */
  public class InnerWorkload extends StubWorkload {}

  /** Its constructor fails. */
  public static class ThrowingWorkload extends StubWorkload {
    public ThrowingWorkload() {
      throw new IllegalStateException("opened a file");
    }
  }

  /** Its requirements throw instead of listing problems. */
  public static class ThrowingRequirements extends StubWorkload {
    @Override
    public List<String> requirements(Scale scale) {
      throw new IllegalStateException("no such directory");
    }
  }

  /** An experiment that plans its own trials. */
  public static class Custom implements CustomTrials {
    @Override
    public List<CustomTrial> planTrials(CustomPlanContext context) {
      return List.of();
    }

    @Override
    public CustomOutcome runTrial(CustomTrial trial, CustomRunContext context) {
      throw new UnsupportedOperationException("never run");
    }
  }

  /** An abstract experiment that plans its own trials. */
  public abstract static class AbstractCustom extends Custom {}

  private final Problems problems = new Problems("test.Experiment");
  private final Instantiator instantiator = new Instantiator(problems);

  private String onlyMessage() {
    assertThat(problems.list()).hasSize(1);
    return problems.list().get(0).message();
  }

  @Test
  void createsAnInstanceThroughThePublicNoArgumentConstructor() {
    assertThat(instantiator.instantiate(BlobsWorkload.class, "@TrainOn", Workload.class))
        .containsInstanceOf(BlobsWorkload.class);
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void reportsAnAbstractClassNamingItsRole() {
    assertThat(
            instantiator.instantiate(
                StubWorkload.class, "@TrainOn(StubWorkload.class)", Workload.class))
        .isEmpty();

    assertThat(problems.list())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.className()).isEqualTo("test.Experiment");
              assertThat(p.annotation()).isEqualTo("@TrainOn(StubWorkload.class)");
              assertThat(p.message())
                  .isEqualTo(
                      "the Workload class "
                          + StubWorkload.class.getName()
                          + " is abstract; name a concrete class.");
            });
  }

  @Test
  void asksForAPublicStaticNoArgumentConstructorWhenThereIsNone() {
    assertThat(instantiator.instantiate(InnerWorkload.class, "@TrainOn", Workload.class)).isEmpty();
    assertThat(onlyMessage())
        .contains(InnerWorkload.class.getName())
        .contains(
            "has no public no-argument constructor; add one (and make the class public "
                + "and static)");
  }

  @Test
  void asksForANoArgumentConstructorOfAClassWithAPrivateOne() {
    instantiator.instantiate(
        BrokenExperiments.NoConstructorWorkload.class, "@TrainOn", Workload.class);
    assertThat(onlyMessage())
        .contains(BrokenExperiments.NoConstructorWorkload.class.getName())
        .contains("has no public no-argument constructor");
  }

  @Test
  void reportsAConstructorThatThrowsWithItsException() {
    assertThat(instantiator.instantiate(ThrowingWorkload.class, "@TrainOn", Workload.class))
        .isEmpty();
    assertThat(onlyMessage())
        .isEqualTo(
            "the constructor of "
                + ThrowingWorkload.class.getName()
                + " threw java.lang.IllegalStateException: opened a file; constructors must not load data"
                + " or touch ND4J.");
  }

  @Test
  void asksToMakeAClassPublicWhenItsConstructorCannotBeCalled() {
    Class<? extends Workload> hidden = HiddenWorkloads.notPublic();

    assertThat(instantiator.instantiate(hidden, "@TrainOn", Workload.class)).isEmpty();
    assertThat(onlyMessage())
        .startsWith("cannot instantiate " + hidden.getName() + ": ")
        .contains("IllegalAccessException")
        .endsWith("; make the class and its no-argument constructor public.");
  }

  @Test
  void reportsTheUnmetRequirementsOfAWorkloadAtTheScale() {
    assertThat(
            instantiator.workload(
                BlobsWorkload.SmokeOnly.class, "@TrainOn(SmokeOnly.class)", Scale.SMOKE))
        .isPresent();
    assertThat(problems.isEmpty()).isTrue();

    assertThat(
            instantiator.workload(
                BlobsWorkload.SmokeOnly.class, "@TrainOn(SmokeOnly.class)", Scale.CI))
        .isPresent();
    assertThat(problems.list())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.annotation()).isEqualTo("@TrainOn(SmokeOnly.class)");
              assertThat(p.message()).contains("/nonexistent/blobs.bin is missing");
            });
  }

  @Test
  void reportsRequirementsThatThrow() {
    instantiator.workload(ThrowingRequirements.class, "@TrainOn", Scale.PAPER);

    assertThat(onlyMessage())
        .isEqualTo(
            "the workload's requirements(PAPER) threw "
                + "java.lang.IllegalStateException: no such directory; it must report problems as a "
                + "list, not throw.");
  }

  @Test
  void instantiatesAConcreteExperimentThatPlansCustomTrialsAndNoOther() {
    assertThat(instantiator.customTrials(Custom.class)).containsInstanceOf(Custom.class);
    assertThat(instantiator.customTrials(AbstractCustom.class)).isEmpty();
    assertThat(instantiator.customTrials(BlobsWorkload.class)).isEmpty();
    assertThat(problems.isEmpty()).isTrue();
  }
}
