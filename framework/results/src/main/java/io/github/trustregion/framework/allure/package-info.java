/**
 * Allure 2 results written directly as JSON: one {@code <uuid>-result.json} per trial with its
 * parameters, labels and attachments, one {@code <uuid>-container.json} per experiment, and a small
 * public API ({@link io.github.trustregion.framework.allure.AllureResultsWriter}) to attach more
 * files later (reports' charts and comparisons).
 */
package io.github.trustregion.framework.allure;
