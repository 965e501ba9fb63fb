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

cleanup() {
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT

run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-h 127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
echo "test.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

export SATUPINTU_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
export SATUPINTU_TEST_ARTIFACTS="${SATUPINTU_TEST_ARTIFACTS:-$PWD/artifacts/test}"
mkdir -p "$SATUPINTU_TEST_ARTIFACTS"

dotnet test SatuPintu.slnx --logger "console;verbosity=normal" --results-directory "$SATUPINTU_TEST_ARTIFACTS" "$@"

# Second stage, for the whole run only (not with a --filter): a real WordPress from Debian's packages on
# loopback, imported through the syndication interface (tests/wordpress/, ~3 min with the install).
if [ $# -eq 0 ]; then
  tests/wordpress/run-interop.sh
fi
