#!/usr/bin/env bash
# VP8 encode/decode speed of Confab's codec beside the ffmpeg CLI's libvpx on the same frames, and the CPU of a
# 640x480 30 fps + audio call on loopback, Confab (two client JVMs through its server) beside headless Chromium, and the
# glass-to-glass time of Confab's call from the test pattern's stamps:
# ./scripts/bench-video.sh [--codec-runs N] [--codec-frames F] [--cpu-seconds S] [--warm-up W] [--call-bitrate B]
#                          [--codec-only | --call-only]   (--help lists the options)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
confab_find_jdk
if [[ ! -x /usr/lib/chromium/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "Chromium is needed: apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
if ! command -v ffmpeg >/dev/null; then
  echo "The reference encoder is the ffmpeg CLI: apt-get install -y ffmpeg" >&2
  exit 1
fi
# Built in one reactor, without installing: the classpath names the modules' own jars under */target.
CP_FILE=bench/target/classpath.txt
./mvnw -q -B -DskipTests -pl bench -am package dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=runtime
exec java -cp "bench/target/classes:$(cat "$CP_FILE")" dev.confab.bench.video.VideoReport "$@"
