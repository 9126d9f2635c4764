/**
 * The registry of training methods that {@link
 * io.github.trustregion.framework.annotation.Optimizer} names: built-in providers for the methods
 * of module {@code optimizers}, and the {@link
 * io.github.trustregion.framework.method.MethodProvider} service interface to add more.
 */
package io.github.trustregion.framework.method;
