/**
 * JMH micro-benchmarks of the trust-region method's building blocks: gradients, finite-difference
 * Hessian-vector products and whole SGD and TR steps on the CPU-scale networks, and the subproblem
 * solvers on the paper's random indefinite problems. Run them with the {@code jmh} Maven profile of
 * this module. {@link io.github.trustregion.benchmarks.jmh.StepCostBreakdown} splits one TR step's
 * time into its oracles and the rest, within the same steps.
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.benchmarks.jmh;
