/** Who may use the console: one admin, form login for people and HTTP Basic for scripts. */
package vn.dondoc.console.security;
