package io.github.trustregion.ci.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RepeatSetTest {

  @Test
  void aSetOfTwoRangesHoldsTheirRepeatsInOrder() {
    RepeatSet set = RepeatSet.parse("60-119, 0-29", "--baseline-repeats");

    assertThat(set.size()).isEqualTo(90);
    assertThat(set.repeats())
        .containsExactlyElementsOf(
            IntStream.concat(IntStream.rangeClosed(0, 29), IntStream.rangeClosed(60, 119))
                .boxed()
                .toList());
    assertThat(set.contains(29)).isTrue();
    assertThat(set.contains(30)).isFalse();
    assertThat(set.contains(59)).isFalse();
    assertThat(set.contains(60)).isTrue();
    assertThat(set).hasToString("0-29,60-119");
    assertThat(RepeatSet.parse(set.toString(), "x")).isEqualTo(set);
  }

  @Test
  void aSingleRepeatIsARangeOfOne() {
    RepeatSet set = RepeatSet.parse("7,9-10", "--draw-repeats");

    assertThat(set.repeats()).containsExactly(7, 9, 10);
    assertThat(set).hasToString("7,9-10");
  }

  @Test
  void overlapIsSeenAcrossTheRangesOfTwoSets() {
    RepeatSet baseline = RepeatSet.parse("0-29,60-119", "a");

    assertThat(baseline.overlaps(RepeatSet.range(30, 59))).isFalse();
    assertThat(baseline.overlaps(RepeatSet.range(59, 60))).isTrue();
    assertThat(baseline.overlaps(RepeatSet.parse("30-40,119", "b"))).isTrue();
    assertThat(RepeatSet.range(30, 59).overlaps(baseline)).isFalse();
  }

  @Test
  void malformedOrOverlappingRangesAreRefusedNamingTheOption() {
    for (String text : List.of("", "a-b", "5-3", "1-2-3", "-1", "0-29,", "0-29,20-40")) {
      assertThatThrownBy(() -> RepeatSet.parse(text, "--baseline-repeats"))
          .as(text)
          .isInstanceOf(GateInputException.class)
          .hasMessageContaining("--baseline-repeats '" + text + "'")
          .hasMessageContaining("0-29,60-119");
    }
  }
}
