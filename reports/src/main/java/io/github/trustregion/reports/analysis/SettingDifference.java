package io.github.trustregion.reports.analysis;

import java.util.List;
import java.util.Map;

/**
 * One method setting (step size, momentum, weight decay, batch size, …) and its values per method.
 *
 * @param name the setting's name
 * @param valuesByMethod the distinct values each method used, by method label
 * @param status "same", "method-specific", "differs (declared)" or "differs (NOT declared)"
 * @param flagged whether the difference is an asymmetry the experiment did not declare
 */
public record SettingDifference(
    String name, Map<String, List<String>> valuesByMethod, String status, boolean flagged) {}
