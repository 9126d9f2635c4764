/** The command line: run, list or resume experiments without Maven. */
package io.github.trustregion.framework.cli;
