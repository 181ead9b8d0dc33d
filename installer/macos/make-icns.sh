#!/usr/bin/env bash
# The macOS app icon (.icns) from the 512-pixel PNG, with the Mac's own tools (sips, iconutil).
# Usage: installer/macos/make-icns.sh SOURCE.png OUT.icns
set -euo pipefail
SET="$(mktemp -d)/confab.iconset"
mkdir -p "$SET"
for size in 16 32 128 256 512; do
    sips -z "$size" "$size" "$1" --out "$SET/icon_${size}x${size}.png" >/dev/null
    if [ $((size * 2)) -le 512 ]; then
        sips -z $((size * 2)) $((size * 2)) "$1" --out "$SET/icon_${size}x${size}@2x.png" >/dev/null
    fi
done
iconutil -c icns "$SET" -o "$2"
rm -rf "$(dirname "$SET")"
