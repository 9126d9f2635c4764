/**
 * The annotations that declare an experiment: {@link
 * io.github.trustregion.framework.annotation.Experiment} marks the class, the others say what to
 * run. Every annotation may also sit on a user-made annotation, which then acts as a preset
 * (composed annotations, as in JUnit 5).
 */
package io.github.trustregion.framework.annotation;
