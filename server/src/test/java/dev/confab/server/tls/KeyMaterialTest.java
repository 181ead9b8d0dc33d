package dev.confab.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.server.config.ConfigException;
import dev.confab.server.config.TlsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key material from a PKCS#12 keystore or a PEM pair, and the one-sentence errors for files that cannot be used. */
class KeyMaterialTest {
    private static final TestCertificate SERVER = TestCertificate.generate("server", 1);
    private static final TestCertificate OTHER = TestCertificate.generate("other", 2);

    @TempDir
    Path dir;

    @Test
    void aKeystoreAndAPemPairGiveTheSameCertificateAndKey() throws KeyStoreException {
        Path keystore = SERVER.writeKeystore(dir.resolve("server.p12"), "s3cret");
        KeyMaterial fromKeystore = KeyMaterial.load(new TlsFiles.Keystore(keystore, "s3cret"));
        KeyMaterial fromPem = KeyMaterial.load(new TlsFiles.Pem(SERVER.writeCertificatePem(dir.resolve("fullchain.pem")),
                SERVER.writePrivateKeyPem(dir.resolve("privkey.pem"))));
        assertThat(fromKeystore.certificate()).isEqualTo(SERVER.certificate()).isEqualTo(fromPem.certificate());
        assertThat(fromPem.keyStore().isKeyEntry(KeyMaterial.ALIAS)).isTrue();
    }

    @Test
    void aWrongKeystorePasswordIsNamed() {
        Path keystore = SERVER.writeKeystore(dir.resolve("server.p12"), "s3cret");
        assertThatThrownBy(() -> KeyMaterial.load(new TlsFiles.Keystore(keystore, "guess")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Cannot use TLS: the keystore " + keystore + " (tls.keystore) does not open with"
                        + " tls.keystore-password; the password is wrong")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("tls.keystore-password");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("missing.p12");
        assertThatThrownBy(() -> KeyMaterial.load(new TlsFiles.Keystore(missing, "")))
                .hasMessage("Cannot use TLS: " + missing + " (tls.keystore) does not exist");
        Path key = SERVER.writePrivateKeyPem(dir.resolve("privkey.pem"));
        assertThatThrownBy(() -> KeyMaterial.load(new TlsFiles.Pem(missing, key)))
                .hasMessage("Cannot use TLS: " + missing + " (tls.certificate) does not exist");
    }

    @Test
    void aPemFileGivenAsKeystoreIsNotPkcs12() {
        Path pem = SERVER.writeCertificatePem(dir.resolve("fullchain.pem"));
        assertThatThrownBy(() -> KeyMaterial.load(new TlsFiles.Keystore(pem, "")))
                .hasMessageStartingWith("Cannot use TLS: " + pem + " (tls.keystore) is not a PKCS#12 keystore (");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        Path certificate = SERVER.writeCertificatePem(dir.resolve("fullchain.pem"));
        Path otherKey = OTHER.writePrivateKeyPem(dir.resolve("privkey.pem"));
        assertThatThrownBy(() -> KeyMaterial.load(new TlsFiles.Pem(certificate, otherKey)))
                .hasMessage("Cannot use TLS: the private key in " + otherKey + " (tls.private-key) does not belong to"
                        + " the certificate in " + certificate + " (tls.certificate)");
    }

    @Test
    void swappedOrEmptyPemFilesAreNamed() throws IOException {
        Path certificate = SERVER.writeCertificatePem(dir.resolve("fullchain.pem"));
        Path key = SERVER.writePrivateKeyPem(dir.resolve("privkey.pem"));
        assertThatThrownBy(() -> KeyMaterial.load(new TlsFiles.Pem(certificate, certificate)))
                .hasMessage("Cannot use TLS: " + certificate + " (tls.private-key) holds no PEM private key");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> KeyMaterial.load(new TlsFiles.Pem(empty, key)))
                .hasMessage("Cannot use TLS: " + empty + " (tls.certificate) holds no PEM certificate");
    }
}
