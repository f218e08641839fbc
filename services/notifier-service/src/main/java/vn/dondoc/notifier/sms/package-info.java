/**
 * Reminders by SMS: Vietnamese text without diacritics (GSM-7, at most two segments) carrying the signed link,
 * sent through HTTP gateways (generic JSON, Twilio-compatible) with failover, retries, circuits and rate limits.
 */
package vn.dondoc.notifier.sms;
