package io.github.trustregion.reports.analysis;

import java.util.List;

/**
 * The tuning of one method in one scope: the validation metric at every grid point, the chosen
 * point, whether it lies on the grid's edge, and what the tuning cost.
 *
 * @param method the tuned method's label
 * @param scope the scope in words: {@code "batchSize=64"}, or {@code "all batch sizes (tuned at
 *     128)"}
 * @param batchSize the batch size the grid trained at
 * @param metric the selection metric
 * @param points every grid point in grid order
 * @param chosen the index of the chosen point, or -1 when none has a finite score
 * @param chosenPoint the chosen point in words ("none" when none is chosen)
 * @param usedByRepeats the values of the tuned settings that the method's repeats recorded in this
 *     scope (empty when no repeat has run)
 * @param edge the edge note in words, such as "learningRate=1.0 is the largest value of the grid:
 *     the optimum may lie beyond it"; empty when the chosen point is inside the grid
 * @param trials the number of tuning trials
 * @param epochs the epochs of all tuning trials
 * @param gradientEquivalents the tuning cost: gradient evaluations, Hessian-vector products and
 *     value-only evaluations of all tuning trials, each one pass over a minibatch
 */
public record TuningRow(
    String method,
    String scope,
    int batchSize,
    String metric,
    List<TuningPoint> points,
    int chosen,
    String chosenPoint,
    String usedByRepeats,
    String edge,
    int trials,
    long epochs,
    double gradientEquivalents) {

  /** Copies the list. */
  public TuningRow {
    points = List.copyOf(points);
  }

  /** Returns whether the chosen point lies on an edge of the grid. */
  public boolean onEdge() {
    return !edge.isEmpty();
  }

  /**
   * One grid point.
   *
   * @param index the point's index in the grid
   * @param point the point in words, such as {@code "learningRate=0.1"}
   * @param values the point's setting values by setting, in grid order
   * @param n the tuning trials of the point
   * @param score the mean of the metric over them (NaN when any did not complete)
   */
  public record TuningPoint(
      int index, String point, java.util.Map<String, String> values, int n, double score) {}
}
