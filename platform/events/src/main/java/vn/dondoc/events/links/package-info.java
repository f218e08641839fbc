/**
 * Signed acknowledgement tokens: the notifier signs them into links with its Ed25519 private key, the task service
 * verifies them with the public key. The wire format is documented on {@link vn.dondoc.events.links.AckTokens}.
 */
package vn.dondoc.events.links;
