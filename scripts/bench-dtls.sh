#!/usr/bin/env bash
# DTLS-SRTP handshake time on UDP loopback, cold and warm: ./scripts/bench-dtls.sh [--cold-forks N] [--seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
confab_find_jdk
./mvnw -q -B -DskipTests install
CP_FILE=bench/target/classpath.txt
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=runtime >/dev/null
exec java -cp "bench/target/classes:$(cat "$CP_FILE")" dev.confab.bench.dtls.DtlsHandshakeReport "$@"
