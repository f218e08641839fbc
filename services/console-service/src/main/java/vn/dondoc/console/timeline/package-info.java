/** A task's timeline: everything the log holds about one task, in order, and its upcoming reminders. */
package vn.dondoc.console.timeline;
