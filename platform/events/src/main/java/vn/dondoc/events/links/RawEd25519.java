package vn.dondoc.events.links;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 signing and verification with Bouncy Castle's RFC 8032 code on the raw key bytes of JDK keys.
 *
 * <p>Why not {@code Signature.getInstance("Ed25519")}: the JDK's EdDSA derives the public key again on every
 * signature (a second base-point multiplication) and uses slower field arithmetic; it took 0.7–1.1 ms per signature
 * here, and every email carries two signed links (issue 5). Ed25519 is deterministic, so the signatures are the
 * same bytes either way and links signed before stay valid. The prepared form of the last key is kept: a service
 * signs or verifies with one key.
 */
final class RawEd25519 {

    private static final int KEY_LENGTH = Ed25519.PUBLIC_KEY_SIZE;
    private static volatile Signer lastSigner;
    private static volatile Verifier lastVerifier;

    static {
        Ed25519.precompute();
    }

    private RawEd25519() {
    }

    static void sign(PrivateKey key, byte[] message, int length, byte[] signature, int offset) {
        var signer = lastSigner;
        if (signer == null || signer.key != key) {
            signer = new Signer(key);
            lastSigner = signer;
        }
        Ed25519.sign(signer.seed, 0, signer.publicKey, 0, message, 0, length, signature, offset);
    }

    /** False also for a signature that is not canonical (S ≥ L, or a point that does not decode), as RFC 8032 says. */
    static boolean verify(PublicKey key, byte[] message, int length, byte[] signature, int offset) {
        var verifier = lastVerifier;
        if (verifier == null || verifier.key != key) {
            verifier = new Verifier(key);
            lastVerifier = verifier;
        }
        return Ed25519.verify(signature, offset, verifier.point, message, 0, length);
    }

    private static final class Signer {
        final Key key;
        final byte[] seed;
        final byte[] publicKey = new byte[KEY_LENGTH];

        Signer(PrivateKey key) {
            if (!(key instanceof EdECPrivateKey edec) || !"Ed25519".equals(edec.getParams().getName())) {
                throw new IllegalArgumentException("Not an Ed25519 private key");
            }
            this.key = key;
            this.seed = edec.getBytes().orElseThrow(() -> new IllegalArgumentException("Ed25519 key without its bytes"));
            Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        }
    }

    private static final class Verifier {
        final Key key;
        final Ed25519.PublicPoint point;

        Verifier(PublicKey key) {
            if (!(key instanceof EdECPublicKey edec) || !"Ed25519".equals(edec.getParams().getName())) {
                throw new IllegalArgumentException("Not an Ed25519 public key");
            }
            this.key = key;
            // X.509 SubjectPublicKeyInfo of Ed25519 ends with the 32-byte encoded point (RFC 8410)
            var encoded = key.getEncoded();
            var raw = Arrays.copyOfRange(encoded, encoded.length - KEY_LENGTH, encoded.length);
            this.point = Ed25519.validatePublicKeyPartialExport(raw, 0);
            if (point == null) {
                throw new IllegalArgumentException("Not a valid Ed25519 public key");
            }
        }
    }
}
