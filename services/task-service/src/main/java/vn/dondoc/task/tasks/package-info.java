/** Tasks assigned to units: their deadline, reminder policy, per-unit progress and status. */
package vn.dondoc.task.tasks;
