/**
 * Reads a conclusion notice's text into a draft of tasks (items, lead units, deadlines) for an admin to review.
 */
package vn.dondoc.task.extractions;
