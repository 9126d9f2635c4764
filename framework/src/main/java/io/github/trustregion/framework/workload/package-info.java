/**
 * Workloads: a dataset and a model factory that experiments train on ({@link
 * io.github.trustregion.framework.workload.Workload}), implemented by module {@code benchmarks}.
 */
package io.github.trustregion.framework.workload;
