package dev.confab.crypto.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.testkit.TestRandom;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private static final char[] PASSWORD = "correct horse".toCharArray();

    private final PasswordHasher hasher = new PasswordHasher(Argon2Params.fast(), TestRandom.seeded(1));

    @Test
    void hashIsAPhcString() {
        assertThat(hasher.hash(PASSWORD))
                .matches("\\$argon2id\\$v=19\\$m=256,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verifiesItsOwnHashAndNothingElse() {
        String encoded = hasher.hash(PASSWORD);

        assertThat(hasher.verify(PASSWORD, encoded)).isTrue();
        assertThat(hasher.verify("correct horsE".toCharArray(), encoded)).isFalse();
        assertThat(hasher.verify(new char[0], encoded)).isFalse();
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertThat(hasher.hash(PASSWORD)).isNotEqualTo(hasher.hash(PASSWORD));
    }

    @Test
    void phcEncodingRoundTrips() {
        String encoded = hasher.hash(PASSWORD);
        PhcHash parsed = PhcHash.parse(encoded).orElseThrow();

        assertThat(parsed.params()).isEqualTo(Argon2Params.fast());
        assertThat(parsed.salt()).hasSize(PasswordHasher.SALT_LENGTH);
        assertThat(parsed.hash()).hasSize(PasswordHasher.HASH_LENGTH);
        assertThat(parsed.format()).isEqualTo(encoded);
    }

    /**
     * Hashes made by the reference implementation's command-line tool ({@code argon2}, from phc-winner-argon2),
     * e.g. {@code echo -n "correct horse" | argon2 saltsaltsaltsalt -id -m 8 -t 1 -p 1 -l 32 -e}. The second was
     * made with this class's defaults and a UTF-8 password, the third with two lanes.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "correct horse|$argon2id$v=19$m=256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU",
        "pässwörd|$argon2id$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$yxo0u725ht/u+ArqyyL37VGxPOyFMvsz2eBUq2J6aH8",
        "correct horse|$argon2id$v=19$m=64,t=3,p=2$c2FsdHNhbHRzYWx0c2FsdA$Ja+CnHG1QJ4zHxfh3iSUWz3gSGhzP0DYHKhwJ8sa7S0",
    })
    void verifiesHashesFromTheReferenceImplementation(String passwordAndHash) {
        String[] parts = passwordAndHash.split("\\|", 2);

        assertThat(hasher.verify(parts[0].toCharArray(), parts[1])).isTrue();
        assertThat(hasher.verify((parts[0] + "!").toCharArray(), parts[1])).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "$argon2id$",
        "argon2id$v=19$m=256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU",
        "$argon2i$v=19$m=256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU",
        "$argon2id$v=16$m=256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU",
        "$argon2id$m=256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU",
        "$argon2id$v=19$m=256,p=1,t=1$c2FsdHNhbHRzYWx0c2FsdA$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU",
        "$argon2id$v=19$m=0256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU",
        "$argon2id$v=19$m=4,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU",
        "$argon2id$v=19$m=999999999,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU",
        "$argon2id$v=19$m=256,t=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU",
        "$argon2id$v=19$m=256,t=1,p=1$c2FsdA$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU",
        "$argon2id$v=19$m=256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA==$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU",
        "$argon2id$v=19$m=256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$BxcK6huShklLZWp7Zro",
        "$argon2id$v=19$m=256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JUxy",
        "$argon2id$v=19$m=256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU$",
    })
    void malformedHashIsFalseNotAnException(String encoded) {
        assertThat(hasher.verify(PASSWORD, encoded)).isFalse();
        assertThat(hasher.needsRehash(encoded)).isTrue();
    }

    @Test
    void nullHashIsFalse() {
        assertThat(hasher.verify(PASSWORD, null)).isFalse();
    }

    @Test
    void needsRehashWhenParametersDiffer() {
        String fast = hasher.hash(PASSWORD);
        PasswordHasher stronger = new PasswordHasher(new Argon2Params(512, 1, 1), TestRandom.seeded(2));

        assertThat(hasher.needsRehash(fast)).isFalse();
        assertThat(stronger.needsRehash(fast)).isTrue();
        assertThat(stronger.verify(PASSWORD, fast)).as("old hashes still verify").isTrue();
        // Right parameters but an 8-byte salt, as another library might write.
        assertThat(hasher.needsRehash(
                        "$argon2id$v=19$m=256,t=1,p=1$c2FsdHNhbHQ$BxcK6huShklLZWp7Zro/r/1sLdBZmtcepYit1Xux4JU"))
                .isTrue();
    }

    @Test
    void defaultsAreOwaspsMinimum() {
        assertThat(Argon2Params.defaults()).isEqualTo(new Argon2Params(19_456, 2, 1));
    }

    @Test
    void paramsOutOfBoundsAreRejected() {
        assertThatThrownBy(() -> new Argon2Params(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(64, 1, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(256, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(256, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(Argon2Params.MAX_MEMORY_KIB + 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneHasherServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 16)
                    .mapToObj(i -> pool.submit(() -> {
                        char[] password = ("password " + i).toCharArray();
                        return hasher.verify(password, hasher.hash(password));
                    }))
                    .toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
