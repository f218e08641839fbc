/** Plans each task's reminders, keeps them in state stores, and publishes them on {@code reminders.due} when due. */
package vn.dondoc.scheduler.reminders;
