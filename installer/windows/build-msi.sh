#!/usr/bin/env bash
# Windows packages from the app images of build-packages.sh (run in Git Bash on Windows, with the WiX Toolset that
# jpackage uses: see .github/workflows/installers.yml): Confab's installer (.msi: Start menu and desktop shortcuts,
# a chosen folder, upgrades in place) and a .zip of the server's image.
#
# Usage: installer/windows/build-msi.sh IMAGES_DIR OUT_DIR   (with the variables of installer/version.sh set)
set -euo pipefail
IMAGES="$1"
OUT="$2"
# One upgrade code for every version, so that a newer .msi replaces the installed one.
UPGRADE_UUID=5b0f3c1e-7d4a-4c55-9a53-0c0fab000001
jpackage --type msi --app-image "$IMAGES/Confab" --name Confab --app-version "$APP_VERSION" --vendor "Confab" \
    --win-menu --win-menu-group Confab --win-shortcut --win-dir-chooser --win-upgrade-uuid "$UPGRADE_UUID" \
    --dest "$IMAGES"
mv "$IMAGES"/Confab-*.msi "$OUT/Confab-$CONFAB_VERSION-windows-x64.msi"
powershell -NoProfile -Command "Compress-Archive -Path '$(cygpath -w "$IMAGES/confab-server")' -DestinationPath '$(cygpath -w "$OUT/confab-server-$CONFAB_VERSION-windows-x64.zip")'"
