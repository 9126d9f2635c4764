package io.github.trustregion.framework.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trustregion.optimizers.hessian.HessianMode;
import io.github.trustregion.optimizers.hessian.HessianSettings;
import io.github.trustregion.optimizers.method.Hybrid;
import io.github.trustregion.optimizers.method.Momentum;
import io.github.trustregion.optimizers.method.Sgd;
import io.github.trustregion.optimizers.method.TrCode;
import io.github.trustregion.optimizers.subproblem.GradientTrustRegionSolver;
import io.github.trustregion.optimizers.subproblem.LanczosTrustRegionSolver;
import io.github.trustregion.optimizers.subproblem.SteihaugCgSolver;
import io.github.trustregion.optimizers.trustregion.AcceptanceRule;
import io.github.trustregion.optimizers.trustregion.TrustRegion;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MethodRegistryTest {

  private final MethodRegistry registry = MethodRegistry.standard();

  @Test
  void findsTheBuiltInMethodsAndTheOneRegisteredByTheTests() {
    assertThat(registry.names())
        .containsExactly(
            "Adam", "FaultySGD", "Hybrid", "Momentum", "SGD", "SleepySGD", "TR", "TR-code");
  }

  @Test
  void createsMethodsWithDefaultsReplacedByTheGivenSettings() {
    assertThat(registry.create("SGD", List.of("learningRate=0.05"))).isEqualTo(new Sgd(0.05));
    assertThat(registry.create("Momentum", List.of("variant=NESTEROV")))
        .isEqualTo(new Momentum(0.1, 0.9, Momentum.Variant.NESTEROV));
    TrustRegion tr =
        (TrustRegion) registry.create("TR", List.of("initialRadius=0.5", "rule=DETERMINISTIC"));
    assertThat(tr.initialRadius()).isEqualTo(0.5);
    assertThat(tr.maxRadius()).isEqualTo(10.0);
    assertThat(tr.rule()).isEqualTo(AcceptanceRule.DETERMINISTIC);
    assertThat(tr.expandThreshold()).isEqualTo(0.9);
    assertThat(tr.acceptThreshold()).isEqualTo(0.1);
    Hybrid hybrid =
        (Hybrid) registry.create("Hybrid", List.of("sgd.learningRate=0.01", "plateau.patience=2"));
    assertThat(hybrid.sgd()).isEqualTo(new Sgd(0.01));
    assertThat(hybrid.plateau().patience()).isEqualTo(2);
    assertThat(hybrid.trustRegion().rule()).isEqualTo(AcceptanceRule.STOCHASTIC);
  }

  @Test
  void reportsMalformedDuplicatedAndMistypedSettings() {
    assertThat(registry.problems("SGD", List.of("learningRate")))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("is not of the form key=value"));
    assertThat(registry.problems("SGD", List.of("learningRate=0.1", "learningRate=0.2")))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("'learningRate' is given twice"));
    assertThat(registry.problems("TR", List.of("phaseOneLimit=two")))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("'two' is not a whole number"));
    assertThat(registry.problems("TR", List.of("rule=LUCKY")))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("is not one of [STOCHASTIC, DETERMINISTIC]"));
  }

  @Test
  void choosesTheSubproblemSolverAndItsProductBudgetForTrustRegionMethods() {
    TrustRegion paper = (TrustRegion) registry.create("TR", List.of());
    assertThat(paper.solver()).isInstanceOf(GradientTrustRegionSolver.class);
    assertThat(paper.settings()).isEqualTo(TrustRegion.paper().settings());
    TrustRegion lanczos =
        (TrustRegion) registry.create("TR", List.of("solver=lanczos", "solverProducts=7"));
    assertThat(lanczos.solver()).isEqualTo(LanczosTrustRegionSolver.withBudget(7));
    Hybrid hybrid = (Hybrid) registry.create("Hybrid", List.of("tr.solver=steihaug-cg"));
    assertThat(hybrid.trustRegion().solver()).isEqualTo(SteihaugCgSolver.withBudget(3));
    assertThat(registry.problems("TR", List.of("solver=exact")))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("is not one of [paper, lanczos, steihaug-cg]"));
  }

  @Test
  void setsTheHessianDifferenceAndSubsamplingOfTrustRegionMethods() {
    TrustRegion tr =
        (TrustRegion)
            registry.create("TR", List.of("hessian=central", "hessianBatchFraction=0.25"));
    assertThat(tr.hessian())
        .isEqualTo(
            HessianSettings.defaults()
                .withMode(HessianMode.CENTRAL_DIFFERENCE)
                .withBatchFraction(0.25));
    assertThat(tr.settings())
        .containsEntry("hessian", "central")
        .containsEntry("hessianBatchFraction", "0.25");
    Hybrid hybrid = (Hybrid) registry.create("Hybrid", List.of("tr.hessianBatchFraction=0.5"));
    assertThat(hybrid.trustRegion().hessian().batchFraction()).isEqualTo(0.5);
    assertThat(hybrid.settings()).containsEntry("tr.hessianBatchFraction", "0.5");
  }

  @Test
  void refusesValuesOutsideASettingsRangeNamingTheSettingAndTheRange() {
    assertThat(registry.problems("TR", List.of("hessianBatchFraction=0")))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .contains("TR.hessianBatchFraction=0")
                    .contains("outside the allowed range (0, 1]"));
    assertThat(registry.problems("TR-code", List.of("hessianBatchFraction=1.5")))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("hessianBatchFraction").contains("(0, 1]"));
    assertThat(registry.problems("TR-code", List.of("innerSteps=-1")))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .contains("TR-code.innerSteps=-1")
                    .contains("outside the allowed range [0, inf)"));
    assertThat(registry.problems("SGD", List.of("learningRateReferenceBatch=-64")))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("learningRateReferenceBatch").contains("[0, inf)"));
    assertThat(registry.problems("Hybrid", List.of("tr.hessianBatchFraction=1.0"))).isEmpty();
  }

  @Test
  void refusesAFractionLeavingFewerThanEightExamplesAtAGivenBatchSize() {
    assertThat(registry.problemsAtBatchSize("TR", List.of("hessianBatchFraction=0.05"), 128))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .contains("TR cannot run at batch size 128")
                    .contains("hessianBatchFraction"));
    assertThat(registry.problemsAtBatchSize("TR", List.of("hessianBatchFraction=0.05"), 512))
        .isEmpty();
    assertThat(registry.problemsAtBatchSize("Hybrid", List.of("tr.hessianBatchFraction=0.1"), 64))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("tr.hessianBatchFraction"));
    assertThat(registry.problemsAtBatchSize("TR-code", List.of("hessianBatchFraction=0.5"), 10))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("batch size 10"));
    assertThat(registry.problemsAtBatchSize("SGD", List.of(), 2)).isEmpty();
  }

  @Test
  void createsTheCodesRuleAndTheScaledFirstOrderMethods() {
    assertThat(registry.create("TR-code", List.of())).isEqualTo(TrCode.codeDefaults());
    assertThat(registry.create("TR-code", List.of("innerSteps=0", "radius=2")))
        .isEqualTo(new TrCode(0.1, 2.0, 0, 1e5, 1.0));
    assertThat(registry.create("SGD", List.of("learningRateReferenceBatch=128")))
        .isEqualTo(new Sgd(0.1, 128));
    assertThat(registry.create("SGD", List.of()).settings()).isEqualTo(new Sgd(0.1).settings());
    assertThat(registry.create("Momentum", List.of("learningRateReferenceBatch=64")))
        .isEqualTo(new Momentum(0.1, 0.9, Momentum.Variant.HEAVY_BALL, 64));
  }

  @Test
  void describesARangedSetting() {
    SettingSpec spec =
        SettingSpec.ranged(
            "f", SettingSpec.Type.DOUBLE, "1.0", "a share", SettingSpec.Range.aboveUpTo(0, 1));
    assertThat(spec.describe()).isEqualTo("f (double in (0, 1], default 1.0): a share");
    assertThat(spec.problem("1")).isEmpty();
    assertThat(spec.problem("0.0")).hasValueSatisfying(p -> assertThat(p).contains("(0, 1]"));
  }

  @Test
  void describesASettingTypeTheSameInEveryLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(SettingSpec.of("n", SettingSpec.Type.POSITIVE_INTEGER, "1", "a count").describe())
          .isEqualTo("n (positive_integer, default 1): a count");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void throwsWithTheKnownMethodsWhenCreatingAnUnknownOne() {
    assertThatThrownBy(() -> registry.create("LBFGS", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "the method 'LBFGS' is unknown; known methods: [Adam, FaultySGD, Hybrid");
  }

  @Test
  void refusesTwoProvidersWithOneName() {
    List<MethodProvider> twice =
        List.of(new BuiltInMethods.SgdProvider(), new BuiltInMethods.SgdProvider());

    assertThatThrownBy(() -> new MethodRegistry(twice))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Two method providers are named 'SGD'");
  }

  @Test
  void checksEveryValueTypeOfASetting() {
    assertThat(SettingSpec.of("x", SettingSpec.Type.DOUBLE, "0", "").problem("NaN")).isPresent();
    assertThat(SettingSpec.of("x", SettingSpec.Type.DOUBLE, "0", "").problem("-2.5")).isEmpty();
    assertThat(SettingSpec.of("x", SettingSpec.Type.POSITIVE_INTEGER, "1", "").problem("0"))
        .isPresent();
    assertThat(SettingSpec.of("x", SettingSpec.Type.INTEGER, "1", "").problem("-3")).isEmpty();
    assertThat(SettingSpec.of("x", SettingSpec.Type.BOOLEAN, "true", "").problem("yes"))
        .isPresent();
    assertThat(SettingSpec.of("x", SettingSpec.Type.BOOLEAN, "true", "").problem("false"))
        .isEmpty();
  }
}
