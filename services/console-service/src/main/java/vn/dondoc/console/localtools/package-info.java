/** Local stack only: what units would receive, read from GreenMail (IMAP) and the SMS simulator. */
package vn.dondoc.console.localtools;
