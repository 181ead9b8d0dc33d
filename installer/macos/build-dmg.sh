#!/usr/bin/env bash
# macOS packages from the app images of build-packages.sh (run on a Mac): Confab's disk image (drag Confab.app to
# Applications) and a .tar.gz of the server's image. Neither is signed or notarized yet: on first start, open Confab
# with Control-click > Open.
#
# Usage: installer/macos/build-dmg.sh IMAGES_DIR OUT_DIR   (with the variables of installer/version.sh set)
set -euo pipefail
IMAGES="$1"
OUT="$2"
ARCH=$(uname -m)
jpackage --type dmg --app-image "$IMAGES/Confab.app" --name Confab --app-version "$APP_VERSION" --dest "$IMAGES"
mv "$IMAGES"/Confab-*.dmg "$OUT/Confab-$CONFAB_VERSION-macos-$ARCH.dmg"
tar -C "$IMAGES" -czf "$OUT/confab-server-$CONFAB_VERSION-macos-$ARCH.tar.gz" confab-server.app
