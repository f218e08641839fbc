/**
 * Turns a due reminder into one delivery per contact address and channel, each claimed before it is sent so a
 * replayed reminder never notifies twice, and publishes what happened.
 */
package vn.dondoc.notifier.reminders;
