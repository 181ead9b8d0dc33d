#!/usr/bin/env bash
# Runs the signaling load benchmark (bench module): ./scripts/bench-load.sh [--users N] [--help for options]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
confab_find_jdk
./mvnw -q -B -DskipTests install
CP_FILE=bench/target/classpath.txt
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=runtime >/dev/null
# Each client holds a socket on both ends: raise the open-files limit for this process and the server it starts.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
exec java -Xmx4g -XX:+UseParallelGC -cp "bench/target/classes:$(cat "$CP_FILE")" dev.confab.bench.load.LoadDriver "$@"
