package dev.confab.crypto.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.TestRandom;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeviceIdentityTest {

    @Test
    void restoreGivesTheSamePublicKeysAndSignature() {
        DeviceIdentity original = DeviceIdentity.generate(TestRandom.seeded(1));
        DeviceIdentity restored = DeviceIdentity.restore(
                original.identity().privateKeyBytes(), original.agreement().privateKeyBytes());

        assertThat(restored.publicKeys()).isEqualTo(original.publicKeys());
        assertThat(restored.agreementKeySignature()).isEqualTo(original.agreementKeySignature());
        assertThat(restored.publicKeys().signatureValid()).isTrue();
    }

    @Test
    void identityAndAgreementKeysAreIndependent() {
        DeviceIdentity device = DeviceIdentity.generate(TestRandom.seeded(2));

        assertThat(device.identity().privateKeyBytes()).isNotEqualTo(device.agreement().privateKeyBytes());
    }

    @Test
    void signatureCoversTheLabelledAgreementKey() {
        DeviceIdentity device = DeviceIdentity.generate(TestRandom.seeded(3));
        byte[] agreementKey = device.agreement().publicKeyBytes();
        byte[] label = "confab-agreement-key-v1".getBytes(StandardCharsets.US_ASCII);
        byte[] labelled = Arrays.copyOf(label, label.length + agreementKey.length);
        System.arraycopy(agreementKey, 0, labelled, label.length, agreementKey.length);
        byte[] identityKey = device.identity().publicKeyBytes();

        assertThat(IdentityKeyPair.verify(identityKey, labelled, device.agreementKeySignature())).isTrue();
        assertThat(IdentityKeyPair.verify(identityKey, agreementKey, device.agreementKeySignature())).isFalse();
    }

    @Test
    void publicKeysCarryTheDevicesKeys() {
        DeviceIdentity device = DeviceIdentity.generate(TestRandom.seeded(4));
        PublicDeviceKeys keys = device.publicKeys();

        assertThat(keys.identityKey()).isEqualTo(device.identity().publicKeyBytes());
        assertThat(keys.agreementKey()).isEqualTo(device.agreement().publicKeyBytes());
        assertThat(keys.agreementKeySignature()).isEqualTo(device.agreementKeySignature());
    }
}
