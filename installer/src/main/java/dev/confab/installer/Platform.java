package dev.confab.installer;

import java.util.List;

/**
 * A platform packages are built for, and where each bundled library keeps its natives for it inside its jar.
 *
 * <p>sqlite-jdbc, JNA and opus-java ship the natives of every OS in one jar; a package keeps only its own platform's
 * (JavaFX and FFmpeg come as per-platform jars already). An entry under one of {@link #NATIVE_ROOTS} that is not
 * under this platform's directory belongs to another platform. Immutable; safe to share.
 *
 * @param name the JavaCPP platform name used throughout the build (linux-x86_64, macosx-arm64, windows-x86_64)
 * @param keptDirectories the directories (with a trailing slash) of this platform's natives in those jars
 */
public record Platform(String name, List<String> keptDirectories) {

    /** Where sqlite-jdbc, JNA and opus-java put their per-platform natives. */
    static final List<String> NATIVE_ROOTS = List.of("org/sqlite/native/", "com/sun/jna/", "natives/");

    /** The platforms packages are built for. */
    public static Platform named(String name) {
        return switch (name) {
            case "linux-x86_64" -> new Platform(name,
                    List.of("org/sqlite/native/Linux/x86_64/", "com/sun/jna/linux-x86-64/", "natives/linux-x86-64/"));
            case "linux-arm64" -> new Platform(name,
                    List.of("org/sqlite/native/Linux/aarch64/", "com/sun/jna/linux-aarch64/", "natives/linux-aarch64/"));
            case "macosx-arm64" -> new Platform(name,
                    List.of("org/sqlite/native/Mac/aarch64/", "com/sun/jna/darwin-aarch64/", "natives/darwin/"));
            case "macosx-x86_64" -> new Platform(name,
                    List.of("org/sqlite/native/Mac/x86_64/", "com/sun/jna/darwin-x86-64/", "natives/darwin/"));
            case "windows-x86_64" -> new Platform(name,
                    List.of("org/sqlite/native/Windows/x86_64/", "com/sun/jna/win32-x86-64/", "natives/win32-x86-64/"));
            default -> throw new IllegalArgumentException("unknown platform '" + name
                    + "' (one of linux-x86_64, linux-arm64, macosx-arm64, macosx-x86_64, windows-x86_64)");
        };
    }

    /** Whether a jar entry belongs in this platform's package: anything but another platform's natives. */
    public boolean keeps(String entryName) {
        String nativeRoot = NATIVE_ROOTS.stream().filter(entryName::startsWith).findFirst().orElse(null);
        if (nativeRoot == null || !isNativeOrItsDirectory(nativeRoot, entryName)) {
            return true;
        }
        return keptDirectories.stream().anyMatch(kept -> entryName.startsWith(kept) || kept.startsWith(entryName));
    }

    /** JNA's classes live in com/sun/jna/ too: only its platform directories (os-arch, with a dash) hold natives. */
    private static boolean isNativeOrItsDirectory(String nativeRoot, String entryName) {
        if (!nativeRoot.equals("com/sun/jna/")) {
            return true;
        }
        String rest = entryName.substring(nativeRoot.length());
        int slash = rest.indexOf('/');
        return (slash < 0 ? rest : rest.substring(0, slash)).contains("-");
    }
}
