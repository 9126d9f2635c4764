/**
 * Execution: runs planned trials (training, tracks and custom trials), measures them per epoch,
 * writes their result files and saved models, resumes finished ones, and logs progress.
 */
package io.github.trustregion.framework.run;
