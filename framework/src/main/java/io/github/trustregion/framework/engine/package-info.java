/**
 * The JUnit Platform {@code TestEngine} (id {@value
 * io.github.trustregion.framework.engine.ExperimentTestEngine#ENGINE_ID}) through which {@code mvn
 * verify -Pexperiments}, IDEs and Allure see each experiment as a container and each trial as a
 * test.
 *
 * <p>Internal: not part of the public API; may change without notice. The engine id {@code
 * trust-region-experiments} and its configuration parameters ({@code experiments.*}) are public
 * API.
 */
package io.github.trustregion.framework.engine;
