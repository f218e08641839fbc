/** Writes reminders as Vietnamese email (HTML with a plain-text alternative) and hands them to the SMTP server. */
package vn.dondoc.notifier.email;
