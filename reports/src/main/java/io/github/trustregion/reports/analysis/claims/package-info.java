/**
 * Evaluates the claims experiments declare ({@code ClaimDeclaration} in the manifest): per claim
 * and setting, the decided quantity from the trials, the paired t-test where trials pair by repeat
 * index and Welch's test otherwise, Holm's correction across the claims of a run, and a verdict in
 * words with the smallest effect the run could have detected (see docs/method.md, "Statistics",
 * "Claims").
 */
package io.github.trustregion.reports.analysis.claims;
