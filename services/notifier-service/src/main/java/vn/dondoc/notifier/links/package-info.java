/** Signed acknowledgement and report links ({@code {base}/ack/{token}}) that reminders carry. */
package vn.dondoc.notifier.links;
