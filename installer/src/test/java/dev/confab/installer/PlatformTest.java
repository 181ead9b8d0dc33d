package dev.confab.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformTest {
    private final Platform linux = Platform.named("linux-x86_64");

    @Test
    void keepsThisPlatformsNativesAndTheDirectoriesLeadingToThem() {
        assertThat(linux.keeps("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so")).isTrue();
        assertThat(linux.keeps("org/sqlite/native/Linux/")).isTrue();
        assertThat(linux.keeps("com/sun/jna/linux-x86-64/libjnidispatch.so")).isTrue();
        assertThat(linux.keeps("natives/linux-x86-64/libopus.so")).isTrue();
    }

    @Test
    void dropsOtherPlatformsNatives() {
        assertThat(linux.keeps("org/sqlite/native/Windows/x86_64/sqlitejdbc.dll")).isFalse();
        assertThat(linux.keeps("org/sqlite/native/Linux-Musl/x86_64/libsqlitejdbc.so")).isFalse();
        assertThat(linux.keeps("org/sqlite/native/Linux/aarch64/libsqlitejdbc.so")).isFalse();
        assertThat(linux.keeps("com/sun/jna/darwin-aarch64/libjnidispatch.jnilib")).isFalse();
        assertThat(linux.keeps("com/sun/jna/win32-x86-64/")).isFalse();
        assertThat(linux.keeps("natives/darwin/libopus.dylib")).isFalse();
    }

    @Test
    void keepsClassesAndResourcesThatShareANativeRoot() {
        assertThat(linux.keeps("com/sun/jna/Native.class")).isTrue();
        assertThat(linux.keeps("com/sun/jna/win32/W32APIOptions.class")).isTrue();
        assertThat(linux.keeps("org/sqlite/SQLiteConnection.class")).isTrue();
        assertThat(linux.keeps("META-INF/MANIFEST.MF")).isTrue();
    }

    @Test
    void eachPlatformKeepsItsOwn() {
        Platform mac = Platform.named("macosx-arm64");
        assertThat(mac.keeps("com/sun/jna/darwin-aarch64/libjnidispatch.jnilib")).isTrue();
        assertThat(mac.keeps("com/sun/jna/linux-x86-64/libjnidispatch.so")).isFalse();
        Platform windows = Platform.named("windows-x86_64");
        assertThat(windows.keeps("org/sqlite/native/Windows/x86_64/sqlitejdbc.dll")).isTrue();
        assertThat(windows.keeps("natives/win32-x86/libopus.dll")).isFalse();
    }

    @Test
    void anUnknownPlatformIsNamedInTheError() {
        assertThatThrownBy(() -> Platform.named("solaris-sparc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("solaris-sparc").hasMessageContaining("linux-x86_64");
    }
}
