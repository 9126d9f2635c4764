package io.github.trustregion.reports.analysis.claims;

/**
 * One declared claim evaluated at one setting: the claims table's row.
 *
 * @param experiment the experiment that declares it
 * @param id the claim's id
 * @param statement the claim in words
 * @param source where it comes from
 * @param quantity the decided quantity in words, with the direction and threshold
 * @param setting the setting in words
 * @param test "paired t", "Welch" or "—" (not tested)
 * @param n the units of a paired test, or the trials of all groups of a Welch one
 * @param effect the estimated quantity
 * @param lower the interval's lower bound (NaN: none)
 * @param upper the interval's upper bound
 * @param p the raw one-sided p-value in the claim's direction
 * @param adjustedP its Holm-adjusted value across the run's claims
 * @param adjustedOppositeP the Holm-adjusted one-sided p-value in the opposite direction
 * @param detectable the smallest distance from the threshold this n could have detected
 * @param verdict "supported", "contradicted", "not distinguishable at this n" or "not tested (see
 *     the note)"
 * @param note what was left out or why it was not tested, or empty
 * @param paperEffect the same quantity from the paper's own numbers ({@code @PaperResult}s of the
 *     claim's methods and metric at the paper's batch size the claim names), NaN when the paper
 *     gives no number for every method
 * @param paperSetting the paper's setting of those numbers, with its batch size; empty with no
 *     paper effect
 */
public record ClaimRow(
    String experiment,
    String id,
    String statement,
    String source,
    String quantity,
    String setting,
    String test,
    int n,
    double effect,
    double lower,
    double upper,
    double p,
    double adjustedP,
    double adjustedOppositeP,
    double detectable,
    String verdict,
    String note,
    double paperEffect,
    String paperSetting) {

  /** The verdict when the claim's one-sided test rejects at the adjusted level. */
  public static final String SUPPORTED = "supported";

  /** The verdict when the opposite one-sided test rejects at the adjusted level. */
  public static final String CONTRADICTED = "contradicted";

  /** The verdict when neither one-sided test rejects. */
  public static final String NOT_DISTINGUISHABLE = "not distinguishable at this n";
}
