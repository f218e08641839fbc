/** Records tasks and the unit directory, and tells the other services through an outbox. */
package vn.dondoc.task;
