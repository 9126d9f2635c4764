package io.github.trustregion.ci.run;

import java.util.List;

/**
 * The metric of a method and of the reference method over the repeats that both completed, paired
 * by repeat (trials of one repeat share the seed, hence the initial parameters and data order).
 *
 * @param key what is compared
 * @param repeats the repeat indices, ascending
 * @param methodValues the method's metric per repeat, in the order of {@code repeats}
 * @param referenceValues the reference method's metric per repeat, in the same order
 */
public record PairedSample(
    ComparisonKey key,
    List<Integer> repeats,
    List<Double> methodValues,
    List<Double> referenceValues) {

  /** Copies the lists and checks that they have one value per repeat. */
  public PairedSample {
    repeats = List.copyOf(repeats);
    methodValues = List.copyOf(methodValues);
    referenceValues = List.copyOf(referenceValues);
    if (methodValues.size() != repeats.size() || referenceValues.size() != repeats.size()) {
      throw new IllegalArgumentException(
          "A paired sample of "
              + key
              + " needs one value per repeat for both methods, but has "
              + repeats.size()
              + " repeats, "
              + methodValues.size()
              + " method values and "
              + referenceValues.size()
              + " reference values.");
    }
  }

  /** Returns the number of pairs. */
  public int size() {
    return repeats.size();
  }

  /** Returns the per-repeat gaps {@code method − reference}. */
  public double[] gaps() {
    double[] gaps = new double[repeats.size()];
    for (int i = 0; i < gaps.length; i++) {
      gaps[i] = methodValues.get(i) - referenceValues.get(i);
    }
    return gaps;
  }

  /** Returns the method's values as an array. */
  public double[] methodArray() {
    return methodValues.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Returns the reference method's values as an array. */
  public double[] referenceArray() {
    return referenceValues.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
