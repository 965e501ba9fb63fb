#!/usr/bin/env bash
# What hostile article bodies cost the portal, on loopback only.
#
#   bench/hostile.sh                       publish, seed the demo instance, measure
#   BENCH_REV=b20d7b6 RUNS=1 bench/hostile.sh   the same against an older committed revision
#
# What it does:
#   1. dotnet publish src/SatuPintu -c Release into the work folder (outside the repository) and seeds
#      the demo instance; adds an admin account and an API token for it with the CLI verbs;
#   2. for each body — "[a](b" x 40000, "<i>" x 66666 and an ordinary 40 kB article — POSTs it $RUNS times
#      to /api/v1/articles and reports the median time and the status codes;
#   3. sends $PARALLEL "[a](b" x 40000 saves at once and, while they run, an anonymous GET of an article
#      page every 0.2 s; reports how long the saves took and the median and worst reader latency.
# Client and server share the machine's cores.
#
# Settings (environment): BENCH_DIR (default ${TMPDIR:-/tmp}/satupintu-bench-hostile), RUNS (3),
# PARALLEL (8), BENCH_REV, SKIP_PUBLISH=1. Needs: dotnet SDK 10, curl, python3.
set -euo pipefail

BENCH_NAME=hostile
: "${BENCH_DIR:=${TMPDIR:-/tmp}/satupintu-bench-hostile}"
export BENCH_DIR
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-3}
PARALLEL=${PARALLEL:-8}
[[ $RUNS =~ ^[1-9][0-9]*$ && $PARALLEL =~ ^[1-9][0-9]*$ ]] || bench_die "RUNS and PARALLEL must be positive integers"

bench_prepare_work
bench_need curl curl
bench_need python3 python3
[[ ${SKIP_PUBLISH:-} == 1 ]] || bench_publish
bench_seed 100
trap bench_stop_app EXIT

email=bench-hostile@kepahiang.example
(cd "$BENCH_WORK/app" && echo "kata-sandi-bench-yang-panjang-$RANDOM" | SatuPintu__DataDir="$BENCH_WORK/data" Logging__LogLevel__Default=Warning \
  dotnet SatuPintu.dll user add --email "$email" --role admin --name Bench) >"$BENCH_WORK/user.log" 2>&1 \
  || { cat "$BENCH_WORK/user.log" >&2; bench_die "user add failed"; }
token=$(cd "$BENCH_WORK/app" && SatuPintu__DataDir="$BENCH_WORK/data" Logging__LogLevel__Default=Warning \
  dotnet SatuPintu.dll token create --email "$email" --name bench 2>/dev/null | tail -n 1)
[[ -n $token ]] || bench_die "token create printed no token"

bodies="$BENCH_WORK/bodies"
mkdir -p "$bodies"
python3 - "$bodies" <<'PY'
import json, sys
out = sys.argv[1]
ordinary = "".join(f"## Bagian {i}\n\nWarga **diimbau** hadir di [kantor camat](https://kepahiangkab.go.id/{i}). <i>Bawa</i> KTP.\n\n- satu\n- dua\n\n" for i in range(400))
for name, body in {"link": "[a](b" * 40000, "italic": "<i>" * 66666, "ordinary": ordinary}.items():
    with open(f"{out}/{name}.json", "w") as f:
        json.dump({"opd": "dinkes", "kind": "berita", "title": f"Bench {name}", "body": body}, f)
PY

bench_start_app
OUT=$BENCH_WORK/results/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
post() { # body-name -> "status seconds"
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 300 -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary "@$bodies/$1.json" "$BENCH_BASE/api/v1/articles"
}

echo "| body | bytes | statuses | median s |"
echo "|---|--:|---|--:|"
for name in link italic ordinary; do
  : >"$OUT/$name.txt"
  for _ in $(seq "$RUNS"); do post "$name" >>"$OUT/$name.txt"; done
  echo "| $name | $(stat -c %s "$bodies/$name.json") | $(cut -d' ' -f1 "$OUT/$name.txt" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}') | $(cut -d' ' -f2 "$OUT/$name.txt" | bench_median) |"
done

article=$(curl -s "$BENCH_BASE/berita" | grep -o 'href="/berita/[a-z0-9-]*"' | head -n 1 | cut -d'"' -f2)
[[ -n $article ]] || bench_die "no article link on /berita"
for _ in 1 2 3; do curl -s -o /dev/null "$BENCH_BASE$article"; done  # warm: the first request compiles the page
t0=$(date +%s.%N)
pids=()
for i in $(seq "$PARALLEL"); do post link >"$OUT/parallel-$i.txt" & pids+=($!); done
: >"$OUT/readers.txt"
while kill -0 "${pids[@]}" 2>/dev/null; do
  curl -s -o /dev/null -w '%{time_total}\n' --max-time 120 "$BENCH_BASE$article?r=$RANDOM" >>"$OUT/readers.txt"
  sleep 0.2
done
wait "${pids[@]}" || true  # a save that hit curl's --max-time shows as status 000
t1=$(date +%s.%N)
echo
echo "| $PARALLEL parallel link saves | wall s | statuses | readers | reader median s | reader max s |"
echo "|---|--:|---|--:|--:|--:|"
echo "| | $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') | $(cat "$OUT"/parallel-*.txt | cut -d' ' -f1 | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}') | $(wc -l <"$OUT/readers.txt") | $(bench_median <"$OUT/readers.txt") | $(sort -g "$OUT/readers.txt" | tail -n 1) |"
bench_log "raw results in $OUT"
