#!/usr/bin/env bash
# VP8 encode/decode speed of Confab's codec beside the ffmpeg CLI's libvpx on the same frames, and the CPU of a
# 640x480 30 fps + audio call on loopback, Confab (two client JVMs through its server) beside headless Chromium, and the
# glass-to-glass time of Confab's call from the test pattern's stamps:
# ./scripts/bench-video.sh [--codec-runs N] [--codec-frames F] [--cpu-seconds S] [--warm-up W] [--call-bitrate B]
#                          [--codec-only | --call-only]   (--help lists the options)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
source scripts/bench-lib.sh
confab_find_jdk
confab_require_chromium
if ! command -v ffmpeg >/dev/null || ! command -v espeak-ng >/dev/null; then
  echo "The reference encoder is the ffmpeg CLI and the calls talk with espeak-ng: apt-get install -y ffmpeg espeak-ng" >&2
  exit 1
fi
confab_run_bench dev.confab.bench.video.VideoReport "$@"
