/** What every service runs with: the clock, the admin account, a MongoDB health check that works everywhere. */
package vn.dondoc.runtime;
