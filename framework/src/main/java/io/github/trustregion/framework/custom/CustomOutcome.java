package io.github.trustregion.framework.custom;

import io.github.trustregion.framework.result.Series;
import java.util.Map;

/**
 * What a custom trial measured: named scalars and named tables, stored as the trial result's {@code
 * metrics} and {@code series}.
 *
 * @param metrics named scalar results
 * @param series named tables (E1: the gap f(z_t) − f(s) per iteration; E4: loss along α)
 */
public record CustomOutcome(Map<String, Double> metrics, Map<String, Series> series) {

  /** Copies the maps. */
  public CustomOutcome {
    metrics = Map.copyOf(metrics);
    series = Map.copyOf(series);
  }
}
