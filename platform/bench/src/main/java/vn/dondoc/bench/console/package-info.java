/** Console benchmark: ingest of a million events into the event log, and its first page and timelines over them. */
package vn.dondoc.bench.console;
