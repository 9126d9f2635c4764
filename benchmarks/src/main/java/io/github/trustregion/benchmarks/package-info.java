/**
 * The paper's experiments (E1–E5) as annotated classes, the workloads they run (datasets and
 * models) and the JMH micro-benchmarks of the trust-region method's building blocks.
 */
package io.github.trustregion.benchmarks;
