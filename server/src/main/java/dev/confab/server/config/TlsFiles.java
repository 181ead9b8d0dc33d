package dev.confab.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the server's TLS certificate chain and private key are read from: a PKCS#12 keystore, or a PEM pair as
 * certbot writes it. Only the paths and the password; reading the files is {@code dev.confab.server.tls}'s job.
 * Immutable.
 */
public sealed interface TlsFiles {
    /** The files whose change means the key material must be read again. */
    List<Path> paths();

    /** {@code tls.keystore} and {@code tls.keystore-password}. */
    record Keystore(Path file, String password) implements TlsFiles {
        @Override
        public List<Path> paths() {
            return List.of(file);
        }

        @Override
        public String toString() {
            return "Keystore[" + file + "]";
        }
    }

    /** {@code tls.certificate} (chain, server certificate first) and {@code tls.private-key}. */
    record Pem(Path certificate, Path privateKey) implements TlsFiles {
        @Override
        public List<Path> paths() {
            return List.of(certificate, privateKey);
        }
    }
}
