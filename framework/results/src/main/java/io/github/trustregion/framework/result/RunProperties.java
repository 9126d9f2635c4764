package io.github.trustregion.framework.result;

/**
 * The system properties that tell a run of the experiments its scale and where to write its result
 * files: the harness reads them, and the pipeline definitions and report commands set them, so both
 * name them through these constants.
 */
public final class RunProperties {

  /** The scale to run at: {@code smoke}, {@code ci} or {@code paper}. */
  public static final String SCALE = "experiments.scale";

  /** The results directory (one subdirectory per experiment; layout in {@code package-info}). */
  public static final String RESULTS = "experiments.results";

  /** The Allure results directory; Allure's own name for it. */
  public static final String ALLURE = "allure.results.directory";

  private RunProperties() {}
}
