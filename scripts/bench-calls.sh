#!/usr/bin/env bash
# Call set-up (call to ring, accept to first audio), mouth-to-ear latency (of the media pipeline, and through virtual
# PulseAudio devices with Confab's device lines) and CPU per call on loopback, Confab beside headless Chromium:
# ./scripts/bench-calls.sh [--cold-runs N] [--warm-up W] [--warm M] [--bursts B] [--device-buffers 60,40,20]
#                          [--cpu-seconds S] [--mouth-to-ear-only] [--cpu-only]   (--help lists the options)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
source scripts/bench-lib.sh
confab_find_jdk
confab_require_chromium
if ! command -v espeak-ng >/dev/null || ! command -v ffmpeg >/dev/null; then
  echo "The talking voice needs espeak-ng and ffmpeg: apt-get install -y espeak-ng ffmpeg" >&2
  exit 1
fi
if ! command -v pulseaudio >/dev/null || ! command -v pacat >/dev/null \
    || ! ls /usr/lib/*/alsa-lib/libasound_module_pcm_pulse.so >/dev/null 2>&1; then
  echo "Mouth-to-ear through devices needs PulseAudio: apt-get install -y pulseaudio pulseaudio-utils libasound2-plugins" >&2
  exit 1
fi
confab_run_bench dev.confab.bench.calls.CallReport "$@"
