package io.github.trustregion.ci.calibration;

import io.github.trustregion.ci.run.GateInputException;

/**
 * An injected regression: in every draw, the trials of method {@code label} are replaced by the
 * trials of method {@code replacement} of experiment {@code experiment} whose repeat is the draw's
 * repeat minus {@code offset} (that experiment ran on the seeds of the calibrated one's repeats
 * {@code offset}, {@code offset + 1}, …).
 *
 * @param label the method label replaced, e.g. {@code TR}
 * @param experiment the experiment holding the weakened method, e.g. {@code e3-weakened-tr}
 * @param replacement the weakened method's label there, e.g. {@code TR-step0.03}
 * @param offset the calibrated experiment's repeat of that experiment's repeat 0
 */
public record Injection(String label, String experiment, String replacement, int offset) {

  /** The option injections are given with. */
  public static final String OPTION = "--inject";

  /**
   * Parses {@code LABEL=EXPERIMENT/LABEL2[@OFFSET]} (offset 0 when absent).
   *
   * @throws GateInputException naming {@code --inject} when the text has another form
   */
  public static Injection parse(String text) {
    String pattern = "([^=/@\\s]+)=([^=/@\\s]+)/([^=/@\\s]+)(?:@(\\d+))?";
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(pattern).matcher(text.trim());
    if (!matcher.matches()) {
      throw new GateInputException(
          OPTION
              + " '"
              + text
              + "' is not LABEL=EXPERIMENT/LABEL2[@OFFSET], e.g."
              + " TR=e3-weakened-tr/TR-step0.03@30.");
    }
    int offset;
    try {
      offset = matcher.group(4) == null ? 0 : Integer.parseInt(matcher.group(4));
    } catch (NumberFormatException e) {
      throw new GateInputException(
          OPTION + " '" + text + "': the offset " + matcher.group(4) + " is too large.", e);
    }
    return new Injection(matcher.group(1), matcher.group(2), matcher.group(3), offset);
  }

  @Override
  public String toString() {
    return label + "=" + experiment + "/" + replacement + "@" + offset;
  }
}
