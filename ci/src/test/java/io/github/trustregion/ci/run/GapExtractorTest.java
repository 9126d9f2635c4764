package io.github.trustregion.ci.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GapExtractorTest {

  private static final GapExtractor EXTRACTOR =
      new GapExtractor("SGD", List.of("finalTestAccuracy"));

  @Test
  void pairsMethodsBySettingAndRepeatIgnoringParametersThatDescribeTheMethod() {
    List<TrialResult> trials =
        List.of(
            trial("SGD", 1024, 0, 0.80, Map.of("optimizer", "SGD", "trialType", "training")),
            trial("SGD", 1024, 1, 0.82, Map.of("optimizer", "SGD", "trialType", "training")),
            trial("TR", 1024, 0, 0.85, Map.of("optimizer", "TR", "trialType", "training")),
            trial("TR", 1024, 1, 0.86, Map.of("optimizer", "TR", "trialType", "training")),
            trial(
                "SGD-TR",
                1024,
                0,
                0.84,
                Map.of("stages", "SGD(1) > TR(1)", "trialType", "track", "epochs", "2")));

    List<PairedSample> samples = EXTRACTOR.extract("e3", trials);

    assertThat(samples).extracting(s -> s.key().method()).containsExactly("SGD-TR", "TR");
    PairedSample tr = samples.get(1);
    // One batch size, scale and number of epochs: nothing tells these trials' settings apart.
    assertThat(tr.key().setting()).isEmpty();
    assertThat(tr.repeats()).containsExactly(0, 1);
    assertThat(tr.gaps()).containsExactly(0.85 - 0.80, 0.86 - 0.82);
    assertThat(samples.get(0).repeats()).containsExactly(0);
  }

  @Test
  void namesASettingByTheParametersThatTellTheExperimentsTrialsApart() {
    List<TrialResult> trials = new ArrayList<>();
    for (int batchSize : new int[] {128, 2048}) {
      trials.add(trial("SGD", batchSize, 0, 0.8, Map.of("weightDecay", "0.0")));
      trials.add(trial("TR", batchSize, 0, 0.9, Map.of("weightDecay", "0.0")));
    }

    // scale, epochs and weightDecay are the same for every trial; only the batch size differs.
    assertThat(EXTRACTOR.extract("e3", trials))
        .extracting(s -> s.key().setting())
        .containsExactly(Map.of("batchSize", "128"), Map.of("batchSize", "2048"));
  }

  @Test
  void neverPairsTrialsThatDifferInAParameterOtherThanTheMethodsAndTheRepetitions() {
    List<TrialResult> trials =
        List.of(
            trial("SGD", 64, 0, 0.80, Map.of("weightDecay", "0.0")),
            trial("TR", 64, 0, 0.90, Map.of("weightDecay", "5.0E-4")),
            trial("SGD", 64, 1, 0.81, Map.of("weightDecay", "5.0E-4")),
            trial("TR", 64, 1, 0.86, Map.of("weightDecay", "5.0E-4")));

    List<PairedSample> samples = EXTRACTOR.extract("e3", trials);

    // TR at weight decay 5e-4 is paired with SGD at 5e-4 (repeat 1) only, never with SGD at 0
    // (which is alone in its setting: no pair).
    assertThat(samples)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.key().setting()).isEqualTo(Map.of("weightDecay", "5.0E-4"));
              assertThat(s.repeats()).containsExactly(1);
              assertThat(s.gaps()).containsExactly(0.86 - 0.81);
            });
  }

  @Test
  void namesSettingsByThePlanSoThatUnfinishedTrialsDoNotRenameThem() {
    List<TrialResult> trials =
        List.of(trial("SGD", 64, 0, 0.8, Map.of()), trial("TR", 64, 0, 0.9, Map.of()));
    List<PlannedTrial> planned = new ArrayList<>();
    for (int batchSize : new int[] {64, 256}) {
      for (String method : List.of("SGD", "TR")) {
        TrialResult t = trial(method, batchSize, 0, 0, Map.of());
        planned.add(new PlannedTrial(t.trialId(), t.parameters()));
      }
    }

    assertThat(EXTRACTOR.extract("e3", trials))
        .singleElement()
        .satisfies(s -> assertThat(s.key().setting()).isEmpty());
    assertThat(EXTRACTOR.extract("e3", planned, trials))
        .singleElement()
        .satisfies(s -> assertThat(s.key().setting()).isEqualTo(Map.of("batchSize", "64")));
  }

  @Test
  void ordersBatchSizesAsNumbers() {
    List<TrialResult> trials = new ArrayList<>();
    for (int batchSize : new int[] {1024, 64, 256}) {
      trials.add(trial("SGD", batchSize, 0, 0.8, Map.of()));
      trials.add(trial("TR", batchSize, 0, 0.9, Map.of()));
    }

    assertThat(EXTRACTOR.extract("e3", trials))
        .extracting(s -> s.key().setting().get("batchSize"))
        .containsExactly("64", "256", "1024");
  }

  @Test
  void leavesOutTrialsWithoutMethodThatDidNotCompleteOrLackTheMetric() {
    Map<String, String> custom = Map.of("pair", "TR vs SGD", "scale", "ci");
    TrialResult landscape =
        new TrialResult(
            1,
            "e4__path",
            "e3",
            TrialStatus.COMPLETED,
            "",
            custom,
            Map.of(),
            List.of(),
            Map.of("finalTestAccuracy", 0.9),
            Map.of(),
            1.0,
            Map.of());
    TrialResult diverged = withStatus(trial("TR", 64, 1, 0.1, Map.of()), TrialStatus.DIVERGED);
    TrialResult noMetric =
        new TrialResult(
            1,
            "e3__TR__b64__r2",
            "e3",
            TrialStatus.COMPLETED,
            "",
            trial("TR", 64, 2, 0, Map.of()).parameters(),
            Map.of(),
            List.of(),
            Map.of(),
            Map.of(),
            1.0,
            Map.of());
    List<TrialResult> trials =
        List.of(
            landscape,
            diverged,
            noMetric,
            trial("SGD", 64, 0, 0.8, Map.of()),
            trial("SGD", 64, 1, 0.8, Map.of()),
            trial("SGD", 64, 2, 0.8, Map.of()),
            trial("TR", 64, 0, 0.9, Map.of()));

    List<PairedSample> samples = EXTRACTOR.extract("e3", trials);

    assertThat(samples).singleElement().satisfies(s -> assertThat(s.repeats()).containsExactly(0));
  }

  @Test
  void rejectsTwoTrialsClaimingTheSameMethodSettingAndRepeat() {
    TrialResult first = trial("TR", 64, 0, 0.9, Map.of());
    TrialResult second =
        new TrialResult(
            1,
            "e3__TR__b64__r0-copy",
            "e3",
            TrialStatus.COMPLETED,
            "",
            first.parameters(),
            Map.of(),
            List.of(),
            first.metrics(),
            Map.of(),
            1.0,
            Map.of());

    assertThatThrownBy(() -> EXTRACTOR.extract("e3", List.of(first, second)))
        .isInstanceOf(GateInputException.class)
        .hasMessageContaining(first.trialId())
        .hasMessageContaining(second.trialId());
  }

  private static TrialResult trial(
      String method, int batchSize, int repeat, double accuracy, Map<String, String> extra) {
    Map<String, String> parameters = new LinkedHashMap<>(extra);
    parameters.put("method", method);
    parameters.put("batchSize", Integer.toString(batchSize));
    parameters.put("seed", Integer.toString(17 + repeat));
    parameters.put("repeat", Integer.toString(repeat));
    parameters.put("scale", "ci");
    parameters.putIfAbsent("epochs", "2");
    return new TrialResult(
        1,
        "e3__" + method + "__b" + batchSize + "__r" + repeat,
        "e3",
        TrialStatus.COMPLETED,
        "",
        parameters,
        Map.of(),
        List.of(),
        Map.of("finalTestAccuracy", accuracy),
        Map.of(),
        1.0,
        Map.of());
  }

  private static TrialResult withStatus(TrialResult t, TrialStatus status) {
    return new TrialResult(
        t.schemaVersion(),
        t.trialId(),
        t.experiment(),
        status,
        "NaN",
        t.parameters(),
        t.methodSettings(),
        t.epochs(),
        t.metrics(),
        t.series(),
        t.wallSeconds(),
        t.environment());
  }
}
