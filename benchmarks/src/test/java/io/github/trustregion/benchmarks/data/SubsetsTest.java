package io.github.trustregion.benchmarks.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubsetsTest {

  /** 100 one-pixel images whose pixel value is their index, classes 0–3 with 40/30/20/10 images. */
  private static ImageSet indexed() {
    byte[] pixels = new byte[100];
    int[] labels = new int[100];
    for (int i = 0; i < 100; i++) {
      pixels[i] = (byte) i;
      labels[i] = i < 40 ? 0 : i < 70 ? 1 : i < 90 ? 2 : 3;
    }
    return new ImageSet("indexed", pixels, labels, 1, 1, 1, 4);
  }

  private static int[] identities(ImageSet set) {
    int[] ids = new int[set.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = set.pixel(i, 0, 0, 0);
    }
    return ids;
  }

  @Test
  void keepsTheClassProportionsAndTakesDistinctImagesOfTheRightClass() {
    ImageSet subset = Subsets.stratified(indexed(), 20, 7, "s");

    assertThat(subset.labelCounts()).containsExactly(8, 6, 4, 2);
    int[] ids = identities(subset);
    Set<Integer> distinct = new HashSet<>();
    for (int i = 0; i < ids.length; i++) {
      distinct.add(ids[i]);
      int expectedClass = ids[i] < 40 ? 0 : ids[i] < 70 ? 1 : ids[i] < 90 ? 2 : 3;
      assertThat(subset.label(i)).isEqualTo(expectedClass);
    }
    assertThat(distinct).hasSize(20);
  }

  @Test
  void givesTheLargestRemaindersTheLeftOverPlaces() {
    // 7 of 100: exact shares 2.8, 2.1, 1.4, 0.7 → floors 2, 2, 1, 0, remainders go to classes 0 and
    // 3.
    assertThat(Subsets.stratified(indexed(), 7, 1, "s").labelCounts()).containsExactly(3, 2, 1, 1);
  }

  @Test
  void isReproducibleForOneSeedAndDiffersBetweenSeeds() {
    int[] first = identities(Subsets.stratified(indexed(), 30, 42, "a"));
    int[] again = identities(Subsets.stratified(indexed(), 30, 42, "b"));
    int[] other = identities(Subsets.stratified(indexed(), 30, 43, "c"));

    assertThat(again).containsExactly(first);
    assertThat(Arrays.equals(first, other)).isFalse();
  }

  @Test
  void returnsTheWholeSetShuffledWhenAskedForMoreThanItHas() {
    ImageSet all = Subsets.stratified(indexed(), 1000, 3, "all");

    assertThat(all.size()).isEqualTo(100);
    int[] ids = identities(all);
    int[] sorted = ids.clone();
    Arrays.sort(sorted);
    int[] expected = new int[100];
    Arrays.setAll(expected, i -> i);
    assertThat(sorted).containsExactly(expected);
    assertThat(ids).isNotEqualTo(expected);
  }

  @Test
  void permutesEveryIndexOnce() {
    int[] permutation = Subsets.permutation(50, 9);
    int[] sorted = permutation.clone();
    Arrays.sort(sorted);
    int[] expected = new int[50];
    Arrays.setAll(expected, i -> i);

    assertThat(sorted).containsExactly(expected);
    assertThat(Subsets.permutation(50, 9)).containsExactly(permutation);
  }
}
