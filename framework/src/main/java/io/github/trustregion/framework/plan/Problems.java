package io.github.trustregion.framework.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in the declaration of one experiment class, in the order they were found, so
 * that every problem is reported at once instead of the first only.
 */
final class Problems {

  private final String className;
  private final List<ValidationProblem> found = new ArrayList<>();

  /** Collects problems of the class with this fully qualified name. */
  Problems(String className) {
    this.className = className;
  }

  /** Records a problem of the annotation (as written, such as {@code @Repeats}). */
  void add(String annotation, String message) {
    found.add(new ValidationProblem(className, annotation, message));
  }

  /** Returns whether no problem was found so far. */
  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Returns the problems found so far. */
  List<ValidationProblem> list() {
    return List.copyOf(found);
  }
}
