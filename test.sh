#!/usr/bin/env bash
# Runs every test of SatuPintu on this machine: installs what the tests need when missing
# (PostgreSQL and Chromium from Debian's packages), starts a throwaway PostgreSQL cluster on
# 127.0.0.1 for the run, runs `dotnet test`, then the WordPress interop stage (tests/wordpress/), and
# removes the cluster afterwards.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Portal]
set -euo pipefail
cd "$(dirname "$0")"

need_packages=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || need_packages+=(fonts-dejavu-core)
[ -f /usr/lib/python3/dist-packages/feedparser/__init__.py ] || need_packages+=(python3-feedparser)
[ -x /usr/bin/xmllint ] || need_packages+=(libxml2-utils)
[ -x /usr/sbin/nft ] || need_packages+=(nftables)
[ -x /usr/sbin/ip ] || need_packages+=(iproute2)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "test.sh: installing ${need_packages[*]} from Debian's packages"
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
fi

pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d -t satupintu-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || shuf -i 20000-60000 -n 1)

# initdb refuses to run as root; run the cluster as the postgres user the package created.
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"

wp_install=""
cleanup() {
  # A background package install is never cut off halfway (dpkg would be left to repair).
  [ -z "$wp_install" ] || wait "$wp_install" 2>/dev/null || true
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT

run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-h 127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
echo "test.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

# The tests' data folders (SQLite files, uploads, indexes) go on tmpfs where there is room: every
# SQLite commit is an fsync, which costs 10-30 ms on a loaded VM's disk and nothing on tmpfs (the
# PostgreSQL cluster above runs with fsync=off for the same reason). Durability is not under test.
if [ -z "${SATUPINTU_TEST_TMP:-}" ] && [ -w /dev/shm ] && [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt 4000000 ]; then
  SATUPINTU_TEST_TMP=$(mktemp -d /dev/shm/satupintu-tests.XXXXXX)
  trap 'cleanup; rm -rf "$SATUPINTU_TEST_TMP"' EXIT
fi
[ -n "${SATUPINTU_TEST_TMP:-}" ] && export TMPDIR="$SATUPINTU_TEST_TMP"

export SATUPINTU_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
export SATUPINTU_TEST_ARTIFACTS="${SATUPINTU_TEST_ARTIFACTS:-$PWD/artifacts/test}"
mkdir -p "$SATUPINTU_TEST_ARTIFACTS"

# The WordPress stage's packages (~85 s on a fresh machine, mostly download and unpack) install while
# the suite runs, not after it; its install.sh skips in a second when they are there.
if [ $# -eq 0 ]; then
  tests/wordpress/install.sh >"$SATUPINTU_TEST_ARTIFACTS/wordpress-install.log" 2>&1 &
  wp_install=$!
fi

t0=$(date +%s)
dotnet test SatuPintu.slnx --logger "console;verbosity=normal" --results-directory "$SATUPINTU_TEST_ARTIFACTS" "$@"
echo "test.sh: build and suite took $(( $(date +%s) - t0 ))s"

# Second stage, for the whole run only (not with a --filter): a real WordPress from Debian's packages on
# loopback, imported through the syndication interface (tests/wordpress/).
if [ $# -eq 0 ]; then
  wait "$wp_install" || { cat "$SATUPINTU_TEST_ARTIFACTS/wordpress-install.log"; exit 1; }
  wp_install=""
  tests/wordpress/run-interop.sh
fi
