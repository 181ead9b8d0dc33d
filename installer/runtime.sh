# Sourced by build-packages.sh: the Java runtimes packaged with the client and the server (jlink), and what they hold.

# The modules each side uses (jdeps --print-module-deps over the jars and their libraries), fixed here so that every
# build links the same runtime. java.desktop holds Java Sound, which the client plays and records with.
CLIENT_MODULES=java.base,java.desktop,java.management,java.naming,java.sql,jdk.jfr,jdk.unsupported
SERVER_MODULES=java.base,java.desktop,java.instrument,java.management,java.naming,java.security.jgss,java.sql,jdk.management,jdk.unsupported

# AWT's fonts, splash screen and JPEG codec: the client uses AWT only for BufferedImage (webcam-capture's frame type),
# JavaFX draws its own text and images. 3.4 MB of the installed size.
CLIENT_EXCLUDED_FILES='**/libfontmanager.so,**/libfreetype.so,**/libsplashscreen.so,**/libjavajpeg.so'

# confab_runtime DIR MODULES [EXCLUDED_FILES]: links a runtime of MODULES into DIR, without debug information, headers or man pages.
# It has no class-data-sharing archive: the JDK's default one (14 MiB) would take the client over its 120 MB
# installed-size budget (bench/results: the installer benchmark measures the start-up it costs).
confab_runtime() {
    local dir="$1" modules="$2" excluded=()
    [ -n "${3:-}" ] && excluded=(--exclude-files "$3")
    local strip=(--strip-debug)
    if command -v objcopy >/dev/null 2>&1; then
        strip=(--strip-java-debug-attributes --strip-native-debug-symbols objcopy="$(command -v objcopy)")
    fi
    jlink --add-modules "$modules" "${strip[@]}" --compress zip-9 --no-header-files --no-man-pages ${excluded[@]+"${excluded[@]}"} \
        --output "$dir"
    # The JVM's symbol table serves only debuggers and crash reports' native frames: 5 MiB less without it.
    if command -v strip >/dev/null 2>&1 && [ -f "$dir/lib/server/libjvm.so" ]; then
        strip --strip-unneeded "$dir/lib/server/libjvm.so"
    fi
}
