#!/usr/bin/env bash
# Syndication benchmark (issue 12): polling rounds over a loopback feed farm of SOURCES (1000)
# sources, then a first import of a WP_POSTS (10,000) post WordPress archive while wrk measures
# public pages. Needs the syndication capability (sources API, `sources poll`).
#   bench/syndication.sh                 everything
#   PARTS=farm bench/syndication.sh      only the farm rounds;  PARTS=wordpress: only the archive import
# Farm rounds (the portal is stopped during them, so its own background poller stays out of the
# figures): round 1 is the first import (every source answers, two are huge); then the farm moves on
# one round (bench/feedfarm: 10% of the sources get a new item, 3% turn slow for FARM_SLOW_SECONDS,
# 3% 404, 1% 500, 1% broken XML) and rounds 2..ROUNDS (3) poll again: conditional GETs, mostly 304.
# Per round: wall time, CPU (user+sys) and peak memory of the `sources poll --all` process, and what
# the farm served (requests, 200/304/errors, bytes, most requests in flight at once = concurrency).
# The farm and the WordPress run alone too: `FARM_PORT=8700 dotnet run -c Release --project
# bench/feedfarm` and `tests/wordpress/wordpress.sh up 10000`.
# POLL_WRAP prefixes each `sources poll` ({label} names the round), e.g.
# POLL_WRAP="dotnet-trace collect --profile cpu-sampling --format speedscope -o /tmp/{label}.nettrace --"
# to profile the rounds (the figures then include the tracer's own cost).
set -euo pipefail
BENCH_NAME=syndication
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SOURCES=${SOURCES:-1000}; ROUNDS=${ROUNDS:-3}; WP_POSTS=${WP_POSTS:-10000}; PARTS=${PARTS:-"farm wordpress"}
WINDOW=${WINDOW:-10s}; FARM_SLOW_SECONDS=${FARM_SLOW_SECONDS:-30}
OPDS=(dinkes rsud disdikbud pupr distan dishub satpolpp bpbd diskominfo dinsos)
bench_prepare_work
bench_need wrk wrk
[[ -x /usr/bin/time ]] || bench_need /usr/bin/time time
OUT="$BENCH_WORK/syndication/$(date +%Y%m%d-%H%M%S)"; mkdir -p "$OUT"
DATA="$BENCH_WORK/syndication-data"
ALLOW=(SatuPintu__Syndication__AllowedHosts__0=127.0.0.0/8)
FARM_PID=""
cleanup() {
  bench_stop_app
  [[ -z $FARM_PID ]] || kill "$FARM_PID" 2>/dev/null || true
  [[ -z ${WP_DIR:-} ]] || "$BENCH_REPO/tests/wordpress/wordpress.sh" stop >/dev/null 2>&1 || true   # data kept for the next run
  wait 2>/dev/null || true
}
trap cleanup EXIT

[[ -n ${SKIP_PUBLISH:-} && -f $BENCH_WORK/app/SatuPintu.dll ]] || bench_publish
cli() { (cd "$BENCH_WORK/app" && env SatuPintu__DataDir="$DATA" Logging__LogLevel__Default=Warning "${ALLOW[@]}" dotnet SatuPintu.dll "$@"); }
(cd "$BENCH_WORK/app" && SatuPintu__DataDir="$DATA" dotnet SatuPintu.dll sources --help >/dev/null 2>&1) \
  || bench_die "this build has no 'sources' verb: the syndication capability is not there yet"
rm -rf "$DATA"; cli seed >"$OUT/seed.log" 2>&1 || bench_die "seed failed ($OUT/seed.log)"
email="bench-$(date +%s)@bench.satupintu.local"
echo "kata-sandi-bench-yang-panjang" | cli user add --email "$email" --role admin >/dev/null
TOKEN=$(cli token create --email "$email" --name bench --expires 1 | tail -n1)
# The portal's own poller stays off: it would import sources while they are registered (the first round
# then reads 304s) and lease the archive the measured `sources poll` is meant to import.
portal() { bench_start_app SatuPintu__DataDir="$DATA" SatuPintu__Syndication__PollerEnabled=false "${ALLOW[@]}" "$@"; }
add_source() { # opd url -> "status id"
  curl -s -o "$OUT/add.$$.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"url\":\"$2\"}" "$BENCH_BASE/api/v1/opd/$1/sources"
}
# Runs one `sources poll` and appends a row: wall s, CPU s, peak RSS MB, then the farm's counters.
poll_round() { # label args...
  local label=$1; shift
  local wrap=${POLL_WRAP:-}; wrap=${wrap//\{label\}/$label}
  [[ -n $FARM_PID ]] && curl -s -XPOST "$FARM/_farm/reset-stats" >/dev/null
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/time.$label" \
    bash -c "cd '$BENCH_WORK/app' && exec env SatuPintu__DataDir='$DATA' Logging__LogLevel__Default=Warning ${ALLOW[*]} $wrap dotnet SatuPintu.dll sources poll $*" \
    >"$OUT/poll-$label.txt" 2>&1 || bench_log "sources poll $* exited $? (see $OUT/poll-$label.txt)"
  read -r wall user sys rss < <(tail -n1 "$OUT/time.$label")   # after "Command exited with non-zero status" if any
  local farm="-"; [[ -n $FARM_PID ]] && farm=$(curl -s "$FARM/_farm/stats" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["requests"], d["ok"], d["notModified"], d["errors"], round(d["bytes"]/1048576,1), d["inFlightMax"])')
  printf '%s\t%s\t%.1f\t%.0f\t%s\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" "$((rss / 1024))" "$farm" | tee -a "$OUT/rounds.tsv" >&2
}
printf 'round\twall_s\tcpu_s\tpeak_rss_mb\tfarm: requests ok 304 errors MB max_in_flight\n' >"$OUT/rounds.tsv"

if [[ " $PARTS " == *" farm "* ]]; then
  (cd "$BENCH_REPO/bench/feedfarm" && dotnet build -c Release -nologo -v q >"$OUT/farm-build.log" 2>&1) || bench_die "feed farm build failed"
  port=$(bench_free_port)
  FARM_PORT=$port FARM_SOURCES=$SOURCES FARM_SLOW_SECONDS=$FARM_SLOW_SECONDS \
    dotnet "$BENCH_REPO/bench/feedfarm/bin/Release/net10.0/FeedFarm.dll" >"$OUT/farm.log" 2>&1 &
  FARM_PID=$!; FARM="http://127.0.10.1:$port"
  for _ in $(seq 60); do curl -sf -o /dev/null "$FARM/_farm/stats" && break; sleep 0.5; done
  portal
  bench_log "registering $SOURCES farm sources over ${#OPDS[@]} OPDs"
  t0=$(date +%s.%N); n=0; created=0
  while read -r url; do
    code=$(add_source "${OPDS[$((n % ${#OPDS[@]}))]}" "$url"); n=$((n + 1)); [[ $code == 201 ]] && created=$((created + 1))
  done < <(curl -s "$FARM/_farm/sources")
  reg=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  bench_log "registered $created of $n sources in ${reg}s"
  bench_stop_app
  poll_round first-import --all
  for r in $(seq 2 "$ROUNDS"); do curl -s -XPOST "$FARM/_farm/round" >/dev/null; poll_round "steady-$r" --all; done
  kill "$FARM_PID"; FARM_PID=""
fi

if [[ " $PARTS " == *" wordpress "* ]]; then
  export WP_DIR=$BENCH_WORK/wordpress-generated-$WP_POSTS
  "$BENCH_REPO/tests/wordpress/wordpress.sh" up "$WP_POSTS" >"$OUT/wordpress.env" 2>"$OUT/wordpress-up.log" || bench_die "WordPress did not start ($OUT/wordpress-up.log)"
  . "$OUT/wordpress.env"
  portal
  [[ $(add_source diskominfo "$WP_URL/") == 201 ]] || bench_die "adding $WP_URL/ failed: $(cat "$OUT/add.$$.json")"
  id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$OUT/add.$$.json")
  for u in / /opd/diskominfo; do wrk -t"$THREADS" -c8 -d3s "$BENCH_BASE$u" >/dev/null; done
  bench_log "first import of the $WP_POSTS-post archive (source $id) while wrk -c8 measures / and /opd/diskominfo in $WINDOW windows"
  poll_round "wordpress-$WP_POSTS" --source "$id" &
  import=$!
  : >"$OUT/p99.tsv"
  while kill -0 "$import" 2>/dev/null; do
    for u in / /opd/diskominfo; do
      raw=$(wrk -t"$THREADS" -c8 -d"$WINDOW" --latency "$BENCH_BASE$u")
      printf '%s\t%s\t%s\n' "$u" "$(awk '/^Requests\/sec:/{print $2}' <<<"$raw")" "$(bench_to_ms "$(awk '$1=="99%"{print $2}' <<<"$raw")")" >>"$OUT/p99.tsv"
    done
  done
  wait "$import" || true
  bench_log "public pages during the import (page, req/s, p99 ms per $WINDOW window):"; cat "$OUT/p99.tsv" >&2
  bench_log "health: $(curl -s -H "Authorization: Bearer $TOKEN" "$BENCH_BASE/api/v1/opd/diskominfo/sources/$id")"
fi
{ echo "# bench/syndication.sh $(date -Is), $SOURCES farm sources, WordPress $WP_POSTS posts, $(nproc) cores"; cat "$OUT/rounds.tsv"
  if [[ -s $OUT/p99.tsv ]]; then echo; echo "public pages while the archive imports (worst p99, req/s of each window):"
    awk -F'\t' '{ if ($3 + 0 > m[$1] + 0) m[$1] = $3; r[$1] = r[$1] " " $2 } END { for (u in m) printf "%s p99 max %s ms; req/s per window:%s\n", u, m[u], r[u] }' "$OUT/p99.tsv"; fi
} | tee "$OUT/summary.txt"
