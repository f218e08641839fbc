/** Scheduler benchmark: a burst of reminders due at one instant, fired by the real scheduler-service jar. */
package vn.dondoc.bench.scheduler;
