package dev.confab.crypto.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.crypto.CryptoException;
import dev.confab.testkit.TestRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PublicDeviceKeysTest {

    private final PublicDeviceKeys alice = DeviceIdentity.generate(TestRandom.seeded(1)).publicKeys();
    private final PublicDeviceKeys bob = DeviceIdentity.generate(TestRandom.seeded(2)).publicKeys();

    @Test
    void signatureIsValidForTheDevicesOwnKeys() {
        assertThat(alice.signatureValid()).isTrue();
    }

    @Test
    void signatureIsInvalidForASwappedAgreementKey() {
        PublicDeviceKeys swapped =
                new PublicDeviceKeys(alice.identityKey(), bob.agreementKey(), alice.agreementKeySignature());

        assertThat(swapped.signatureValid()).isFalse();
    }

    @Test
    void signatureIsInvalidUnderAnotherIdentityKey() {
        PublicDeviceKeys reclaimed =
                new PublicDeviceKeys(bob.identityKey(), alice.agreementKey(), alice.agreementKeySignature());

        assertThat(reclaimed.signatureValid()).isFalse();
    }

    @Test
    void base64RoundTrip() {
        PublicDeviceKeys parsed = PublicDeviceKeys.fromBase64(
                alice.identityKeyBase64(), alice.agreementKeyBase64(), alice.agreementKeySignatureBase64());

        assertThat(parsed).isEqualTo(alice).hasSameHashCodeAs(alice);
        assertThat(alice.identityKeyBase64()).isEqualTo(Base64.getEncoder().encodeToString(alice.identityKey()));
    }

    @Test
    void fromBase64RejectsBadBase64() {
        assertThatThrownBy(() -> PublicDeviceKeys.fromBase64(
                        "not base64!", alice.agreementKeyBase64(), alice.agreementKeySignatureBase64()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("identity key");
    }

    @Test
    void fromBase64RejectsWrongLengths() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatThrownBy(() -> PublicDeviceKeys.fromBase64(
                        alice.identityKeyBase64(), shortKey, alice.agreementKeySignatureBase64()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("agreement key must be 32 bytes");
        assertThatThrownBy(() -> PublicDeviceKeys.fromBase64(
                        alice.identityKeyBase64(), alice.agreementKeyBase64(), alice.agreementKeyBase64()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("signature must be 64 bytes");
    }

    @Test
    void constructorRejectsWrongLengths() {
        assertThatThrownBy(() -> new PublicDeviceKeys(new byte[32], new byte[32], new byte[63]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityIsByContent() {
        PublicDeviceKeys copy =
                new PublicDeviceKeys(alice.identityKey(), alice.agreementKey(), alice.agreementKeySignature());

        assertThat(copy).isEqualTo(alice).hasSameHashCodeAs(alice).isNotEqualTo(bob);
        assertThat(copy.toString()).contains(alice.identityKeyBase64());
    }

    @Test
    void arraysAreCopiedInAndOut() {
        byte[] identityKey = alice.identityKey();
        PublicDeviceKeys keys = new PublicDeviceKeys(identityKey, alice.agreementKey(), alice.agreementKeySignature());
        identityKey[0] ^= 1;
        keys.agreementKey()[0] ^= 1;

        assertThat(keys).isEqualTo(alice);
    }

    @Test
    void fingerprintIsGroupedHexOfSha256() {
        PublicDeviceKeys zeroIdentity = new PublicDeviceKeys(new byte[32], new byte[32], new byte[64]);

        // SHA-256 of 32 zero bytes.
        assertThat(zeroIdentity.fingerprint()).isEqualTo(
                "6668 7aad f862 bd77 6c8f c18b 8e9f 8e20 0897 1485 6ee2 33b3 902a 591d 0d5f 2925");
        assertThat(alice.fingerprint()).matches("([0-9a-f]{4} ){15}[0-9a-f]{4}").isNotEqualTo(bob.fingerprint());
    }
}
