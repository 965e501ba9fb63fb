#!/usr/bin/env bash
# The WordPress interop stage (CI runs it after ./test.sh): installs WordPress 6, nginx, php-fpm and
# MariaDB from Debian's packages when missing, then runs tests/SatuPintu.WordPressTests, which stand
# up one real WordPress on a free loopback port (tests/wordpress/wordpress.sh) and import it into
# the portal through the syndication interface. Everything stays on 127.0.0.1.
# Usage: tests/wordpress/run-interop.sh [extra dotnet test arguments, e.g. --filter WordPressSiteTests]
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$(date +%s)
tests/wordpress/install.sh
export SATUPINTU_TEST_ARTIFACTS="${SATUPINTU_TEST_ARTIFACTS:-$PWD/artifacts/test}"
mkdir -p "$SATUPINTU_TEST_ARTIFACTS"
status=0
dotnet test tests/SatuPintu.WordPressTests --logger "console;verbosity=normal" \
  --results-directory "$SATUPINTU_TEST_ARTIFACTS" "$@" || status=$?
echo "run-interop.sh: WordPress stage took $(( $(date +%s) - t0 ))s"
exit "$status"
