/** What every service runs with: the clock, and the admin account. */
package vn.dondoc.runtime;
