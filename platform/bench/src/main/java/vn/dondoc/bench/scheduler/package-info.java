/** Scheduler benchmark (issue 4): the real scheduler-service jar against db-scheduler, one million plans, a burst. */
package vn.dondoc.bench.scheduler;
