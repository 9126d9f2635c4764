/**
 * Execution: runs planned trials (training, tracks and custom trials), measures them per epoch,
 * writes their result files and saved models, resumes finished ones, and logs progress.
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.framework.run;
