package dev.confab.server.tls;

import dev.confab.server.config.ConfigException;
import dev.confab.server.config.ConfigKey;
import dev.confab.server.config.TlsFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The server's certificate chain and private key, read from {@link TlsFiles} and checked to belong together, as a
 * one-entry in-memory PKCS#12 keystore for Jetty. A file that cannot be used is a {@link ConfigException} whose
 * message names the file, the key and what is wrong. Immutable once loaded; {@link #load} may run on any thread.
 *
 * @param keyStore    the chain and key under {@link #ALIAS}, protected by {@link #password()}
 * @param certificate the server's own certificate (the chain's first)
 */
public record KeyMaterial(KeyStore keyStore, X509Certificate certificate) {
    /** The alias of the one entry. */
    public static final String ALIAS = "confab";
    private static final String IN_MEMORY_PASSWORD = "confab-in-memory";
    private static final byte[] PROBE = "confab key pair check".getBytes(StandardCharsets.US_ASCII);

    /** The in-memory keystore's password; it protects nothing outside this process. */
    public static String password() {
        return IN_MEMORY_PASSWORD;
    }

    /** Reads and checks the files; throws {@link ConfigException} with a one-sentence reason. */
    public static KeyMaterial load(TlsFiles files) {
        return switch (files) {
            case TlsFiles.Keystore keystore -> fromKeystore(keystore);
            case TlsFiles.Pem pem -> of(PemFiles.privateKey(pem.privateKey()), PemFiles.certificates(pem.certificate()),
                    ConfigKey.TLS_PRIVATE_KEY, "the private key in " + pem.privateKey() + " (tls.private-key) does not belong to the certificate in "
                            + pem.certificate() + " (tls.certificate)");
        };
    }

    private static KeyMaterial fromKeystore(TlsFiles.Keystore files) {
        Path file = files.file();
        char[] password = files.password().toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            List<String> keys = Collections.list(store.aliases()).stream().filter(a -> isKeyEntry(store, a)).toList();
            if (keys.size() != 1) {
                throw unusable(ConfigKey.TLS_KEYSTORE, file, keys.isEmpty() ? "holds no private key"
                        : "holds " + keys.size() + " private keys " + keys + "; keep only the server's");
            }
            if (!(store.getKey(keys.getFirst(), password) instanceof PrivateKey key)
                    || !(store.getCertificate(keys.getFirst()) instanceof X509Certificate)) {
                throw unusable(ConfigKey.TLS_KEYSTORE, file, "holds no private key with an X.509 certificate");
            }
            List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(keys.getFirst()))
                    .map(X509Certificate.class::cast).toList();
            return of(key, chain, ConfigKey.TLS_KEYSTORE, "the private key in " + file + " (tls.keystore) does not"
                    + " belong to its certificate");
        } catch (UnrecoverableKeyException e) {
            throw wrongPassword(file);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw wrongPassword(file);
            }
            throw unusable(ConfigKey.TLS_KEYSTORE, file, e instanceof NoSuchFileException
                    || e instanceof AccessDeniedException ? reason(e) : "is not a PKCS#12 keystore (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw unusable(ConfigKey.TLS_KEYSTORE, file, "cannot be used (" + e.getMessage() + ")");
        }
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyMaterial of(PrivateKey key, List<X509Certificate> chain, ConfigKey keyFrom, String mismatch) {
        if (!belongTogether(key, chain.getFirst().getPublicKey(), keyFrom)) {
            throw new ConfigException(keyFrom.key(), "Cannot use TLS: " + mismatch);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, IN_MEMORY_PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
            return new KeyMaterial(store, chain.getFirst());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("An in-memory PKCS#12 keystore cannot be made", e);
        }
    }

    /** Signs a probe with the private key and verifies it with the certificate's public key. */
    private static boolean belongTogether(PrivateKey key, PublicKey certified, ConfigKey keyFrom) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new ConfigException(keyFrom.key(), "Cannot use TLS: the private key (" + keyFrom.key()
                    + ") is " + key.getAlgorithm() + "; use an RSA or EC key");
        };
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(PROBE);
            byte[] signed = signature.sign();
            signature.initVerify(certified);
            signature.update(PROBE);
            return signature.verify(signed);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static ConfigException wrongPassword(Path file) {
        return new ConfigException(ConfigKey.TLS_KEYSTORE_PASSWORD.key(), "Cannot use TLS: the keystore " + file
                + " (tls.keystore) does not open with tls.keystore-password; the password is wrong");
    }

    /** {@code Cannot use TLS: <file> (<key>) <what>}. */
    static ConfigException unusable(ConfigKey key, Path file, String what) {
        return new ConfigException(key.key(), "Cannot use TLS: " + file + " (" + key.key() + ") " + what);
    }

    /** Why a file could not be read, as the end of a sentence about it. */
    static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException _ -> "does not exist";
            case AccessDeniedException _ -> "is not readable by this user";
            default -> "cannot be read (" + e.getMessage() + ")";
        };
    }
}
