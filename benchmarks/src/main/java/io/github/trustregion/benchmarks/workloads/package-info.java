/**
 * The harness's {@link io.github.trustregion.framework.workload.Workload}s: each pairs a dataset
 * (with its per-scale subset sizes) with a network architecture.
 */
package io.github.trustregion.benchmarks.workloads;
