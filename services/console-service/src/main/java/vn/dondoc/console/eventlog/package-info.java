/** The event log: every record of every topic, stored once, queried by task, type, unit and time, streamed live. */
package vn.dondoc.console.eventlog;
