/**
 * The event log: every record of every topic, stored once, queried by task, type, unit and time, streamed live;
 * its pages (the front page and one entry) and the Vietnamese wording of events that every page uses.
 */
package vn.dondoc.console.eventlog;
