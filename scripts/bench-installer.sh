#!/usr/bin/env bash
# The packages' benchmark: installer and installed sizes, and how fast the installed desktop app shows its sign-in
# window — on a user's first start (page cache dropped, an empty home: the start that records the AOT cache), cold
# (page cache dropped) and warm — side by side with the reference: the same app from the build's jars on the full JDK
# (bin/confab-desktop, with its own AOT cache). Installs the client .deb (root); windows on a private Xvfb.
# ./scripts/bench-installer.sh [--runs N] [--build]     (--build: build the project and the packages first)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
confab_find_jdk
RUNS=7
BUILD=false
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="$2"; shift 2 ;;
        --build) BUILD=true; shift ;;
        *) echo "Usage: ./scripts/bench-installer.sh [--runs N] [--build]" >&2; exit 2 ;;
    esac
done
if [ "$(id -u)" -ne 0 ]; then
    echo "The installer benchmark installs the client package and drops the page cache: run it as root." >&2
    exit 1
fi
PACKAGES=installer/target/packages
if $BUILD || ! ls "$PACKAGES"/confab_*.deb >/dev/null 2>&1; then
    ./mvnw -q -B -DskipTests package
    installer/build-packages.sh >/dev/null
fi
CLIENT_DEB=$(ls "$PACKAGES"/confab_*.deb)
WORK=$(mktemp -d /tmp/confab-bench-installer-XXXX)
DISPLAY_NUMBER=""
cleanup() {
    [ -n "$DISPLAY_NUMBER" ] && kill "$(cat "$WORK/xvfb.pid")" 2>/dev/null || true
    dpkg --purge confab >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

dpkg -i "$CLIENT_DEB" >/dev/null
INSTALLED=$(du -sb /opt/confab | cut -f1)
RUNTIME=$(du -sb /opt/confab/lib/runtime | cut -f1)
JARS=$(du -sb /opt/confab/lib/app | cut -f1)

for number in $(seq 150 189); do
    [ -e "/tmp/.X$number-lock" ] || [ -e "/tmp/.X11-unix/X$number" ] || { DISPLAY_NUMBER=$number; break; }
done
Xvfb ":$DISPLAY_NUMBER" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
echo $! > "$WORK/xvfb.pid"
until [ -e "/tmp/.X11-unix/X$DISPLAY_NUMBER" ]; do sleep 0.05; done

# launch KIND HOME MARKS: becomes the app of KIND (installed | jars) with HOME as the user's home.
launch() {
    local kind="$1" home="$2" marks="$3" command=/usr/bin/confab-desktop
    [ "$kind" = jars ] && command=bin/confab-desktop
    HOME="$home" DISPLAY=":$DISPLAY_NUMBER" exec "$command" --data-dir "$home/data" --startup-marks "$marks"
}
# start_once KIND START RUN: milliseconds from launch to the sign-in window, and the app's RSS (MiB) then.
start_once() {
    local kind="$1" start="$2" run="$3" home="$WORK/home-$1" marks="$WORK/marks" started pid shown rss
    if [ "$start" = first ]; then
        rm -rf "$home" client-app/target/confab-desktop.aot
    fi
    if [ "$start" != warm ]; then
        sync && echo 3 > /proc/sys/vm/drop_caches
    fi
    mkdir -p "$home"
    rm -f "$marks"
    started=$(date +%s%3N)
    launch "$kind" "$home" "$marks" > "$WORK/$kind-$start-$run.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 6000); do
        grep -q '^sign-in-window ' "$marks" 2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || { echo "The $kind app ended before its sign-in window:" >&2; cat "$WORK/$kind-$start-$run.log" >&2; exit 1; }
        sleep 0.01
    done
    shown=$(awk '/^sign-in-window / { print $2 }' "$marks")
    rss=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$((shown - started)) $rss"
}

for run in $(seq 1 "$RUNS"); do
    for kind in installed jars; do
        for start in first cold warm; do
            start_once "$kind" "$start" "$run" >> "$WORK/$kind-$start.txt"
        done
    done
done

echo "## Packages ($(dpkg-deb -f "$CLIENT_DEB" Version), $(date -u +%Y-%m-%d), $(nproc) cores)"
echo
echo "| Artifact | size (MB) |"
echo "| --- | ---: |"
for file in "$PACKAGES"/*; do
    [ "$(basename "$file")" = SHA256SUMS ] && continue
    echo "| $(basename "$file") | $(mb "$(stat -c %s "$file")") |"
done
echo "| **installed client** (/opt/confab; goal < 120) | **$(mb "$INSTALLED")** |"
echo "| of which the Java runtime | $(mb "$RUNTIME") |"
echo "| of which the application's jars | $(mb "$JARS") |"
echo
echo "Launch to the sign-in window on the screen, ms over $RUNS runs each. First: a new user (empty home) after the"
echo "page cache was dropped: no AOT cache yet, this start records it. Cold: page cache dropped, with the AOT cache."
echo "Warm: the next start. Reference: bin/confab-desktop (the build's jars on the full JDK, its own AOT cache)."
echo
echo "| Start | installed: median | min | max | RSS MiB | reference: median | ratio |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for start in first cold warm; do
    installed_median=$(cut -d' ' -f1 "$WORK/installed-$start.txt" | median)
    jars_median=$(cut -d' ' -f1 "$WORK/jars-$start.txt" | median)
    echo "| $start | $installed_median | $(cut -d' ' -f1 "$WORK/installed-$start.txt" | sort -n | head -1)" \
        "| $(cut -d' ' -f1 "$WORK/installed-$start.txt" | sort -n | tail -1)" \
        "| $(cut -d' ' -f2 "$WORK/installed-$start.txt" | median) | $jars_median" \
        "| $(awk -v a="$installed_median" -v b="$jars_median" 'BEGIN { printf "%.2f", a / b }') |"
done
