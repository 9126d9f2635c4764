/**
 * Feeds Allure: adds the report's SVG charts to the Allure result the harness wrote for each trial,
 * writes one result per experiment with its comparison table, carries history between reports, and
 * the command line {@link io.github.trustregion.reports.allure.AllureCli} that does both.
 */
package io.github.trustregion.reports.allure;
