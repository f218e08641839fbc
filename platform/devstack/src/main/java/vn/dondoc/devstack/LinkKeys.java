package vn.dondoc.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import vn.dondoc.events.links.AckTokens;

/**
 * The Ed25519 pair of the local stack's acknowledgement links, made on the first start and kept in
 * {@code <data>/keys/} so that links mailed before a restart still work after it: the notifier signs with the
 * private key, the task service verifies with the public one.
 *
 * @param privateKey PKCS#8 PEM file
 * @param publicKey  X.509 PEM file
 */
record LinkKeys(Path privateKey, Path publicKey) {

    static LinkKeys in(Path folder) {
        var keys = new LinkKeys(folder.resolve("links-private.pem"), folder.resolve("links-public.pem"));
        if (Files.isRegularFile(keys.privateKey()) && Files.isRegularFile(keys.publicKey())) {
            return keys;
        }
        try {
            Files.createDirectories(folder);
            var pair = AckTokens.generateKeyPair();
            Files.writeString(keys.publicKey(), AckTokens.pem(pair.getPublic()), StandardCharsets.US_ASCII);
            Files.writeString(keys.privateKey(), AckTokens.pem(pair.getPrivate()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(keys.privateKey(), PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data folder's own permissions have to do
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the link keys to " + folder, e);
        }
    }
}
