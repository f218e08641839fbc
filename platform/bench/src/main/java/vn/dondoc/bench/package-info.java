/**
 * Benchmark harnesses, one sub-package per area ({@code bench.tasks}, {@code bench.scheduler}, {@code bench.notifier},
 * {@code bench.console}). Each has a {@code main}; run with
 * {@code ./mvnw -q -pl platform/bench -am package -DskipTests && java -cp ... vn.dondoc.bench.<area>.<Harness>}
 * (see docs/performance.md for the exact command of each) and record the figures in docs/performance.md.
 */
package vn.dondoc.bench;
