#!/usr/bin/env bash
# The desktop app's start-up time (to the sign-in window, to the contact list) and memory, in real windows on a
# private Xvfb display: ./scripts/bench-desktop.sh [--runs N] [--contacts C]   (--help lists the options)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
source scripts/bench-lib.sh
confab_find_jdk
if ! command -v Xvfb >/dev/null; then
  echo "The desktop benchmark opens real windows on Xvfb: apt-get install -y xvfb libgtk-3-0" >&2
  exit 1
fi
confab_run_bench dev.confab.bench.desktop.DesktopReport "$@"
