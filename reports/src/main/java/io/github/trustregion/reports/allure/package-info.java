/**
 * Feeds Allure: adds the report's SVG charts to the Allure result the harness wrote for each trial,
 * writes one result per experiment with its comparison table, carries history between reports, and
 * the command line {@link io.github.trustregion.reports.allure.AllureCli} that does both.
 *
 * <p>Public API: the command line of {@link io.github.trustregion.reports.allure.AllureCli} (its
 * options, exit codes and the files it writes); the other types are internal and may change without
 * notice.
 */
package io.github.trustregion.reports.allure;
