package io.github.trustregion.framework.custom;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One custom trial as planned: its id is {@code <experimentId>__<name>}.
 *
 * @param name the trial's name within the experiment, unique, letters, digits, '.', '_', '-' and
 *     '=' only (for example {@code "lambda30__r0"})
 * @param parameters its configuration, written to the manifest and the result file (keys of {@link
 *     io.github.trustregion.framework.result.TrialResult#parameters()}; the harness adds {@code
 *     scale} and {@code trialType=custom})
 * @param dependsOn ids of training trials of the same experiment whose results or models it uses;
 *     it fails with their names when one of them did not complete
 */
public record CustomTrial(String name, Map<String, String> parameters, List<String> dependsOn) {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._=-]+");

  /**
   * Checks that the name is safe for file names and copies the collections, keeping the order of
   * the parameters (listings and manifests show them as declared).
   */
  public CustomTrial {
    if (name == null || !SAFE.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "The custom trial name '"
              + name
              + "' must consist of letters, digits, '.', '_', '-' "
              + "and '=' only, so that it can be part of a file name.");
    }
    parameters.forEach(
        (key, value) -> {
          if (key == null || value == null) {
            throw new IllegalArgumentException(
                "The custom trial '"
                    + name
                    + "' has the parameter "
                    + key
                    + "="
                    + value
                    + "; give every parameter a name and a value.");
          }
        });
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    dependsOn = List.copyOf(dependsOn);
  }

  /** Creates a trial without dependencies. */
  public static CustomTrial of(String name, Map<String, String> parameters) {
    return new CustomTrial(name, parameters, List.of());
  }
}
