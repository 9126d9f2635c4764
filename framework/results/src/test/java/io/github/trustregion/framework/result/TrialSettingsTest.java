package io.github.trustregion.framework.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrialSettingsTest {

  private static Map<String, String> training(String method, String batchSize, String repeat) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("method", method);
    p.put("batchSize", batchSize);
    p.put("seed", "42" + repeat);
    p.put("repeat", repeat);
    p.put("scale", "ci");
    p.put("trialType", "training");
    p.put("weightDecay", "0.0");
    p.put("optimizer", method);
    p.put("epochs", "6");
    return p;
  }

  @Test
  void aSettingIsEveryParameterButTheMethodsDescriptionsAndTheRepetition() {
    assertThat(TrialSettings.of(training("Hybrid", "128", "2")))
        .containsExactly(
            Map.entry("batchSize", "128"),
            Map.entry("epochs", "6"),
            Map.entry("scale", "ci"),
            Map.entry("weightDecay", "0.0"));
    Map<String, String> track =
        Map.of(
            "method",
            "SGD-TR-SGD",
            "stages",
            "SGD(1) > TR(1) > SGD(1)",
            "trialType",
            "track",
            "seed",
            "1",
            "repeat",
            "0",
            "batchSize",
            "64");
    assertThat(TrialSettings.of(track)).containsExactly(Map.entry("batchSize", "64"));
    Map<String, String> interpolation =
        Map.of(
            "pair",
            "TR vs SGD",
            "methodA",
            "TR",
            "methodB",
            "SGD",
            "trialA",
            "e4__TR__r0",
            "alphaSteps",
            "21");
    assertThat(TrialSettings.of(interpolation, Set.of("e4__TR__r0")))
        .containsExactly(Map.entry("alphaSteps", "21"));
  }

  @Test
  void theDistinguishingKeysAreThoseNotSharedByEverySetting() {
    List<Map<String, String>> settings =
        List.of(
            TrialSettings.of(training("SGD", "128", "0")),
            TrialSettings.of(training("TR", "2048", "1")),
            Map.of("batchSize", "128", "epochs", "6", "scale", "ci"));

    // weightDecay is absent from the third setting: an absence tells settings apart as a value
    // does.
    assertThat(TrialSettings.distinguishing(settings))
        .containsExactlyInAnyOrder("batchSize", "weightDecay");
    assertThat(TrialSettings.distinguishing(settings.subList(0, 1))).isEmpty();
    assertThat(TrialSettings.distinguishing(List.of())).isEmpty();
  }

  @Test
  void restrictingToTheDistinguishingKeysGroupsAsTheWholeSettingDoes() {
    List<Map<String, String>> all =
        List.of(
            training("SGD", "128", "0"),
            training("TR", "128", "1"),
            training("SGD", "2048", "0"),
            withValue(training("SGD", "2048", "1"), "weightDecay", "5e-4"));
    List<Map<String, String>> settings =
        all.stream().map(p -> (Map<String, String>) TrialSettings.of(p)).toList();
    Set<String> keys = TrialSettings.distinguishing(settings);

    for (Map<String, String> a : settings) {
      for (Map<String, String> b : settings) {
        assertThat(TrialSettings.restrict(a, keys).equals(TrialSettings.restrict(b, keys)))
            .isEqualTo(a.equals(b));
      }
    }
    assertThat(TrialSettings.restrict(settings.get(3), keys))
        .containsExactly(Map.entry("batchSize", "2048"), Map.entry("weightDecay", "5e-4"));
  }

  @Test
  void labelsASettingSortedByKeyAndTheEmptyOneAsAll() {
    Map<String, String> unsorted = new LinkedHashMap<>();
    unsorted.put("scale", "ci");
    unsorted.put("batchSize", "512");

    assertThat(TrialSettings.label(unsorted)).isEqualTo("batchSize=512, scale=ci");
    assertThat(TrialSettings.label(Map.of())).isEqualTo("(all)");
  }

  private static Map<String, String> withValue(
      Map<String, String> parameters, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(parameters);
    copy.put(key, value);
    return copy;
  }
}
