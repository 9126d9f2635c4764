package io.github.trustregion.framework.annotation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How large an experiment runs: a preset of epochs, data sizes, batch sizes and repeats chosen per
 * experiment with {@link AtScale}.
 */
public enum Scale {
  /** Seconds per experiment; used by the tests. */
  SMOKE,
  /** The nightly run on 2 CPU cores: an hour at most for all experiments together. */
  CI,
  /**
   * A study that can test the paper's claims on 2 CPU cores: the whole of Fashion-MNIST (60,000
   * training and 10,000 test images), at least 800 optimizer steps at the largest batch size, at
   * least 5 repeats that pair by repeat index (same initialization and data order for every method)
   * in every experiment that declares claims, and the same number of epochs for every method of an
   * experiment; each experiment's network is chosen to fit the budget (the MLP where the small
   * CNN's trust-region epochs would not). Larger than {@link #CI}, far smaller than {@link #PAPER}.
   */
  STUDY,
  /** The paper's settings, for a GPU. */
  PAPER;

  /** Returns the lower-case name used in system properties, file contents and trial parameters. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a scale name, ignoring case.
   *
   * @throws IllegalArgumentException naming the known scales when {@code text} is none of them
   */
  public static Scale parse(String text) {
    for (Scale scale : values()) {
      if (scale.id().equalsIgnoreCase(text.trim())) {
        return scale;
      }
    }
    throw new IllegalArgumentException(
        "Unknown scale '"
            + text
            + "'; use one of "
            + Arrays.stream(values()).map(Scale::id).collect(Collectors.joining(", "))
            + ".");
  }
}
