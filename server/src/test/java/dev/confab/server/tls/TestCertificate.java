package dev.confab.server.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * A self-signed ECDSA P-256 certificate for {@code 127.0.0.1} and {@code localhost}, made from a seed so runs
 * repeat, that writes itself as the files an operator configures. Immutable.
 *
 * @param certificate the certificate
 * @param keys        its key pair
 */
record TestCertificate(X509Certificate certificate, KeyPair keys) {
    static TestCertificate generate(String commonName, long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            X500Name name = new X500Name("CN=" + commonName);
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(seed), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(30, ChronoUnit.DAYS)), name, keys.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.dNSName, "localhost")}));
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").setSecureRandom(random).build(keys.getPrivate());
            return new TestCertificate(new JcaX509CertificateConverter().getCertificate(builder.build(signer)), keys);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a PKCS#12 keystore with this certificate and key; the file is replaced in one step. */
    Path writeKeystore(Path file, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", keys.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
            Path temporary = Files.createTempFile(file.getParent(), "keystore", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password.toCharArray());
            }
            return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the certificate as certbot's fullchain.pem does. */
    Path writeCertificatePem(Path file) {
        try {
            return writePem(file, new JcaMiscPEMGenerator(certificate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the private key as unencrypted PKCS#8, as certbot's privkey.pem. */
    Path writePrivateKeyPem(Path file) {
        try {
            return writePem(file, new JcaPKCS8Generator(keys.getPrivate(), null));
        } catch (PemGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts exactly these certificates. */
    static SSLContext trusting(TestCertificate... certificates) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (TestCertificate c : certificates) {
                trusted.setCertificateEntry(c.certificate().getSubjectX500Principal().getName(), c.certificate());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePem(Path file, PemObjectGenerator block) {
        try {
            Path temporary = Files.createTempFile(file.getParent(), "pem", ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII);
                 JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(block);
            }
            return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
