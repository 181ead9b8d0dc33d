#!/usr/bin/env bash
# The desktop app's start-up time (to the sign-in window, to the contact list) and memory, idle and in a video call,
# in real windows on a private Xvfb display with a private PulseAudio daemon as its sound:
# ./scripts/bench-desktop.sh [--runs N] [--contacts C] [--call-seconds S]   (--help lists the options)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
source scripts/bench-lib.sh
confab_find_jdk
missing=()
command -v Xvfb >/dev/null || missing+=(xvfb libgtk-3-0)
command -v xdotool >/dev/null || missing+=(xdotool)
command -v pulseaudio >/dev/null || missing+=(pulseaudio)
command -v pactl >/dev/null || missing+=(pulseaudio-utils)
if ((${#missing[@]})); then
  echo "The desktop benchmark opens real windows on Xvfb, types in them with xdotool and gives the app PulseAudio" \
    "devices: apt-get install -y ${missing[*]} libasound2-plugins" >&2
  exit 1
fi
# Java Sound (in the benchmark's JVM and the app's) finds the private PulseAudio daemon only through the environment
# the JVM starts with; the benchmark starts the daemon on this socket.
export PULSE_SERVER="unix:$PWD/bench/target/pulse/native"
export PULSE_COOKIE="$PWD/bench/target/pulse/cookie"
confab_run_bench dev.confab.bench.desktop.DesktopReport "$@"
