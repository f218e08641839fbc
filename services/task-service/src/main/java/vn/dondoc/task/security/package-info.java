/** Who may use the admin API: one admin, HTTP Basic for scripts and a login form for people. */
package vn.dondoc.task.security;
