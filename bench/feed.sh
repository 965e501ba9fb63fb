#!/usr/bin/env bash
# Public pages under a burst of writes, and how stale a second process is, on loopback only.
#
#   bench/feed.sh                        full run (~10 min): publish, seed 10,000 articles, 3 bursts
#   RUNS=1 DURATION=10s bench/feed.sh    quick look
#
# What it does:
#   1. dotnet publish src/SatuPintu -c Release and seed the demo instance plus $ARTICLES articles
#      (as portal.sh does);
#   2. starts two processes of the app on the same data folder (SQLite): node A with the output
#      cache off (the path measured), node B with the output cache on (the default);
#   3. creates 100 drafts per run through node A's API;
#   4. per run, a burst in the background: 100 publishes through node A's API, one after the other,
#      and, at the same time, `SatuPintu seed --articles 1000` in a third process (1,000
#      imported-style inserts of published articles, through the change feed); after each publish
#      answered, the article's page is polled on node B until it answers 200: that delay is the
#      staleness a second process sees;
#   5. during the burst, `wrk -c32 --latency` for $DURATION each on node A's home, /berita and
#      /opd/dinkes: p50 and p99; the same right before the burst without writes ("quiet"), so a
#      busy machine shows as such next to the figures.
# Reports, per run and as the median of the runs: the p99 of each page during the burst, the
# staleness (median, p95, max of the 100 publishes), and how long the burst took.
#
# Settings (environment): BENCH_DIR, ARTICLES (10000), RUNS (3), DURATION (15s), THREADS (2),
# FEED_CONNS (32), SKIP_PUBLISH=1 / SKIP_SEED=1, BENCH_REV (see portal.sh).
set -euo pipefail

BENCH_NAME=feed
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ARTICLES=${ARTICLES:-10000}
RUNS=${RUNS:-3}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
CONNS=${FEED_CONNS:-32}
BURST_PUBLISHES=100
BURST_INSERTS=1000

bench_prepare_work
bench_need curl curl
bench_need wrk wrk
bench_need jq jq
bench_need dotnet dotnet-sdk-10.0
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || bench_die "RUNS must be a positive integer"

OUT=${BENCH_OUT:-$BENCH_WORK/results/feed-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT/raw"

NODE_A=""; NODE_B=""
stop_nodes() {
  BENCH_APP_PID=$NODE_A; bench_stop_app
  BENCH_APP_PID=$NODE_B; bench_stop_app
}
trap 'stop_nodes' EXIT
trap 'bench_log "interrupted"; exit 130' INT TERM

if [[ -z ${SKIP_PUBLISH:-} || ! -f $BENCH_WORK/app/SatuPintu.dll ]]; then bench_publish; fi
if [[ -z ${SKIP_SEED:-} || ! -f $BENCH_WORK/data/satupintu.db ]]; then bench_seed "$ARTICLES"; fi

cli() { (cd "$BENCH_WORK/app" && SatuPintu__DataDir="$BENCH_WORK/data" Logging__LogLevel__Default=Warning dotnet SatuPintu.dll "$@"); }

email="bench-$(date +%s)@bench.satupintu.local"
echo "kata-sandi-bench-yang-panjang" | cli user add --email "$email" --role admin >/dev/null
TOKEN=$(cli token create --email "$email" --name bench --expires 1 | tail -n1)
[[ -n $TOKEN ]] || bench_die "could not create an API token"

bench_start_app SatuPintu__OutputCache__Enabled=false; NODE_A=$BENCH_APP_PID; A=$BENCH_BASE
bench_start_app; NODE_B=$BENCH_APP_PID; B=$BENCH_BASE
for u in / /berita /opd/dinkes; do wrk -t"$THREADS" -c8 -d5s --timeout 10s "$A$u" >/dev/null; curl -s -o /dev/null "$B$u"; done

api() { curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
now_ms() { date +%s%3N; }

# One burst: publishes (each followed by the staleness probe on node B) and the inserts of another process.
burst() { # run ids-file
  local run=$1 ids=$2 id slug t_ack t_seen code
  cli seed --articles "$BURST_INSERTS" >"$OUT/raw/seed-run$run.log" 2>&1 &
  local seeder=$!
  while read -r id slug; do
    code=$(api -o /dev/null -w '%{http_code}' -X POST "$A/api/v1/articles/$id/publish")
    [[ $code == 200 ]] || { echo "publish $id answered $code" >&2; continue; }
    t_ack=$(now_ms)
    for _ in $(seq 500); do
      [[ $(curl -s -o /dev/null -w '%{http_code}' "$B/berita/$slug") == 200 ]] && break
      sleep 0.01
    done
    t_seen=$(now_ms)
    echo $(( t_seen - t_ack ))
  done <"$ids" >"$OUT/raw/staleness-run$run.txt"
  wait "$seeder"
}

pct() { sort -g | awk -v p="$1" '{a[NR]=$1} END{ if (NR==0) {print "-"; exit} i=int((NR*p+99)/100); if (i<1) i=1; print a[i] }'; }

printf 'run\tpage\tp50_ms\tp99_ms\treq_s\n' >"$OUT/latency.tsv"
printf 'run\tstale_median_ms\tstale_p95_ms\tstale_max_ms\tburst_s\n' >"$OUT/staleness.tsv"
for run in $(seq "$RUNS"); do
  ids="$OUT/raw/drafts-run$run.txt"
  : >"$ids"
  for i in $(seq "$BURST_PUBLISHES"); do
    api -X POST "$A/api/v1/articles" -d "{\"opd\":\"dinkes\",\"kind\":\"berita\",\"title\":\"Uji beban $run-$i $(date +%s%N)\",\"body\":\"Isi uji beban.\"}" \
      | jq -r '"\(.id) \(.slug)"' >>"$ids"
  done
  bench_check_quiet
  # The same pages without writes, right before: what this machine gives at this moment.
  for page in / /berita /opd/dinkes; do
    out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency --timeout 10s "$A$page")
    echo "$out" >"$OUT/raw/wrk-quiet-run$run-$(tr '/' '_' <<<"$page").txt"
    printf '%s\t%s\t%s\t%s\t%s\n' "$run" "quiet $page" "$(bench_to_ms "$(awk '$1=="50%"{print $2}' <<<"$out")")" \
      "$(bench_to_ms "$(awk '$1=="99%"{print $2}' <<<"$out")")" "$(awk '/^Requests\/sec:/{print $2}' <<<"$out")" >>"$OUT/latency.tsv"
    tail -n1 "$OUT/latency.tsv" | awk -F'\t' '{printf "    %s: p50 %s ms, p99 %s ms, %s req/s\n", $2, $3, $4, $5}' >&2
  done
  bench_log "run $run: burst of $BURST_PUBLISHES publishes + $BURST_INSERTS inserts; wrk -c$CONNS $DURATION on home, /berita, /opd/dinkes"
  t0=$(now_ms)
  burst "$run" "$ids" &
  burster=$!
  for page in / /berita /opd/dinkes; do
    out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency --timeout 10s "$A$page")
    echo "$out" >"$OUT/raw/wrk-run$run-$(tr '/' '_' <<<"$page").txt"
    printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$page" "$(bench_to_ms "$(awk '$1=="50%"{print $2}' <<<"$out")")" \
      "$(bench_to_ms "$(awk '$1=="99%"{print $2}' <<<"$out")")" "$(awk '/^Requests\/sec:/{print $2}' <<<"$out")" >>"$OUT/latency.tsv"
    tail -n1 "$OUT/latency.tsv" | awk -F'\t' '{printf "    %s: p50 %s ms, p99 %s ms, %s req/s\n", $2, $3, $4, $5}' >&2
  done
  wait "$burster"
  t1=$(now_ms)
  s="$OUT/raw/staleness-run$run.txt"
  printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$(pct 50 <"$s")" "$(pct 95 <"$s")" "$(pct 100 <"$s")" "$(awk -v d=$(( t1 - t0 )) 'BEGIN{printf "%.1f", d/1000}')" >>"$OUT/staleness.tsv"
  tail -n1 "$OUT/staleness.tsv" | awk -F'\t' '{printf "    staleness on node B: median %s ms, p95 %s ms, max %s ms (%s publishes); burst took %s s\n", $2, $3, $4, "'"$(wc -l <"$s")"'", $5}' >&2
done
cp "$BENCH_WORK/app-${A##*:}.log" "$OUT/app-a.log" 2>/dev/null || true
cp "$BENCH_WORK/app-${B##*:}.log" "$OUT/app-b.log" 2>/dev/null || true

{
  echo "| page (node A, cache off, c=$CONNS; \"quiet\": no writes, just before the burst) | p50 ms (median of runs) | p99 ms (median of runs) | p99 ms per run |"
  echo "|---|--:|--:|---|"
  for page in "quiet /" / "quiet /berita" /berita "quiet /opd/dinkes" /opd/dinkes; do
    p50=$(awk -F'\t' -v p="$page" '$2==p{print $3}' "$OUT/latency.tsv" | bench_median)
    p99=$(awk -F'\t' -v p="$page" '$2==p{print $4}' "$OUT/latency.tsv" | bench_median)
    all=$(awk -F'\t' -v p="$page" '$2==p{printf "%s%s", s, $4; s=", "}' "$OUT/latency.tsv")
    echo "| \`$page\` | $p50 | $p99 | $all |"
  done
  echo
  echo "| staleness on node B (ms) | median of runs | per run |"
  echo "|---|--:|---|"
  for col in 2:median 3:p95 4:max; do
    c=${col%%:*}; name=${col#*:}
    echo "| $name | $(awk -F'\t' -v c="$c" 'NR>1{print $c}' "$OUT/staleness.tsv" | bench_median) | $(awk -F'\t' -v c="$c" 'NR>1{printf "%s%s", s, $c; s=", "}' "$OUT/staleness.tsv") |"
  done
  echo "| burst length (s) | $(awk -F'\t' 'NR>1{print $5}' "$OUT/staleness.tsv" | bench_median) | $(awk -F'\t' 'NR>1{printf "%s%s", s, $5; s=", "}' "$OUT/staleness.tsv") |"
} | tee "$OUT/table.md"
bench_log "results in $OUT"
