/** Turns due reminders into Vietnamese email (and later SMS), deduplicated, and publishes the outcomes. */
package vn.dondoc.notifier;
