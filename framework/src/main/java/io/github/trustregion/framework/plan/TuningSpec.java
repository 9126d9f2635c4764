package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.annotation.Tune;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One validated {@link Tune} at one scale: the grid of a standalone optimizer, how a point is
 * chosen, and where its tuning trials are in the plan.
 *
 * <p>The plan holds the tuning trials and the repeats with the optimizer's declared settings; the
 * repeats' chosen setting is resolved when they run, from the tuning trials' results (see
 * docs/method.md, "Tuning").
 *
 * @param label the optimizer label
 * @param method the method's registry name
 * @param points the grid points, each its settings in the grid's order (setting name to value)
 * @param metric the selection metric's key ({@link Tune.Metric#key()})
 * @param repeats the tuning trials per grid point and batch size
 * @param scope the scope of one choice
 * @param batchSizes the batch sizes whose grids train: every batch size of the optimizer for {@link
 *     Tune.Scope#PER_BATCH_SIZE}, the one tuning batch size for {@link Tune.Scope#ALL_BATCH_SIZES}
 * @param epochs the epochs of each tuning trial (the optimizer's)
 * @param validationFraction the fraction of the training set held out
 */
public record TuningSpec(
    String label,
    String method,
    List<Map<String, String>> points,
    String metric,
    int repeats,
    Tune.Scope scope,
    List<Integer> batchSizes,
    int epochs,
    double validationFraction) {

  /** Copies the collections. */
  public TuningSpec {
    points =
        points.stream()
            .map(p -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(p)))
            .toList();
    batchSizes = List.copyOf(batchSizes);
  }

  /** Returns the seed of tuning repeat {@code k}: one stream of its own, shared by all methods. */
  public static long seed(long baseSeed, int k) {
    return Seeds.trialSeed(Seeds.trialSeed(baseSeed, -2), k);
  }

  /** Returns the seed of the validation split of an experiment. */
  public static long splitSeed(long baseSeed) {
    return Seeds.trialSeed(baseSeed, -3);
  }

  /** Returns the batch size whose grid chooses the setting of a repeat at {@code batchSize}. */
  public int scopeBatchSize(int batchSize) {
    return scope == Tune.Scope.ALL_BATCH_SIZES ? batchSizes.get(0) : batchSize;
  }

  /** Returns a point's settings as {@code "key=value"} strings. */
  public List<String> pointSettings(int point) {
    List<String> settings = new ArrayList<>();
    points.get(point).forEach((k, v) -> settings.add(k + "=" + v));
    return settings;
  }

  /** Returns a point in words, such as {@code "learningRate=0.1"}. */
  public String pointText(int point) {
    return String.join(", ", pointSettings(point));
  }

  /**
   * Returns the declared settings with a point's values in place of the declared ones of the same
   * names.
   */
  public List<String> withPoint(List<String> declared, int point) {
    Map<String, String> point0 = points.get(point);
    List<String> merged = new ArrayList<>();
    for (String entry : declared) {
      int eq = entry.indexOf('=');
      String key = (eq < 0 ? entry : entry.substring(0, eq)).trim();
      if (!point0.containsKey(key)) {
        merged.add(entry);
      }
    }
    merged.addAll(pointSettings(point));
    return merged;
  }

  /** Returns the tuning budget: the epochs of all tuning trials of the method. */
  public int budget() {
    return points.size() * repeats * epochs * batchSizes.size();
  }

  /** Returns the budget in words, such as "5 points × 1 repeat × 6 epochs × 2 batch sizes = 60". */
  public String budgetText() {
    return points.size()
        + " grid points × "
        + repeats
        + " tuning repeat(s) × "
        + epochs
        + " epochs × "
        + batchSizes.size()
        + " batch size(s) = "
        + budget()
        + " epochs";
  }

  /** Returns the tuning in words, as the repeats' parameter {@code tuning} records it. */
  public String description() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    points.forEach(p -> p.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>())));
    for (Map<String, String> p : points) {
      p.forEach(
          (k, v) -> {
            if (!values.get(k).contains(v)) {
              values.get(k).add(v);
            }
          });
    }
    return values.entrySet().stream()
            .map(e -> e.getKey() + " in {" + String.join(", ", e.getValue()) + "}")
            .collect(Collectors.joining(" × "))
        + " by "
        + metric
        + (scope == Tune.Scope.ALL_BATCH_SIZES
            ? ", one value for all batch sizes (tuned at " + batchSizes.get(0) + ")"
            : ", per batch size")
        + ", "
        + repeats
        + " tuning repeat(s)";
  }

  /** Returns the id of a tuning trial. */
  public static String trialId(
      String experimentId, String label, int point, int batchSize, int repeat) {
    return experimentId + "__" + label + "__tune" + point + "__b" + batchSize + "__r" + repeat;
  }

  /** Returns the ids of the tuning trials that choose the setting of one scope, by point. */
  public List<List<String>> trialIds(String experimentId, int scopeBatchSize) {
    List<List<String>> ids = new ArrayList<>();
    for (int p = 0; p < points.size(); p++) {
      List<String> point = new ArrayList<>();
      for (int k = 0; k < repeats; k++) {
        point.add(trialId(experimentId, label, p, scopeBatchSize, k));
      }
      ids.add(point);
    }
    return ids;
  }
}
