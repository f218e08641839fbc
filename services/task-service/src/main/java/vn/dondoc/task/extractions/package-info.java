/**
 * Reads a conclusion notice (text or .docx) into a draft of tasks (items, lead units, deadlines) that an admin
 * reviews, edits and confirms; confirming assigns the included items as tasks.
 */
package vn.dondoc.task.extractions;
