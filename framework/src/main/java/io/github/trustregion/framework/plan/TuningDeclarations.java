package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.Tune;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.result.TuningChoice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Checks an experiment's {@link Tune}s at one scale and resolves them into {@link TuningSpec}s: the
 * named optimizer, the grid (known settings, valid values, no empty list), the repeats, the scope's
 * batch size, one validation fraction, and the budget parity of the tuned methods.
 */
final class TuningDeclarations {

  /** The {@code @AllowedDifferences} name that permits different tuning budgets. */
  static final String BUDGET = TuningChoice.BUDGET;

  private final Class<?> type;
  private final MethodRegistry registry;
  private final Problems problems;

  TuningDeclarations(Class<?> type, MethodRegistry registry, Problems problems) {
    this.type = type;
    this.registry = registry;
    this.problems = problems;
  }

  /**
   * Returns the tunings of the optimizers active at the scale, reporting every problem.
   *
   * @param active the {@code @Optimizer}s active at the scale
   * @param batchSizes the experiment's batch sizes at the scale
   * @param epochs the standalone optimizers' epochs at the scale
   * @param allowedDifferences the names of {@code @AllowedDifferences}
   */
  List<TuningSpec> resolve(
      List<Optimizer> active,
      List<Integer> batchSizes,
      int epochs,
      List<String> allowedDifferences) {
    List<Tune> tunes = AnnotationSupport.findRepeatableAnnotations(type, Tune.class);
    if (tunes.isEmpty()) {
      return List.of();
    }
    Set<String> declared =
        AnnotationSupport.findRepeatableAnnotations(type, Optimizer.class).stream()
            .map(Optimizer::label)
            .collect(Collectors.toCollection(TreeSet::new));
    Map<String, Optimizer> byLabel = new LinkedHashMap<>();
    active.forEach(o -> byLabel.putIfAbsent(o.label(), o));
    List<TuningSpec> specs = new ArrayList<>();
    Set<String> tuned = new HashSet<>();
    Set<Double> fractions = new TreeSet<>();
    for (Tune tune : tunes) {
      String where = "@Tune(optimizer = \"" + tune.optimizer() + "\")";
      if (!declared.contains(tune.optimizer())) {
        problems.add(
            where,
            "no @Optimizer has the label '"
                + tune.optimizer()
                + "'; name one of "
                + declared
                + ".");
        continue;
      }
      Optimizer o = byLabel.get(tune.optimizer());
      if (o == null) {
        continue;
      }
      if (!tuned.add(o.label())) {
        problems.add(where, "the optimizer is tuned twice; keep one @Tune per optimizer.");
        continue;
      }
      if (!o.standalone()) {
        problems.add(
            where,
            "the optimizer is not standalone (it runs only in tracks); tune a standalone"
                + " @Optimizer.");
        continue;
      }
      int before = problems.list().size();
      String method = o.method().isBlank() ? o.label() : o.method();
      List<Map<String, String>> points = grid(tune, method, where);
      if (tune.repeats() < 1) {
        problems.add(where, "repeats = " + tune.repeats() + " must be at least 1.");
      }
      if (!(tune.validationFraction() > 0 && tune.validationFraction() < 1)) {
        problems.add(
            where,
            "validationFraction = "
                + tune.validationFraction()
                + " must lie in (0, 1), such as 0.2.");
      }
      fractions.add(tune.validationFraction());
      List<Integer> sizes =
          o.batchSizes().length > 0 ? ScaledValues.list(o.batchSizes()) : batchSizes;
      List<Integer> tuningSizes;
      if (tune.scope() == Tune.Scope.ALL_BATCH_SIZES) {
        int size =
            tune.batchSize() == 0
                ? sizes.stream().mapToInt(Integer::intValue).min().orElse(0)
                : tune.batchSize();
        if (tune.batchSize() != 0 && !sizes.contains(tune.batchSize())) {
          problems.add(
              where,
              "batchSize = "
                  + tune.batchSize()
                  + " is not one of the optimizer's batch sizes "
                  + sizes
                  + "; use one of them or 0 (the smallest).");
        }
        tuningSizes = List.of(size);
      } else {
        if (tune.batchSize() != 0) {
          problems.add(
              where,
              "batchSize = "
                  + tune.batchSize()
                  + " has no effect with scope = PER_BATCH_SIZE (each batch size is tuned); remove"
                  + " it or use scope = ALL_BATCH_SIZES.");
        }
        tuningSizes = sizes;
      }
      if (problems.list().size() == before) {
        specs.add(
            new TuningSpec(
                o.label(),
                method,
                points,
                tune.select().key(),
                tune.repeats(),
                tune.scope(),
                tuningSizes,
                epochs,
                tune.validationFraction()));
      }
    }
    if (fractions.size() > 1) {
      problems.add(
          "@Tune",
          "the @Tune declarations hold out different validation fractions "
              + fractions
              + "; use one validationFraction for all, so that every method is tuned on the same"
              + " split.");
    }
    checkBudgets(specs, allowedDifferences);
    return specs;
  }

  private List<Map<String, String>> grid(Tune tune, String method, String where) {
    if (tune.grid().length == 0) {
      problems.add(where, "grid is empty; list at least one \"setting=v1,v2,...\" entry to tune.");
      return List.of();
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String entry : tune.grid()) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        problems.add(
            where,
            "the grid entry '"
                + entry
                + "' is not of the form \"setting=v1,v2,...\", such as"
                + " \"learningRate=0.01,0.1,1.0\".");
        continue;
      }
      String key = entry.substring(0, eq).trim();
      List<String> list =
          Arrays.stream(entry.substring(eq + 1).split(",", -1)).map(String::trim).toList();
      if (list.stream().anyMatch(String::isEmpty)) {
        problems.add(
            where,
            "the grid entry '"
                + entry
                + "' has an empty list or an empty value; list the values of "
                + key
                + " separated by commas, such as \""
                + key
                + "=0.01,0.1,1.0\".");
        continue;
      }
      if (values.containsKey(key)) {
        problems.add(where, "the grid names the setting '" + key + "' twice; merge its values.");
        continue;
      }
      if (new HashSet<>(list).size() != list.size()) {
        problems.add(where, "the grid entry '" + entry + "' lists a value twice.");
        continue;
      }
      List<String> settingProblems = new ArrayList<>();
      for (String v : list) {
        registry.problems(method, List.of(key + "=" + v)).stream()
            .filter(p -> !settingProblems.contains(p))
            .forEach(settingProblems::add);
      }
      if (!settingProblems.isEmpty()) {
        settingProblems.forEach(
            p -> problems.add(where, "in grid entry '" + entry + "': " + p + "; fix @Tune(grid)."));
        continue;
      }
      values.put(key, list);
    }
    List<Map<String, String>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (var e : values.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> p : points) {
        for (String v : e.getValue()) {
          Map<String, String> q = new LinkedHashMap<>(p);
          q.put(e.getKey(), v);
          next.add(q);
        }
      }
      points = next;
    }
    return values.isEmpty() ? List.of() : points;
  }

  private void checkBudgets(List<TuningSpec> specs, List<String> allowedDifferences) {
    if (specs.size() < 2 || allowedDifferences.contains(BUDGET)) {
      return;
    }
    Set<Integer> budgets = specs.stream().map(TuningSpec::budget).collect(Collectors.toSet());
    if (budgets.size() > 1) {
      problems.add(
          "@Tune",
          "the tuned methods have different tuning budgets: "
              + specs.stream()
                  .map(s -> s.label() + ": " + s.budgetText())
                  .collect(Collectors.joining("; "))
              + ". Give every tuned method the same budget (grid points × tuning repeats × epochs"
              + " × tuned batch sizes), or declare the difference with @AllowedDifferences({\""
              + BUDGET
              + "\"}).");
    }
  }
}
