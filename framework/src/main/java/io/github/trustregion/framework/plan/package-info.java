/**
 * Discovery, validation and planning: from annotated classes to a validated list of trials with
 * stable ids, without loading data or touching ND4J.
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.framework.plan;
