#!/usr/bin/env bash
# Throughput and latency benchmark of SatuPintu's public portal, on loopback only.
#
#   bench/portal.sh                  full run (~14 min): publish, seed 10,000 articles, measure
#   RUNS=1 DURATION=5s bench/portal.sh        quick look
#
# What it does:
#   1. dotnet publish src/SatuPintu -c Release into the work folder (outside the repository);
#   2. seeds a fresh data folder: the demo instance plus $ARTICLES generated articles (timed);
#   3. pass "uncached": starts the published app with SatuPintu__OutputCache__Enabled=false,
#      pass "cached": the same with the output cache on (the default);
#   4. in each pass, for home (/), an OPD page (/opd/dinkes), an article (the first /berita/ link on
#      /berita) and a paged list (/berita?halaman=5), after a $WARMUP warm-up of each of them,
#      at each of $CONNS connections: a $WARMUP warm-up, then $RUNS runs of `wrk -t$THREADS -c{N} -d$DURATION --latency`; reports the median
#      requests/s (and the min–max), median p50 and p99 latency, the response size without
#      compression (what wrk receives: it sends no Accept-Encoding) and with Accept-Encoding: br,
#      and the app's CPU time per request;
#   5. after each pass, the app's peak memory (VmHWM) and resident memory (VmRSS).
# wrk and the app share the machine's cores: figures are for client and server on one box.
#
# Settings (environment):
#   BENCH_DIR   work folder (default ${TMPDIR:-/tmp}/satupintu-bench); results in $BENCH_DIR/results/<time>/
#   ARTICLES    generated articles (default 10000)        RUNS      runs per measurement (default 3)
#   DURATION    length of one wrk run (default 15s)        WARMUP    warm-up per URL and conns (default 5s)
#   CONNS       connection counts (default "8 32")         THREADS   wrk threads (default 2)
#   PASSES      "uncached cached" (default), or one of them
#   BENCH_REV   publish this committed revision (e.g. HEAD, exported with git archive into the work
#               folder) instead of the working tree
#   SKIP_PUBLISH=1 / SKIP_SEED=1   reuse the app / data folder already in the work folder
# Output: the markdown table on stdout; raw wrk outputs, results.tsv, table.md and the app logs
# in the results folder. Needs: dotnet SDK 10, curl, wrk (Debian package; installed when missing).
set -euo pipefail

BENCH_NAME=portal
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ARTICLES=${ARTICLES:-10000}
PASSES=${PASSES:-"uncached cached"}

bench_prepare_work
bench_need curl curl
bench_need wrk wrk
bench_need dotnet dotnet-sdk-10.0
for p in $PASSES; do [[ $p == uncached || $p == cached ]] || bench_die "PASSES may hold 'uncached' and 'cached', not '$p'"; done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || bench_die "RUNS must be a positive integer"

OUT=${BENCH_OUT:-$BENCH_WORK/results/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT/raw"
TSV="$OUT/results.tsv"
MEM="$OUT/memory.tsv"
echo "$BENCH_TSV_HEADER" >"$TSV"
printf 'pass\tvmhwm_kb\tvmrss_kb\n' >"$MEM"

trap 'bench_stop_app' EXIT
trap 'bench_log "interrupted"; exit 130' INT TERM

if [[ -z ${SKIP_PUBLISH:-} || ! -f $BENCH_WORK/app/SatuPintu.dll ]]; then bench_publish; fi
if [[ -z ${SKIP_SEED:-} || ! -f $BENCH_WORK/data/satupintu.db ]]; then
  bench_seed "$ARTICLES"
  echo "seed: demo instance + $ARTICLES articles in ${BENCH_SEED_SECONDS}s (${BENCH_ARTICLE_COUNT:-?} articles in total)" >"$OUT/seed.txt"
fi

for pass in $PASSES; do
  if [[ $pass == uncached ]]; then bench_start_app SatuPintu__OutputCache__Enabled=false; else bench_start_app; fi
  B=$BENCH_BASE
  article=$(curl -s "$B/berita" | grep -o 'href="/berita/[^"?#]*"' | head -n1 | sed 's/^href="//; s/"$//')
  [[ -n $article ]] || bench_die "found no /berita/ link on $B/berita"
  # JIT warm-up of every page before the first measurement (tiered compilation, dynamic PGO).
  for u in / /opd/dinkes "$article" "/berita?halaman=5"; do wrk -t"$THREADS" -c8 -d"$WARMUP" --timeout 10s "$B$u" >/dev/null; done
  bench_check_quiet
  bench_measure "satupintu-$pass" home    "$B/"                 "pid:$BENCH_APP_PID" "$TSV" "$OUT/raw"
  bench_measure "satupintu-$pass" opd     "$B/opd/dinkes"       "pid:$BENCH_APP_PID" "$TSV" "$OUT/raw"
  bench_measure "satupintu-$pass" article "$B$article"          "pid:$BENCH_APP_PID" "$TSV" "$OUT/raw"
  bench_measure "satupintu-$pass" paged   "$B/berita?halaman=5" "pid:$BENCH_APP_PID" "$TSV" "$OUT/raw"
  hwm=$(bench_memory_kb "$BENCH_APP_PID" VmHWM); rss=$(bench_memory_kb "$BENCH_APP_PID" VmRSS)
  printf '%s\t%s\t%s\n' "$pass" "$hwm" "$rss" >>"$MEM"
  bench_log "$pass: peak memory VmHWM $(( hwm / 1024 )) MiB, VmRSS $(( rss / 1024 )) MiB"
  cp "$BENCH_WORK/app-${B##*:}.log" "$OUT/app-$pass.log" 2>/dev/null || true
  bench_stop_app
done

{
  echo "## SatuPintu portal — $(date -Is)"
  echo
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/^Mem:/{print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME"), dotnet $(dotnet --version)"
  echo "source: $(cat "$BENCH_WORK/source.txt" 2>/dev/null || echo unknown)"
  echo "wrk -t$THREADS -c{${CONNS// /,}} -d$DURATION --latency, warm-up $WARMUP, $RUNS runs per figure (median); client and server on the same cores"
  [[ -f $OUT/seed.txt ]] && cat "$OUT/seed.txt"
  echo
  bench_table "$TSV"
  echo
  echo "| pass | peak memory (VmHWM) | resident (VmRSS) at the end |"
  echo "|---|--:|--:|"
  awk -F'\t' 'NR>1{printf "| %s | %.0f MiB | %.0f MiB |\n", $1, $2/1024, $3/1024}' "$MEM"
} | tee "$OUT/table.md"
bench_log "raw outputs and table: $OUT"
