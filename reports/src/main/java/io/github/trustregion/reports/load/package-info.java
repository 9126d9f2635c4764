/**
 * Loads a results directory for reporting: every manifest and trial file, checked for semantic
 * completeness beyond JSON syntax, with missing, diverged, failed and unplanned trials kept by id.
 */
package io.github.trustregion.reports.load;
