#!/usr/bin/env bash
# Offer to ICE connected and to DTLS connected on loopback and across two NATs of the network lab (root), Confab
# beside headless Chromium, cold and warm:
# ./scripts/bench-ice.sh [--cold-runs N] [--warm-up W] [--warm M] [--no-nat]   (--help lists the options)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
source scripts/bench-lib.sh
confab_find_jdk
confab_require_chromium
confab_run_bench dev.confab.bench.ice.ConnectTimeReport "$@"
