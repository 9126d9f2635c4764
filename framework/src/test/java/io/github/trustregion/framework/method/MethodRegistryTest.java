package io.github.trustregion.framework.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trustregion.optimizers.method.Hybrid;
import io.github.trustregion.optimizers.method.Momentum;
import io.github.trustregion.optimizers.method.Sgd;
import io.github.trustregion.optimizers.trustregion.AcceptanceRule;
import io.github.trustregion.optimizers.trustregion.TrustRegion;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MethodRegistryTest {

  private final MethodRegistry registry = MethodRegistry.standard();

  @Test
  void findsTheBuiltInMethodsAndTheOneRegisteredByTheTests() {
    assertThat(registry.names()).containsExactly("Adam", "FaultySGD", "Hybrid", "Momentum", "SGD", "SleepySGD",
        "TR");
  }

  @Test
  void createsMethodsWithDefaultsReplacedByTheGivenSettings() {
    assertThat(registry.create("SGD", List.of("learningRate=0.05"))).isEqualTo(new Sgd(0.05));
    assertThat(registry.create("Momentum", List.of("variant=NESTEROV")))
        .isEqualTo(new Momentum(0.1, 0.9, Momentum.Variant.NESTEROV));
    TrustRegion tr = (TrustRegion) registry.create("TR", List.of("initialRadius=0.5", "rule=DETERMINISTIC"));
    assertThat(tr.initialRadius()).isEqualTo(0.5);
    assertThat(tr.maxRadius()).isEqualTo(10.0);
    assertThat(tr.rule()).isEqualTo(AcceptanceRule.DETERMINISTIC);
    assertThat(tr.expandThreshold()).isEqualTo(0.9);
    assertThat(tr.acceptThreshold()).isEqualTo(0.1);
    Hybrid hybrid = (Hybrid) registry.create("Hybrid", List.of("sgd.learningRate=0.01", "plateau.patience=2"));
    assertThat(hybrid.sgd()).isEqualTo(new Sgd(0.01));
    assertThat(hybrid.plateau().patience()).isEqualTo(2);
    assertThat(hybrid.trustRegion().rule()).isEqualTo(AcceptanceRule.STOCHASTIC);
  }

  @Test
  void reportsMalformedDuplicatedAndMistypedSettings() {
    assertThat(registry.problems("SGD", List.of("learningRate"))).singleElement()
        .satisfies(p -> assertThat(p).contains("is not of the form key=value"));
    assertThat(registry.problems("SGD", List.of("learningRate=0.1", "learningRate=0.2"))).singleElement()
        .satisfies(p -> assertThat(p).contains("'learningRate' is given twice"));
    assertThat(registry.problems("TR", List.of("phaseOneLimit=two"))).singleElement()
        .satisfies(p -> assertThat(p).contains("'two' is not a whole number"));
    assertThat(registry.problems("TR", List.of("rule=LUCKY"))).singleElement()
        .satisfies(p -> assertThat(p).contains("is not one of [STOCHASTIC, DETERMINISTIC]"));
  }

  @Test
  void hasNoSolverSettingForTrustRegionMethods() {
    assertThat(registry.problems("TR", List.of("solver=paper"))).singleElement()
        .satisfies(p -> assertThat(p).contains("has no setting 'solver'"));
    assertThat(registry.problems("Hybrid", List.of("tr.solver=paper"))).singleElement()
        .satisfies(p -> assertThat(p).contains("has no setting 'tr.solver'"));
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
        .hasMessageContaining("the method 'LBFGS' is unknown; known methods: [Adam, FaultySGD, Hybrid");
  }

  @Test
  void refusesTwoProvidersWithOneName() {
    List<MethodProvider> twice = List.of(new BuiltInMethods.SgdProvider(), new BuiltInMethods.SgdProvider());

    assertThatThrownBy(() -> new MethodRegistry(twice)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Two method providers are named 'SGD'");
  }

  @Test
  void checksEveryValueTypeOfASetting() {
    assertThat(SettingSpec.of("x", SettingSpec.Type.DOUBLE, "0", "").problem("NaN")).isPresent();
    assertThat(SettingSpec.of("x", SettingSpec.Type.DOUBLE, "0", "").problem("-2.5")).isEmpty();
    assertThat(SettingSpec.of("x", SettingSpec.Type.POSITIVE_INTEGER, "1", "").problem("0")).isPresent();
    assertThat(SettingSpec.of("x", SettingSpec.Type.INTEGER, "1", "").problem("-3")).isEmpty();
    assertThat(SettingSpec.of("x", SettingSpec.Type.BOOLEAN, "true", "").problem("yes")).isPresent();
    assertThat(SettingSpec.of("x", SettingSpec.Type.BOOLEAN, "true", "").problem("false")).isEmpty();
  }
}
