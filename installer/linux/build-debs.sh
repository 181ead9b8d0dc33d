#!/usr/bin/env bash
# Linux packages from the app images of build-packages.sh: the client's and the server's .deb, and a portable
# .tar.gz of each image. Files land under /opt (the images), /usr/bin, /usr/share and, for the server, /etc and
# /lib/systemd; dpkg knows every one of them, so removing a package leaves nothing of it behind.
#
# Usage: installer/linux/build-debs.sh IMAGES_DIR OUT_DIR   (with the variables of installer/version.sh set)
set -euo pipefail
LINUX="$(cd "$(dirname "$0")" && pwd)"
INSTALLER="$(dirname "$LINUX")"
IMAGES="$1"
OUT="$2"
WORK="$(dirname "$IMAGES")/debs"
rm -rf "$WORK"
mkdir -p "$WORK"
ARCH=$(dpkg --print-architecture)

# deb_tree NAME: an empty package tree for NAME with its copyright file.
deb_tree() {
    local tree="$WORK/$1"
    mkdir -p "$tree/DEBIAN" "$tree/opt" "$tree/usr/bin" "$tree/usr/share/doc/$1"
    install -m 644 "$LINUX/copyright" "$tree/usr/share/doc/$1/copyright"
    echo "$tree"
}

# deb_build TREE: writes TREE's control file from its template and builds the package into OUT. Every file gets
# the commit's time, so two builds of one commit differ only where the tools themselves vary.
deb_build() {
    local tree="$1" name
    name=$(basename "$tree")
    sed -e "s/@VERSION@/$CONFAB_DEB_VERSION/" -e "s/@ARCH@/$ARCH/" \
        -e "s/@INSTALLED_SIZE@/$(du -sk --exclude=DEBIAN "$tree" | cut -f1)/" \
        "$LINUX/$name/control" > "$tree/DEBIAN/control"
    find "$tree" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
    dpkg-deb --root-owner-group -Zxz --build "$tree" "$OUT/${name}_${CONFAB_DEB_VERSION}_$ARCH.deb" >/dev/null
}

# The client: the app image in /opt/confab, `confab` (the command line) and `confab-desktop` on the PATH, a menu
# entry and its icon.
client=$(deb_tree confab)
cp -a "$IMAGES/Confab" "$client/opt/confab"
ln -s /opt/confab/bin/confab-cli "$client/usr/bin/confab"
install -m 755 "$LINUX/confab/confab-desktop" "$client/usr/bin/confab-desktop"
install -D -m 644 "$LINUX/confab/confab.desktop" "$client/usr/share/applications/confab.desktop"
install -D -m 644 "$INSTALLER/icons/confab.png" "$client/usr/share/icons/hicolor/256x256/apps/confab.png"
install -D -m 644 "$INSTALLER/icons/confab-512.png" "$client/usr/share/icons/hicolor/512x512/apps/confab.png"
deb_build "$client"

# The server: the app image in /opt/confab-server, its settings in /etc, a systemd unit, and maintainer scripts that
# make its system user and data directory (/var/lib/confab-server).
server=$(deb_tree confab-server)
cp -a "$IMAGES/confab-server" "$server/opt/confab-server"
ln -s /opt/confab-server/bin/confab-server "$server/usr/bin/confab-server"
install -D -m 640 "$LINUX/confab-server/confab-server.properties" "$server/etc/confab-server/confab-server.properties"
install -D -m 644 "$LINUX/confab-server/confab-server.service" "$server/lib/systemd/system/confab-server.service"
install -D -m 644 "$INSTALLER/../server/src/main/resources/confab-server.example.properties" \
    "$server/usr/share/doc/confab-server/confab-server.example.properties"
for script in conffiles postinst prerm postrm; do
    install -m 755 "$LINUX/confab-server/$script" "$server/DEBIAN/$script"
done
chmod 644 "$server/DEBIAN/conffiles"
deb_build "$server"

# The portable images: unpack anywhere and run bin/Confab (or bin/confab-server).
tar -C "$IMAGES" --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
    -czf "$OUT/Confab-$CONFAB_VERSION-linux-$ARCH.tar.gz" Confab
tar -C "$IMAGES" --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
    -czf "$OUT/confab-server-$CONFAB_VERSION-linux-$ARCH.tar.gz" confab-server
