/** Real infrastructure for tests, started once per test JVM: Kafka, a MongoDB-wire server, SMTP/IMAP, SMS. */
package vn.dondoc.testing;
