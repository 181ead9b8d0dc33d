package dev.confab.crypto.dtls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;

/**
 * A call's own DTLS identity: a fresh ECDSA P-256 key and a self-signed X.509 certificate for it, as WebRTC makes
 * (RFC 8827 section 6.5: a new certificate per call keeps calls unlinkable). The certificate is trusted by nobody;
 * the peer checks its {@link #fingerprint()}, which travels in the signed SDP.
 *
 * <p>Immutable and safe to share between threads. The private key stays inside this object; drop the object when
 * the call ends.
 */
public final class DtlsCertificate {

    /** How long before its creation a certificate claims to be valid, for peers with a slow clock. */
    static final Duration BACKDATE = Duration.ofDays(1);
    /** How long a certificate claims to be valid: far longer than a call. */
    static final Duration VALIDITY = Duration.ofDays(30);

    private static final String COMMON_NAME = "CN=confab";

    private final ECPrivateKeyParameters privateKey;
    private final byte[] der;
    private final CertificateFingerprint fingerprint;

    private DtlsCertificate(ECPrivateKeyParameters privateKey, byte[] der) {
        this.privateKey = privateKey;
        this.der = der;
        this.fingerprint = CertificateFingerprint.of(der);
    }

    /**
     * Makes a key pair and a self-signed certificate valid from a day before {@code clock}'s now for 30 days.
     * Takes about a millisecond once warm.
     *
     * @param random source of the key, the serial number and the signature nonce
     * @param clock  the validity period's reference
     */
    public static DtlsCertificate generate(SecureRandom random, Clock clock) {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
        ECNamedDomainParameters p256 = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1,
                CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1));
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(p256, random));
        AsymmetricCipherKeyPair keyPair = generator.generateKeyPair();

        Instant now = clock.instant();
        X500Name name = new X500Name(COMMON_NAME);
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name,
                    new BigInteger(63, random).add(BigInteger.ONE),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), name,
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(keyPair.getPublic()));
            BcECContentSignerBuilder signer = new BcECContentSignerBuilder(
                    new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256),
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            signer.setSecureRandom(random);
            byte[] der = builder.build(signer.build(keyPair.getPrivate())).getEncoded();
            return new DtlsCertificate((ECPrivateKeyParameters) keyPair.getPrivate(), der);
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("Bouncy Castle failed to make a self-signed certificate", e);
        }
    }

    /** The certificate's DER encoding; a copy. */
    public byte[] der() {
        return der.clone();
    }

    /** The SHA-256 fingerprint to put in SDP and to sign with the identity key. */
    public CertificateFingerprint fingerprint() {
        return fingerprint;
    }

    ECPrivateKeyParameters privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "DtlsCertificate[" + fingerprint.toSdpValue() + "]";
    }
}
