package io.github.trustregion.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingDifferencesTest {

  /** TR reports its solver's step size only inside solverSettings; Hybrid's TR phase too. */
  private static final Map<String, Map<String, String>> RECORDED = Map.of(
      "TR", Map.of("solverSettings", "eta=0.1, N1=1", "initialRadius", "1.0"),
      "Hybrid", Map.of("tr.solverSettings", "eta=0.05, N1=1", "tr.initialRadius", "1.0"));

  /** The same methods as declared: the step size under its own name. */
  private static final Map<String, Map<String, String>> DECLARED = Map.of(
      "TR", Map.of("subproblemStepSize", "0.1", "phaseOneLimit", "1", "initialRadius", "1.0"),
      "Hybrid", Map.of("tr.subproblemStepSize", "0.05", "tr.phaseOneLimit", "1",
          "tr.initialRadius", "1.0"));

  private static TrialResult trial(String method, boolean withDeclared) {
    Map<String, String> parameters = Map.of("method", method, "batchSize", "64", "seed", "7",
        "repeat", "0", "scale", "smoke");
    Map<String, Map<String, String>> recorded = Map.of(method, RECORDED.get(method));
    List<EpochRecord> epochs =
        List.of(new EpochRecord(1, 0, method, 0.5, 0.8, 0.6, 0.75, 1, 1, 0, 0, null));
    return withDeclared
        ? new TrialResult(1, "e__" + method, "e", TrialStatus.COMPLETED, "", parameters, recorded,
            epochs, Map.of("finalTestAccuracy", 0.75), Map.of(), 1, Map.of(),
            Map.of(method, DECLARED.get(method)))
        : new TrialResult(1, "e__" + method, "e", TrialStatus.COMPLETED, "", parameters, recorded,
            epochs, Map.of("finalTestAccuracy", 0.75), Map.of(), 1, Map.of());
  }

  private static List<SettingDifference> settings(boolean withDeclared) {
    List<TrialResult> trials = List.of(trial("TR", withDeclared), trial("Hybrid", withDeclared));
    ExperimentManifest manifest = new ExperimentManifest(1, "e", "a.E", "e", "", "training",
        "smoke", "w", List.of("finalTestAccuracy"), List.of("subproblemStepSize"),
        trials.stream().map(t -> new PlannedTrial(t.trialId(), t.parameters())).toList(),
        List.of());
    LoadedExperiment experiment =
        new LoadedExperiment(Path.of("e"), manifest, trials, List.of(), List.of());
    return new Analyzer(ComparisonSettings.defaults()).analyze(experiment).settings();
  }

  @Test
  void comparesDeclaredSettingsSoADeclaredStepSizeDifferenceIsNotFlagged() {
    List<SettingDifference> settings = settings(true);

    assertThat(settings).noneMatch(SettingDifference::flagged);
    assertThat(settings).filteredOn(s -> s.name().equals("subproblemStepSize")).singleElement()
        .satisfies(s -> {
          assertThat(s.status()).isEqualTo("differs (declared)");
          assertThat(s.valuesByMethod()).isEqualTo(
              Map.of("TR", List.of("0.1"), "Hybrid", List.of("0.05")));
        });
    assertThat(settings).filteredOn(s -> s.name().equals("phaseOneLimit")).singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo("same"));
    assertThat(settings).extracting(SettingDifference::name).doesNotContain("solverSettings");
  }

  @Test
  void comparesTheMethodsOwnSettingsOfResultsWrittenBeforeDeclaredSettingsWereRecorded() {
    List<SettingDifference> settings = settings(false);

    assertThat(settings).filteredOn(SettingDifference::flagged).extracting(SettingDifference::name)
        .containsExactly("solverSettings");
  }
}
