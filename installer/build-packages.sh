#!/usr/bin/env bash
# Builds Confab's packages from the built project (./mvnw -DskipTests package first, or let Maven's installer module
# call this): a self-contained runtime (jlink) and app image (jpackage) for the client and the server, then this
# platform's packages, with SHA-256 checksums, into installer/target/packages/.
#
#   Linux:   confab_<version>_amd64.deb, confab-server_<version>_amd64.deb and portable .tar.gz images of both
#   macOS:   Confab-<version>.dmg and the server's .tar.gz          (run on a Mac: installer/macos/build-dmg.sh)
#   Windows: Confab-<version>.msi and the server's .zip             (run in Git Bash: installer/windows/build-msi.sh)
#
# Usage: installer/build-packages.sh [--platform linux-x86_64|macosx-arm64|windows-x86_64] [--images-only]
set -euo pipefail
INSTALLER="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$INSTALLER")"
source "$ROOT/scripts/jdk.sh"
confab_find_jdk
source "$INSTALLER/version.sh"
confab_version "$ROOT"
source "$INSTALLER/runtime.sh"

PLATFORM=linux-x86_64
IMAGES_ONLY=false
while [ $# -gt 0 ]; do
    case "$1" in
        --platform) PLATFORM="$2"; shift 2 ;;
        --images-only) IMAGES_ONLY=true; shift ;;
        *) echo "Unknown option $1. Usage: installer/build-packages.sh [--platform NAME] [--images-only]" >&2; exit 2 ;;
    esac
done

TARGET="$INSTALLER/target"
WORK="$TARGET/work"
OUT="$TARGET/packages"
rm -rf "$WORK" "$OUT"
mkdir -p "$WORK" "$OUT"
for jar in "$ROOT/client-app/target/confab.jar" "$ROOT/server/target/confab-server.jar"; do
    if [ ! -f "$jar" ]; then
        echo "$jar is missing: build the project first (./mvnw -B -DskipTests package)." >&2
        exit 1
    fi
done
echo "Building Confab $CONFAB_VERSION packages for $PLATFORM with $(java -version 2>&1 | head -n1)"

# The staged jars: the build's version in the main jar's manifest, only this platform's natives in the libraries.
stage() {
    java "$INSTALLER/src/main/java/dev/confab/installer/StageJars.java" "$PLATFORM" "$CONFAB_VERSION" "$@"
}
stage "$ROOT/client-app/target/confab.jar" "$ROOT/client-app/target/lib" "$WORK/client-jars"
stage "$ROOT/server/target/confab-server.jar" "$ROOT/server/target/lib" "$WORK/server-jars"

confab_runtime "$WORK/client-runtime" "$CLIENT_MODULES" "$CLIENT_EXCLUDED_FILES"
confab_runtime "$WORK/server-runtime" "$SERVER_MODULES"

# The desktop app's JVM options are the ones bin/confab-desktop uses (its @argument file, comments left out).
desktop_options=()
while read -r option; do
    desktop_options+=(--java-options "$option")
done < <(grep -v '^#' "$ROOT/bin/confab-desktop.jvm-options" | grep -v '^ *$')

# What differs per platform: the icon's format, the console of the command-line launcher on Windows, and the version
# macOS takes (one to three numbers, the first not 0: the build number there).
APP_VERSION="$CONFAB_NUMERIC_VERSION"
PLATFORM_OPTIONS=()
case "$PLATFORM" in
    windows-*) ICON="$INSTALLER/icons/confab.ico"; CLI_CONSOLE="win-console=true" ;;
    macosx-*) ICON="$WORK/confab.icns"; CLI_CONSOLE=""
              APP_VERSION=$(( CONFAB_BUILD_NUMBER > 0 ? CONFAB_BUILD_NUMBER : 1 ))
              PLATFORM_OPTIONS=(--mac-package-identifier dev.confab.desktop) ;;
    *) ICON="$INSTALLER/icons/confab.png"; CLI_CONSOLE="" ;;
esac
export APP_VERSION
if [[ "$PLATFORM" == macosx-* ]]; then
    "$INSTALLER/macos/make-icns.sh" "$INSTALLER/icons/confab-512.png" "$ICON"
fi
cat > "$WORK/confab-cli.properties" <<PROPS
main-class=dev.confab.client.cli.ConfabCli
java-options=--enable-native-access=ALL-UNNAMED
$CLI_CONSOLE
PROPS

# Both launchers run from the class path, as in development: the desktop app's main class starts JavaFX itself.
jpackage --type app-image --dest "$WORK/images" \
    --name Confab --app-version "$APP_VERSION" --vendor "Confab" \
    --description "End-to-end encrypted calls and chat" --icon "$ICON" ${PLATFORM_OPTIONS[@]+"${PLATFORM_OPTIONS[@]}"} \
    --input "$WORK/client-jars" --main-jar confab.jar --main-class dev.confab.client.ui.app.ConfabDesktop \
    --runtime-image "$WORK/client-runtime" \
    "${desktop_options[@]}" --java-options --enable-native-access=ALL-UNNAMED \
    --add-launcher confab-cli="$WORK/confab-cli.properties"
jpackage --type app-image --dest "$WORK/images" \
    --name confab-server --app-version "$APP_VERSION" --vendor "Confab" \
    --description "Confab signaling server" \
    --input "$WORK/server-jars" --main-jar confab-server.jar --main-class dev.confab.server.ServerMain \
    --runtime-image "$WORK/server-runtime" \
    --java-options --enable-native-access=ALL-UNNAMED
$IMAGES_ONLY && exit 0

case "$PLATFORM" in
    linux-*) "$INSTALLER/linux/build-debs.sh" "$WORK/images" "$OUT" ;;
    macosx-*) "$INSTALLER/macos/build-dmg.sh" "$WORK/images" "$OUT" ;;
    windows-*) "$INSTALLER/windows/build-msi.sh" "$WORK/images" "$OUT" ;;
esac
checksums() { if command -v sha256sum >/dev/null; then sha256sum -- "$@"; else shasum -a 256 -- "$@"; fi; }
(cd "$OUT" && checksums * > "$WORK/SHA256SUMS" && mv "$WORK/SHA256SUMS" SHA256SUMS)
echo "Packages in $OUT:"
(cd "$OUT" && ls -l)
