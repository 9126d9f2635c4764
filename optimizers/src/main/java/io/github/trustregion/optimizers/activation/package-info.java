/** Network changes the paper makes for second-order training: the smooth SReLU activation. */
package io.github.trustregion.optimizers.activation;
