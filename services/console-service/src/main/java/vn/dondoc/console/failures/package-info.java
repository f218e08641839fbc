/** Failures: deliveries that did not go out and records nobody could process, with an audited replay. */
package vn.dondoc.console.failures;
