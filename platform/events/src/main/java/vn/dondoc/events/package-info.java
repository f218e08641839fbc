/** The wire contract between the services: event records, topics and their CloudEvents encoding. */
package vn.dondoc.events;
