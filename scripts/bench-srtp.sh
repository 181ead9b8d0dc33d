#!/usr/bin/env bash
# SRTP throughput, Confab beside libsrtp2 in one run: ./scripts/bench-srtp.sh [--trials N] [--seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
confab_find_jdk
source scripts/test-deps.sh
confab_install_test_deps
./mvnw -q -B -DskipTests install
mkdir -p bench/target
gcc -O2 -Wall -o bench/target/srtp_bench bench/src/main/c/srtp_bench.c $(pkg-config --cflags --libs libsrtp2)
CP_FILE=bench/target/classpath.txt
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=runtime >/dev/null
exec java -cp "bench/target/classes:$(cat "$CP_FILE")" dev.confab.bench.srtp.SrtpComparison \
    --libsrtp-bench bench/target/srtp_bench "$@"
