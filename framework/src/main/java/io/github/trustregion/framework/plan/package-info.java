/**
 * Discovery, validation and planning: from annotated classes to a validated list of trials with
 * stable ids, without loading data or touching ND4J.
 */
package io.github.trustregion.framework.plan;
