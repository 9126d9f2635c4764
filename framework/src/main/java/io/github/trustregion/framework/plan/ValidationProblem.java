package io.github.trustregion.framework.plan;

/**
 * One thing wrong with an experiment declaration.
 *
 * @param className the experiment class
 * @param annotation the annotation (or other element) at fault, such as {@code @Optimizer(label =
 *     "TR")}
 * @param message what is wrong and how to fix it, in full sentences
 */
public record ValidationProblem(String className, String annotation, String message) {

  /** Returns the problem as one line: class, annotation, message. */
  @Override
  public String toString() {
    return className + " " + annotation + ": " + message;
  }
}
