/**
 * Tests of the own-project integration test's setup: that its project's pom is the fragment
 * README.md shows. Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.it;
