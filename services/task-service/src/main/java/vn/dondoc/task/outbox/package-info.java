/** Publishes the events an aggregate records, from the same MongoDB document that holds its state. */
package vn.dondoc.task.outbox;
