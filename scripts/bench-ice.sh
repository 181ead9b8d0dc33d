#!/usr/bin/env bash
# Offer to ICE connected and to DTLS connected on loopback and across two NATs of the network lab (root), Confab
# beside headless Chromium, cold and warm:
# ./scripts/bench-ice.sh [--cold-runs N] [--warm-up W] [--warm M] [--no-nat]   (--help lists the options)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
confab_find_jdk
if [[ ! -x /usr/lib/chromium/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "Chromium is needed: apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
# Built in one reactor, without installing: the classpath names the modules' own jars under */target.
CP_FILE=bench/target/classpath.txt
./mvnw -q -B -DskipTests -pl bench -am package dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=runtime
exec java -cp "bench/target/classes:$(cat "$CP_FILE")" dev.confab.bench.ice.ConnectTimeReport "$@"
