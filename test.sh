#!/usr/bin/env bash
# Runs Confab's whole test suite. Installs the system packages the tests need (as root), or says which.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/jdk.sh
confab_find_jdk
source scripts/test-deps.sh
confab_install_test_deps

echo "Running the test suite with $(java -version 2>&1 | head -n1)"
exec ./mvnw -B verify "$@"
