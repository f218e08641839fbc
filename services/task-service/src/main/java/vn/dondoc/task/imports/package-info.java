/**
 * Imports plan task tables (Phụ lục layout) from .docx, .xlsx and .tsv into draft task rows.
 */
package vn.dondoc.task.imports;
