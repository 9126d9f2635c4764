/**
 * The JUnit Platform {@code TestEngine} (id {@value
 * io.github.trustregion.framework.engine.ExperimentTestEngine#ENGINE_ID}) through which {@code mvn
 * verify -Pexperiments}, IDEs and Allure see each experiment as a container and each trial as a
 * test.
 */
package io.github.trustregion.framework.engine;
