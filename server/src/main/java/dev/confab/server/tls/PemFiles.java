package dev.confab.server.tls;

import dev.confab.server.config.ConfigKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the PEM files certbot writes: a certificate chain ({@code fullchain.pem}) and an unencrypted private key
 * ({@code privkey.pem}, PKCS#8 or the older OpenSSL RSA/EC forms). Failures are {@code ConfigException}s naming the
 * file and its key. Stateless.
 */
final class PemFiles {
    private PemFiles() {}

    /** The certificates in the file, in order: the server's first. */
    static List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw KeyMaterial.unusable(ConfigKey.TLS_CERTIFICATE, file, "holds no PEM certificate");
            }
            return chain;
        } catch (IOException e) {
            throw KeyMaterial.unusable(ConfigKey.TLS_CERTIFICATE, file, KeyMaterial.reason(e));
        } catch (CertificateException e) {
            throw KeyMaterial.unusable(ConfigKey.TLS_CERTIFICATE, file, "is not a PEM certificate chain ("
                    + e.getMessage() + ")");
        }
    }

    /** The first private key in the file (an {@code EC PARAMETERS} block before it is skipped). */
    static PrivateKey privateKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                PrivateKeyInfo info = switch (block) {
                    case PrivateKeyInfo key -> key;
                    case PEMKeyPair pair -> pair.getPrivateKeyInfo();
                    case PKCS8EncryptedPrivateKeyInfo _, PEMEncryptedKeyPair _ -> throw KeyMaterial.unusable(
                            ConfigKey.TLS_PRIVATE_KEY, file, "is encrypted; give an unencrypted key readable only by"
                                    + " the server's user, as certbot writes privkey.pem");
                    default -> null;
                };
                if (info != null) {
                    return new JcaPEMKeyConverter().getPrivateKey(info);
                }
            }
            throw KeyMaterial.unusable(ConfigKey.TLS_PRIVATE_KEY, file, "holds no PEM private key");
        } catch (IOException e) {
            throw KeyMaterial.unusable(ConfigKey.TLS_PRIVATE_KEY, file, e instanceof FileSystemException
                    ? KeyMaterial.reason(e) : "is not a PEM private key (" + e.getMessage() + ")");
        }
    }
}
