/**
 * Benchmarks of a running Iris, never run by the tests (ARCHITECTURE.md: benchmarks do not gate CI).
 * {@code scripts/bench-search.sh} prepares the data, starts Iris and runs them.
 */
package org.iris.bench;
