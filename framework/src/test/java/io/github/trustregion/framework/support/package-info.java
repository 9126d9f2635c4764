/** Test support: a tiny synthetic workload and a deliberately slow method for the harness tests. */
package io.github.trustregion.framework.support;
