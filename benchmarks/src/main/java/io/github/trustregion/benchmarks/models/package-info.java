/**
 * The networks the experiments train, built by DL4J from a seed alone: VGG16 and MobileNet
 * (CIFAR-sized, as in the paper), a small CNN and an MLP for the CPU scales, all with the SReLU
 * activation and average pooling, without dropout or batch normalization.
 */
package io.github.trustregion.benchmarks.models;
