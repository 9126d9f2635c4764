package io.github.trustregion.framework.result;

import java.util.Locale;
import java.util.Set;

/**
 * The names under which the settings of different methods are compared ({@link
 * TrialResult#declaredSettings()}, {@link TrialResult#methodSettings()}): the harness checks its
 * {@code @AllowedDifferences} by them, and reports list the differences by them.
 */
public final class MethodSettingNames {

  private MethodSettingNames() {}

  /**
   * Returns the name under which a setting is compared across methods: a composite method's {@code
   * <method>.<name>} (such as Hybrid's {@code sgd.learningRate}) becomes {@code <name>} when the
   * prefix is one of the experiment's method labels or "sgd"/"tr", so that it is compared with that
   * method's own setting; any other name is returned as it is.
   *
   * @param name the setting's name as the method gives it
   * @param lowerCaseLabels the experiment's method labels in lower case
   */
  public static String comparable(String name, Set<String> lowerCaseLabels) {
    int dot = name.indexOf('.');
    if (dot > 0) {
      String prefix = name.substring(0, dot).toLowerCase(Locale.ROOT);
      if (lowerCaseLabels.contains(prefix) || prefix.equals("sgd") || prefix.equals("tr")) {
        return name.substring(dot + 1);
      }
    }
    return name;
  }
}
