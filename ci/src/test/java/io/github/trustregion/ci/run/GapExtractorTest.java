package io.github.trustregion.ci.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GapExtractorTest {

  private static final GapExtractor EXTRACTOR = new GapExtractor("SGD", List.of("finalTestAccuracy"));

  @Test
  void pairsMethodsByBatchSizeAndRepeatIgnoringParametersThatDescribeTheMethod() {
    List<TrialResult> trials = List.of(
        trial("SGD", 1024, 0, 0.80, Map.of("optimizer", "SGD", "trialType", "training")),
        trial("SGD", 1024, 1, 0.82, Map.of("optimizer", "SGD", "trialType", "training")),
        trial("TR", 1024, 0, 0.85, Map.of("optimizer", "TR", "trialType", "training")),
        trial("TR", 1024, 1, 0.86, Map.of("optimizer", "TR", "trialType", "training")),
        trial("SGD-TR", 1024, 0, 0.84, Map.of("stages", "SGD(1) > TR(1)", "trialType", "track", "epochs", "2")));

    List<PairedSample> samples = EXTRACTOR.extract("e3", trials);

    assertThat(samples).extracting(s -> s.key().method()).containsExactly("SGD-TR", "TR");
    PairedSample tr = samples.get(1);
    assertThat(tr.key().setting()).containsExactly(Map.entry("batchSize", "1024"));
    assertThat(tr.repeats()).containsExactly(0, 1);
    assertThat(tr.gaps()).containsExactly(0.85 - 0.80, 0.86 - 0.82);
    assertThat(samples.get(0).repeats()).containsExactly(0);
  }

  @Test
  void ordersBatchSizesAsNumbers() {
    List<TrialResult> trials = new ArrayList<>();
    for (int batchSize : new int[] {1024, 64, 256}) {
      trials.add(trial("SGD", batchSize, 0, 0.8, Map.of()));
      trials.add(trial("TR", batchSize, 0, 0.9, Map.of()));
    }

    assertThat(EXTRACTOR.extract("e3", trials)).extracting(s -> s.key().setting().get("batchSize"))
        .containsExactly("64", "256", "1024");
  }

  @Test
  void leavesOutTrialsWithoutMethodThatDidNotCompleteOrLackTheMetric() {
    Map<String, String> custom = Map.of("pair", "TR vs SGD", "scale", "ci");
    TrialResult landscape = new TrialResult(1, "e4__path", "e3", TrialStatus.COMPLETED, "", custom, Map.of(),
        List.of(), Map.of("finalTestAccuracy", 0.9), Map.of(), 1.0, Map.of());
    TrialResult diverged = withStatus(trial("TR", 64, 1, 0.1, Map.of()), TrialStatus.DIVERGED);
    TrialResult noMetric = new TrialResult(1, "e3__TR__b64__r2", "e3", TrialStatus.COMPLETED, "",
        trial("TR", 64, 2, 0, Map.of()).parameters(), Map.of(), List.of(), Map.of(), Map.of(), 1.0, Map.of());
    List<TrialResult> trials = List.of(landscape, diverged, noMetric,
        trial("SGD", 64, 0, 0.8, Map.of()), trial("SGD", 64, 1, 0.8, Map.of()), trial("SGD", 64, 2, 0.8, Map.of()),
        trial("TR", 64, 0, 0.9, Map.of()));

    List<PairedSample> samples = EXTRACTOR.extract("e3", trials);

    assertThat(samples).singleElement().satisfies(s -> assertThat(s.repeats()).containsExactly(0));
  }

  @Test
  void rejectsTwoTrialsClaimingTheSameMethodSettingAndRepeat() {
    TrialResult first = trial("TR", 64, 0, 0.9, Map.of());
    TrialResult second = new TrialResult(1, "e3__TR__b64__r0-copy", "e3", TrialStatus.COMPLETED, "",
        first.parameters(), Map.of(), List.of(), first.metrics(), Map.of(), 1.0, Map.of());

    assertThatThrownBy(() -> EXTRACTOR.extract("e3", List.of(first, second)))
        .isInstanceOf(GateInputException.class)
        .hasMessageContaining(first.trialId())
        .hasMessageContaining(second.trialId());
  }

  private static TrialResult trial(String method, int batchSize, int repeat, double accuracy, Map<String, String> extra) {
    Map<String, String> parameters = new LinkedHashMap<>(extra);
    parameters.put("method", method);
    parameters.put("batchSize", Integer.toString(batchSize));
    parameters.put("seed", Integer.toString(17 + repeat));
    parameters.put("repeat", Integer.toString(repeat));
    parameters.put("scale", "ci");
    return new TrialResult(1, "e3__" + method + "__b" + batchSize + "__r" + repeat, "e3", TrialStatus.COMPLETED, "",
        parameters, Map.of(), List.of(), Map.of("finalTestAccuracy", accuracy), Map.of(), 1.0, Map.of());
  }

  private static TrialResult withStatus(TrialResult t, TrialStatus status) {
    return new TrialResult(t.schemaVersion(), t.trialId(), t.experiment(), status, "NaN", t.parameters(),
        t.methodSettings(), t.epochs(), t.metrics(), t.series(), t.wallSeconds(), t.environment());
  }
}
