package io.github.trustregion.framework.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A seeded, stratified split of a training set into the part trained on while tuning and the held
 * out validation part.
 *
 * <p>Per class (the index of the largest label entry), the rows of that class are shuffled with a
 * {@link SplittableRandom} of the seed (one stream, classes in increasing order) and the first
 * round(fraction × count) of them are held out, so each class keeps its share in both parts. Both
 * parts keep the training set's order. The same data, fraction and seed give the same split.
 *
 * @param fitRows the rows trained on, increasing
 * @param validationRows the rows held out, increasing
 */
public record ValidationSplit(int[] fitRows, int[] validationRows) {

  /** Copies the arrays. */
  public ValidationSplit {
    fitRows = fitRows.clone();
    validationRows = validationRows.clone();
  }

  /**
   * Splits rows given the class of each row ({@link #classes}).
   *
   * @param classes the class of every row
   * @param fraction the held-out fraction, in (0, 1)
   * @param seed the seed of the shuffle
   * @throws IllegalArgumentException when the fraction is outside (0, 1) or nothing would remain in
   *     either part
   */
  public static ValidationSplit of(int[] classes, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "The validation fraction must lie in (0, 1), got " + fraction + "; fix @Tune.");
    }
    TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
    for (int i = 0; i < classes.length; i++) {
      byClass.computeIfAbsent(classes[i], c -> new ArrayList<>()).add(i);
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] held = new boolean[classes.length];
    for (List<Integer> rows : byClass.values()) {
      int[] shuffled = rows.stream().mapToInt(Integer::intValue).toArray();
      for (int i = shuffled.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = shuffled[i];
        shuffled[i] = shuffled[j];
        shuffled[j] = t;
      }
      int count = (int) Math.round(fraction * shuffled.length);
      for (int i = 0; i < count; i++) {
        held[shuffled[i]] = true;
      }
    }
    int[] validation =
        java.util.stream.IntStream.range(0, held.length).filter(i -> held[i]).toArray();
    int[] fit = java.util.stream.IntStream.range(0, held.length).filter(i -> !held[i]).toArray();
    if (validation.length == 0 || fit.length == 0) {
      throw new IllegalArgumentException(
          "A validation fraction of "
              + fraction
              + " of "
              + classes.length
              + " training examples leaves "
              + fit.length
              + " to train on and "
              + validation.length
              + " to validate on; use more training examples or another @Tune(validationFraction).");
    }
    return new ValidationSplit(fit, validation);
  }

  /** Returns the class of every row of a data set: the index of each label row's largest entry. */
  public static int[] classes(DataSet data) {
    INDArray labels = data.getLabels();
    long[] argmax = labels.argMax(1).toLongVector();
    return Arrays.stream(argmax).mapToInt(Math::toIntExact).toArray();
  }
}
