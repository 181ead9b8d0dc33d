package dev.confab.client.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.testing.Seeded;
import dev.confab.crypto.identity.DeviceIdentity;
import dev.confab.crypto.identity.PublicDeviceKeys;
import dev.confab.protocol.rest.DeviceKeys;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinningTest {
    private final SecureRandom random = Seeded.secureRandom(20261126L);

    private DeviceKeys device(String id) {
        PublicDeviceKeys keys = DeviceIdentity.generate(random).publicKeys();
        return new DeviceKeys(id, keys.identityKeyBase64(), keys.agreementKeyBase64(), keys.agreementKeySignatureBase64());
    }

    @Test
    void firstContactTrustsEveryDeviceSilently() {
        Pinning.Outcome outcome = Pinning.reconcile("bob", null, List.of(), List.of(device("d1"), device("d2")), 10);
        assertThat(outcome.changes()).isEmpty();
        assertThat(outcome.pins()).extracting(PinnedDevice::trust).containsOnly(TrustState.TRUSTED);
        assertThat(outcome.pins()).extracting(PinnedDevice::firstSeenAt).containsOnly(10L);
    }

    @Test
    void theSameKeysAgainChangeNothing() {
        DeviceKeys d1 = device("d1");
        List<PinnedDevice> pinned = Pinning.reconcile("bob", null, List.of(), List.of(d1), 10).pins();
        Pinning.Outcome again = Pinning.reconcile("bob", null, pinned, List.of(d1), 20);
        assertThat(again.changes()).isEmpty();
        assertThat(again.pins()).isEqualTo(pinned);
    }

    @Test
    void aNewDeviceOfAKnownContactWaitsForTheUser() {
        DeviceKeys d1 = device("d1");
        List<PinnedDevice> pinned = Pinning.reconcile("bob", null, List.of(), List.of(d1), 10).pins();
        DeviceKeys d2 = device("d2");
        Pinning.Outcome outcome = Pinning.reconcile("bob", null, pinned, List.of(d1, d2), 20);
        assertThat(outcome.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(KeyChange.Kind.NEW_DEVICE);
            assertThat(c.deviceId()).isEqualTo("d2");
            assertThat(c.newFingerprint()).hasSize(79);
        });
        assertThat(outcome.pins()).extracting(PinnedDevice::deviceId, PinnedDevice::trust)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("d1", TrustState.TRUSTED),
                        org.assertj.core.groups.Tuple.tuple("d2", TrustState.NEW_DEVICE));
        // Seen again before a decision: still waiting, and not reported a second time.
        Pinning.Outcome later = Pinning.reconcile("bob", null, outcome.pins(), List.of(d1, d2), 30);
        assertThat(later.changes()).isEmpty();
        assertThat(later.pins().get(1).trust()).isEqualTo(TrustState.NEW_DEVICE);
    }

    @Test
    void aChangedIdentityKeyIsReportedWithBothFingerprints() {
        DeviceKeys d1 = device("d1");
        List<PinnedDevice> pinned = Pinning.reconcile("bob", null, List.of(), List.of(d1), 10).pins();
        DeviceKeys replaced = device("d1");
        Pinning.Outcome outcome = Pinning.reconcile("bob", null, pinned, List.of(replaced), 20);
        assertThat(outcome.pins()).singleElement().satisfies(p -> {
            assertThat(p.trust()).isEqualTo(TrustState.CHANGED);
            assertThat(p.previousIdentityKey()).isEqualTo(d1.identityKey());
            assertThat(p.identityKey()).isEqualTo(replaced.identityKey());
        });
        KeyChange change = outcome.changes().getFirst();
        assertThat(change.kind()).isEqualTo(KeyChange.Kind.IDENTITY_CHANGED);
        assertThat(change.oldFingerprint()).isNotEqualTo(change.newFingerprint());
    }

    @Test
    void aNewDeviceOnTheOwnAccountWaitsForTheUserLikeAContactsDoes() {
        DeviceKeys mine = device("d1");
        List<PinnedDevice> pinned = Pinning.reconcile("me", "d1", List.of(), List.of(mine), 10).pins();
        assertThat(pinned).singleElement().extracting(PinnedDevice::trust).isEqualTo(TrustState.TRUSTED);

        // A device the server now lists under this account: maybe the user's laptop, maybe the server's own.
        Pinning.Outcome added = Pinning.reconcile("me", "d1", pinned, List.of(mine, device("d2")), 20);
        assertThat(added.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(KeyChange.Kind.NEW_DEVICE);
            assertThat(c.deviceId()).isEqualTo("d2");
            assertThat(c.ownAccount()).isTrue();
        });
        assertThat(added.pins()).extracting(PinnedDevice::deviceId, PinnedDevice::trust)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("d1", TrustState.TRUSTED),
                        org.assertj.core.groups.Tuple.tuple("d2", TrustState.NEW_DEVICE));

        Pinning.Outcome changed = Pinning.reconcile("me", "d1", added.pins(), List.of(device("d1"), device("d2")), 30);
        assertThat(changed.changes()).extracting(KeyChange::kind).contains(KeyChange.Kind.IDENTITY_CHANGED);
    }

    @Test
    void thisClientsOwnDeviceIsTrustedWhenFirstSeenEvenAfterOthersArePinned() {
        // This profile signed in again after its device was removed: a new device id, with keys this client made.
        DeviceKeys laptop = device("d1");
        List<PinnedDevice> pinned = Pinning.reconcile("me", "d0", List.of(), List.of(device("d0"), laptop), 10).pins();
        Pinning.Outcome again = Pinning.reconcile("me", "d9", pinned, List.of(laptop, device("d9")), 20);
        assertThat(again.changes()).isEmpty();
        assertThat(again.pins()).filteredOn(PinnedDevice::active).extracting(PinnedDevice::trust).containsOnly(TrustState.TRUSTED);
    }

    @Test
    void firstSightOfTheOwnAccountTrustsItsDevicesLikeAFirstContact() {
        Pinning.Outcome first = Pinning.reconcile("me", "d2", List.of(), List.of(device("d1"), device("d2")), 10);
        assertThat(first.changes()).isEmpty();
        assertThat(first.pins()).extracting(PinnedDevice::trust).containsOnly(TrustState.TRUSTED);
    }

    @Test
    void aForgedAgreementKeyIsInvalidEvenOnFirstContact() {
        DeviceKeys honest = device("d1");
        DeviceKeys other = device("x");
        DeviceKeys forged = new DeviceKeys("d1", honest.identityKey(), other.agreementKey(), honest.agreementKeySignature());
        Pinning.Outcome outcome = Pinning.reconcile("bob", null, List.of(), List.of(forged), 10);
        assertThat(outcome.pins()).singleElement().extracting(PinnedDevice::trust).isEqualTo(TrustState.INVALID);
        assertThat(outcome.changes()).singleElement().extracting(KeyChange::kind).isEqualTo(KeyChange.Kind.INVALID_SIGNATURE);
    }

    @Test
    void aRemovedDeviceIsRememberedAndItsReturnWithAnotherKeyIsAChange() {
        DeviceKeys d1 = device("d1");
        DeviceKeys d2 = device("d2");
        List<PinnedDevice> pinned = Pinning.reconcile("bob", null, List.of(), List.of(d1, d2), 10).pins();
        Pinning.Outcome removed = Pinning.reconcile("bob", null, pinned, List.of(d1), 20);
        assertThat(removed.changes()).isEmpty();
        assertThat(removed.pins()).extracting(PinnedDevice::active).containsExactly(true, false);
        assertThat(removed.pins()).extracting(PinnedDevice::trust).containsOnly(TrustState.TRUSTED);
        Pinning.Outcome back = Pinning.reconcile("bob", null, removed.pins(), List.of(d1, d2), 30);
        assertThat(back.changes()).isEmpty();
        assertThat(back.pins()).extracting(PinnedDevice::trust).containsOnly(TrustState.TRUSTED);
        assertThat(back.pins()).extracting(PinnedDevice::active).containsOnly(true);
        Pinning.Outcome impostor = Pinning.reconcile("bob", null, removed.pins(), List.of(d1, device("d2")), 30);
        assertThat(impostor.changes()).extracting(KeyChange::kind).containsExactly(KeyChange.Kind.IDENTITY_CHANGED);
    }

    @Test
    void aContactWhoseEveryDeviceWasReplacedIsNotAFirstContactAgain() {
        DeviceKeys d1 = device("d1");
        List<PinnedDevice> pinned = Pinning.reconcile("bob", null, List.of(), List.of(d1), 10).pins();
        Pinning.Outcome outcome = Pinning.reconcile("bob", null, pinned, List.of(device("d9")), 20);
        assertThat(outcome.changes()).extracting(KeyChange::kind).containsExactly(KeyChange.Kind.NEW_DEVICE);
    }

    @Test
    void anUntrustedDeviceThatDisappearsAndComesBackIsStillUntrusted() {
        DeviceKeys d1 = device("d1");
        List<PinnedDevice> pinned = Pinning.reconcile("bob", null, List.of(), List.of(d1), 10).pins();
        DeviceKeys d2 = device("d2");
        List<PinnedDevice> withNew = Pinning.reconcile("bob", null, pinned, List.of(d1, d2), 20).pins();
        List<PinnedDevice> gone = Pinning.reconcile("bob", null, withNew, List.of(d1), 30).pins();
        Pinning.Outcome back = Pinning.reconcile("bob", null, gone, List.of(d1, d2), 40);
        assertThat(back.pins().get(1).trust()).isEqualTo(TrustState.NEW_DEVICE);
        assertThat(back.pins().get(1).active()).isTrue();
    }
}
