/**
 * Image datasets for the experiments: readers of the Fashion-MNIST (gzipped IDX), CIFAR-10 and
 * STL-10 binary files, per-channel normalization fitted on the training set, seeded stratified
 * subsets and conversion to ND4J arrays.
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.benchmarks.data;
