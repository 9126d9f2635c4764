/**
 * The registry of training methods that {@link
 * io.github.trustregion.framework.annotation.Optimizer} names: built-in providers for the methods
 * of module {@code optimizers}, and the {@link
 * io.github.trustregion.framework.method.MethodProvider} service interface to add more.
 *
 * <p>Public API: {@link io.github.trustregion.framework.method.MethodProvider} and {@link
 * io.github.trustregion.framework.method.SettingSpec}; {@code MethodRegistry} and {@code
 * BuiltInMethods} are internal (public for the harness and the service loader) and may change
 * without notice.
 */
package io.github.trustregion.framework.method;
