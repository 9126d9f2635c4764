package io.github.trustregion.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.reports.load.LoadedExperiment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingDifferencesTest {

  /** TR reports its solver's step size only inside solverSettings; Hybrid's TR phase too. */
  private static final Map<String, Map<String, String>> RECORDED =
      Map.of(
          "TR", Map.of("solverSettings", "eta=0.1, N1=1", "initialRadius", "1.0"),
          "Hybrid", Map.of("tr.solverSettings", "eta=0.05, N1=1", "tr.initialRadius", "1.0"));

  /** The same methods as declared: the step size under its own name. */
  private static final Map<String, Map<String, String>> DECLARED =
      Map.of(
          "TR", Map.of("subproblemStepSize", "0.1", "phaseOneLimit", "1", "initialRadius", "1.0"),
          "Hybrid",
              Map.of(
                  "tr.subproblemStepSize",
                  "0.05",
                  "tr.phaseOneLimit",
                  "1",
                  "tr.initialRadius",
                  "1.0"));

  private static TrialResult trial(String method, boolean withDeclared) {
    Map<String, String> parameters =
        Map.of("method", method, "batchSize", "64", "seed", "7", "repeat", "0", "scale", "smoke");
    Map<String, Map<String, String>> recorded = Map.of(method, RECORDED.get(method));
    List<EpochRecord> epochs =
        List.of(new EpochRecord(1, 0, method, 0.5, 0.8, 0.6, 0.75, 1, 1, 0, 0, null));
    return withDeclared
        ? new TrialResult(
            1,
            "e__" + method,
            "e",
            TrialStatus.COMPLETED,
            "",
            parameters,
            recorded,
            epochs,
            Map.of("finalTestAccuracy", 0.75),
            Map.of(),
            1,
            Map.of(),
            Map.of(method, DECLARED.get(method)))
        : new TrialResult(
            1,
            "e__" + method,
            "e",
            TrialStatus.COMPLETED,
            "",
            parameters,
            recorded,
            epochs,
            Map.of("finalTestAccuracy", 0.75),
            Map.of(),
            1,
            Map.of());
  }

  private static List<SettingDifference> settings(boolean withDeclared) {
    List<TrialResult> trials = List.of(trial("TR", withDeclared), trial("Hybrid", withDeclared));
    ExperimentManifest manifest =
        new ExperimentManifest(
            1,
            "e",
            "a.E",
            "e",
            "",
            "training",
            "smoke",
            "w",
            List.of("finalTestAccuracy"),
            List.of("subproblemStepSize"),
            trials.stream().map(t -> new PlannedTrial(t.trialId(), t.parameters())).toList(),
            List.of());
    LoadedExperiment experiment =
        new LoadedExperiment(Path.of("e"), manifest, trials, List.of(), List.of());
    return SettingDifferences.rows(experiment);
  }

  @Test
  void comparesDeclaredSettingsSoADeclaredStepSizeDifferenceIsNotFlagged() {
    List<SettingDifference> settings = settings(true);

    assertThat(settings).noneMatch(SettingDifference::flagged);
    assertThat(settings)
        .filteredOn(s -> s.name().equals("subproblemStepSize"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.status()).isEqualTo("differs (declared)");
              assertThat(s.valuesByMethod())
                  .isEqualTo(Map.of("TR", List.of("0.1"), "Hybrid", List.of("0.05")));
            });
    assertThat(settings)
        .filteredOn(s -> s.name().equals("phaseOneLimit"))
        .singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo("same"));
    assertThat(settings).extracting(SettingDifference::name).doesNotContain("solverSettings");
  }

  @Test
  void comparesTheMethodsOwnSettingsOfResultsWrittenBeforeDeclaredSettingsWereRecorded() {
    List<SettingDifference> settings = settings(false);

    assertThat(settings)
        .filteredOn(SettingDifference::flagged)
        .extracting(SettingDifference::name)
        .containsExactly("solverSettings");
  }

  @Test
  void flagsATrialParameterThatDiffersBetweenMethodsUnlessDeclared() {
    List<TrialResult> trials =
        List.of(
            TrialData.withMetrics(
                TrialData.parameters("TR", 0, "batchSize", "64", "epochs", "3"), Map.of()),
            TrialData.withMetrics(
                TrialData.parameters("SGD", 0, "batchSize", "128", "epochs", "3"), Map.of()));

    List<SettingDifference> undeclared =
        SettingDifferences.rows(
            TrialData.experiment("training", List.of(), List.of(), List.of(), trials));
    List<SettingDifference> declared =
        SettingDifferences.rows(
            TrialData.experiment("training", List.of(), List.of("batchSize"), List.of(), trials));

    assertThat(undeclared)
        .extracting(SettingDifference::name)
        .containsExactly("batchSize (trial parameter)", "epochs (trial parameter)");
    assertThat(undeclared.get(0).status()).isEqualTo("differs (NOT declared)");
    assertThat(undeclared.get(0).flagged()).isTrue();
    assertThat(undeclared.get(0).valuesByMethod())
        .isEqualTo(Map.of("TR", List.of("64"), "SGD", List.of("128")));
    assertThat(undeclared.get(1).status()).isEqualTo("same");
    assertThat(declared.get(0).status()).isEqualTo("differs (declared)");
    assertThat(declared.get(0).flagged()).isFalse();
  }

  @Test
  void aSettingOnlyOneMethodHasIsMethodSpecificAndIdentityHashesAreIgnored() {
    TrialResult tr =
        new TrialResult(
            1,
            "e__TR",
            "e",
            TrialStatus.COMPLETED,
            "",
            TrialData.parameters("TR", 0),
            Map.of("TR", Map.of("initialRadius", "1.0", "solver", "a.Solver@1a2b3c")),
            List.of(),
            Map.of(),
            Map.of(),
            1,
            Map.of());
    TrialResult tr2 =
        new TrialResult(
            1,
            "e__TR2",
            "e",
            TrialStatus.COMPLETED,
            "",
            TrialData.parameters("TR", 1),
            Map.of("TR", Map.of("initialRadius", "1.0", "solver", "a.Solver@9f8e7d")),
            List.of(),
            Map.of(),
            Map.of(),
            1,
            Map.of());
    TrialResult sgd =
        new TrialResult(
            1,
            "e__SGD",
            "e",
            TrialStatus.COMPLETED,
            "",
            TrialData.parameters("SGD", 0),
            Map.of("SGD", Map.of("learningRate", "0.1")),
            List.of(),
            Map.of(),
            Map.of(),
            1,
            Map.of());

    List<SettingDifference> rows =
        SettingDifferences.rows(
            TrialData.experiment(
                "training", List.of(), List.of(), List.of(), List.of(tr, tr2, sgd)));

    assertThat(rows)
        .filteredOn(d -> d.name().equals("initialRadius"))
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo("method-specific"));
    assertThat(rows)
        .filteredOn(d -> d.name().equals("solver"))
        .singleElement()
        .satisfies(
            d -> assertThat(d.valuesByMethod()).isEqualTo(Map.of("TR", List.of("a.Solver"))));
  }
}
