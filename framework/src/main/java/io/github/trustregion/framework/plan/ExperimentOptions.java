package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.result.RunProperties;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The run-time choices that override or complete an experiment's annotations: the scale, the number
 * of repeats, which experiments to run, and where results go.
 *
 * <p>Read from system properties (or JUnit configuration parameters) with {@link #from}: {@value
 * #SCALE} (default {@code ci}), {@value #REPEATS} (replaces {@code @Repeats}/{@code @AtScale}),
 * {@value #FILTER} (a regular expression found in the experiment id or class name), {@value
 * #RESULTS} (default {@code target/experiment-results}) and {@value #ALLURE} (default {@code
 * target/allure-results}).
 *
 * @param scale the scale to run at
 * @param repeats the number of repeats replacing the annotations', if given
 * @param filter selects experiments by id or class name ({@code find}, not a full match)
 * @param results the results directory
 * @param allureResults the Allure results directory, or empty to write no Allure results
 */
public record ExperimentOptions(
    Scale scale, OptionalInt repeats, Pattern filter, Path results, Optional<Path> allureResults) {

  /** The property that selects the scale. */
  public static final String SCALE = RunProperties.SCALE;

  /** The property that replaces the number of repeats. */
  public static final String REPEATS = "experiments.repeats";

  /** The property that selects experiments by a regular expression. */
  public static final String FILTER = "experiments.filter";

  /**
   * The system property naming the shard K/N of the plan that this process runs (the command line's
   * {@code --shard}; read by the engine and the command line, not part of these options).
   */
  public static final String SHARD = "experiments.shard";

  /** The property that names the results directory. */
  public static final String RESULTS = RunProperties.RESULTS;

  /** The property that names the Allure results directory (Allure's own name for it). */
  public static final String ALLURE = RunProperties.ALLURE;

  /** Checks the values. */
  public ExperimentOptions {
    if (repeats.isPresent() && repeats.getAsInt() < 1) {
      throw new IllegalArgumentException(
          "The number of repeats must be at least 1, got "
              + repeats.getAsInt()
              + " (from "
              + REPEATS
              + ").");
    }
  }

  /** Returns options with the given scale and defaults for the rest (results under target/). */
  public static ExperimentOptions defaults(Scale scale) {
    return new ExperimentOptions(
        scale,
        OptionalInt.empty(),
        Pattern.compile(""),
        Path.of("target", "experiment-results"),
        Optional.of(Path.of("target", "allure-results")));
  }

  /**
   * Reads the options from a property lookup, such as {@code System::getProperty} or a JUnit {@code
   * ConfigurationParameters}' {@code get}.
   *
   * @throws IllegalArgumentException naming the property when a value is invalid
   */
  public static ExperimentOptions from(Function<String, Optional<String>> properties) {
    Scale scale;
    try {
      scale = properties.apply(SCALE).map(Scale::parse).orElse(Scale.CI);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The property " + SCALE + " is invalid: " + e.getMessage(), e);
    }
    OptionalInt repeats = OptionalInt.empty();
    Optional<String> repeatsText = properties.apply(REPEATS).filter(s -> !s.isBlank());
    if (repeatsText.isPresent()) {
      try {
        repeats = OptionalInt.of(Integer.parseInt(repeatsText.get().trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "The property "
                + REPEATS
                + " must be a whole number, got '"
                + repeatsText.get()
                + "'.");
      }
    }
    Pattern filter;
    String filterText = properties.apply(FILTER).orElse("");
    try {
      filter = Pattern.compile(filterText);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "The property " + FILTER + " is not a valid regular expression: " + e.getMessage());
    }
    Path results =
        Path.of(
            properties
                .apply(RESULTS)
                .filter(s -> !s.isBlank())
                .orElse("target/experiment-results"));
    Path allure =
        Path.of(properties.apply(ALLURE).filter(s -> !s.isBlank()).orElse("target/allure-results"));
    return new ExperimentOptions(scale, repeats, filter, results, Optional.of(allure));
  }

  /** Returns whether an experiment with this id and class name passes the filter. */
  public boolean selects(String experimentId, String className) {
    return filter.matcher(experimentId).find() || filter.matcher(className).find();
  }

  /** Returns a copy with another scale. */
  public ExperimentOptions withScale(Scale newScale) {
    return new ExperimentOptions(newScale, repeats, filter, results, allureResults);
  }

  /** Returns a copy with another results directory. */
  public ExperimentOptions withResults(Path newResults) {
    return new ExperimentOptions(scale, repeats, filter, newResults, allureResults);
  }

  /** Returns a copy with another Allure results directory, or none. */
  public ExperimentOptions withAllureResults(Optional<Path> newAllure) {
    return new ExperimentOptions(scale, repeats, filter, results, newAllure);
  }

  /** Returns a copy with the number of repeats replaced. */
  public ExperimentOptions withRepeats(int newRepeats) {
    return new ExperimentOptions(scale, OptionalInt.of(newRepeats), filter, results, allureResults);
  }

  /** Returns a copy with another filter. */
  public ExperimentOptions withFilter(Pattern newFilter) {
    return new ExperimentOptions(scale, repeats, newFilter, results, allureResults);
  }
}
