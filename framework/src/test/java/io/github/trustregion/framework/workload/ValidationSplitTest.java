package io.github.trustregion.framework.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class ValidationSplitTest {

  /** 100 rows of class 0, 50 of class 1, 10 of class 2, interleaved. */
  private static int[] classes() {
    int[] classes = new int[160];
    for (int i = 0; i < 160; i++) {
      classes[i] = i < 150 ? (i % 3 == 2 ? 1 : 0) : 2;
    }
    return classes;
  }

  private static long count(int[] rows, int[] classes, int c) {
    return Arrays.stream(rows).filter(r -> classes[r] == c).count();
  }

  @Test
  void holdsOutTheFractionOfEveryClass() {
    int[] classes = classes();
    assertThat(count(IntStream.range(0, 160).toArray(), classes, 0)).isEqualTo(100);
    assertThat(count(IntStream.range(0, 160).toArray(), classes, 1)).isEqualTo(50);

    ValidationSplit split = ValidationSplit.of(classes, 0.2, 7);

    assertThat(count(split.validationRows(), classes, 0)).isEqualTo(20);
    assertThat(count(split.validationRows(), classes, 1)).isEqualTo(10);
    assertThat(count(split.validationRows(), classes, 2)).isEqualTo(2);
    assertThat(count(split.fitRows(), classes, 0)).isEqualTo(80);
    assertThat(count(split.fitRows(), classes, 1)).isEqualTo(40);
    assertThat(count(split.fitRows(), classes, 2)).isEqualTo(8);
  }

  @Test
  void isDisjointCoversEveryRowAndKeepsTheOrder() {
    ValidationSplit split = ValidationSplit.of(classes(), 0.25, 3);

    int[] all =
        IntStream.concat(Arrays.stream(split.fitRows()), Arrays.stream(split.validationRows()))
            .sorted()
            .toArray();
    assertThat(all).isEqualTo(IntStream.range(0, 160).toArray());
    assertThat(split.fitRows()).isSorted();
    assertThat(split.validationRows()).isSorted();
  }

  @Test
  void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
    int[] classes = classes();

    assertThat(ValidationSplit.of(classes, 0.2, 11).validationRows())
        .isEqualTo(ValidationSplit.of(classes, 0.2, 11).validationRows());
    assertThat(ValidationSplit.of(classes, 0.2, 11).validationRows())
        .isNotEqualTo(ValidationSplit.of(classes, 0.2, 12).validationRows());
  }

  @Test
  void readsTheClassesFromOneHotLabels() {
    DataSet data =
        new DataSet(Nd4j.zeros(3, 2), Nd4j.createFromArray(new float[][] {{0, 1}, {1, 0}, {0, 1}}));

    assertThat(ValidationSplit.classes(data)).containsExactly(1, 0, 1);
  }

  @Test
  void refusesAFractionOutsideTheOpenUnitIntervalOrOneThatLeavesAPartEmpty() {
    assertThatThrownBy(() -> ValidationSplit.of(classes(), 1.0, 1)).hasMessageContaining("(0, 1)");
    assertThatThrownBy(() -> ValidationSplit.of(new int[] {0, 1}, 0.2, 1))
        .hasMessageContaining("0 to validate on");
  }
}
