package dev.confab.crypto.dtls;

import java.security.SecureRandom;
import org.bouncycastle.tls.crypto.TlsNonceGenerator;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * {@link BcTlsCrypto} whose every random byte comes from the injected {@link SecureRandom}, as the design asks of
 * all randomness. Bouncy Castle's own nonce generator (hello randoms, session ids) is a DRBG that also mixes in
 * {@code System.nanoTime()}, which made a seeded handshake unrepeatable; drawing nonces straight from a
 * {@code SecureRandom} is what most TLS stacks do.
 *
 * <p>Thread contract: used by one endpoint's worker thread.
 */
final class InjectedRandomCrypto extends BcTlsCrypto {

    InjectedRandomCrypto(SecureRandom random) {
        super(random);
    }

    @Override
    public TlsNonceGenerator createNonceGenerator(byte[] additionalSeedMaterial) {
        SecureRandom random = getSecureRandom();
        return size -> {
            byte[] nonce = new byte[size];
            random.nextBytes(nonce);
            return nonce;
        };
    }
}
