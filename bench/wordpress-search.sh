#!/usr/bin/env bash
# WordPress's own search (/?s=) on the same articles and queries as the portal's search benchmark:
# seeds ARTICLES (100,000) posts built by bench/corpus-articles.py into a real WordPress
# (tests/wordpress/wordpress.sh: Debian's WordPress 6, own MariaDB/php-fpm/nginx on 127.0.0.1),
# then wrk through QUERY_COUNT (200) queries at each of $CONNS (8 32). Figures: req/s, p50, p99,
# server CPU ms per request, errors (timeouts included). The WordPress folder is kept between runs
# (seeding is the long part) and its servers stopped at the end; WP_KEEP=0 removes it.
#   bench/wordpress-search.sh
#   ARTICLES=20000 DURATION=20s bench/wordpress-search.sh
set -euo pipefail
BENCH_NAME=wordpress-search
ARTICLES=${ARTICLES:-100000}; QUERY_COUNT=${QUERY_COUNT:-200}
DURATION=${DURATION:-30s}; WARMUP=${WARMUP:-10s}; TIMEOUT=${TIMEOUT:-60s}   # before lib.sh's own defaults
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_prepare_work
bench_need wrk wrk
export WP_DIR=${WP_DIR:-$BENCH_WORK/wordpress-$ARTICLES}
export WP_DB_BUFFER=${WP_DB_BUFFER:-2G}   # the whole archive (~300 MB of post text) stays in memory
OUT="$BENCH_WORK/wordpress-search/$(date +%Y%m%d-%H%M%S)"; mkdir -p "$OUT"
WP=$BENCH_REPO/tests/wordpress/wordpress.sh

[[ -s $BENCH_WORK/articles-$ARTICLES.jsonl ]] || { bench_log "building $ARTICLES articles"; "$BENCH_REPO/bench/corpus-articles.py" articles "$ARTICLES" >"$BENCH_WORK/articles-$ARTICLES.jsonl"; }
[[ -s $BENCH_WORK/queries-$QUERY_COUNT.txt ]] || "$BENCH_REPO/bench/corpus-articles.py" queries "$QUERY_COUNT" >"$BENCH_WORK/queries-$QUERY_COUNT.txt"
export QUERIES=$BENCH_WORK/queries-$QUERY_COUNT.txt

t0=$(date +%s.%N)
"$WP" up >"$OUT/env" 2>"$OUT/wordpress-up.log" || { cat "$OUT/wordpress-up.log" >&2; bench_die "WordPress did not start"; }
. "$OUT/env"
t1=$(date +%s.%N)
"$WP" seed "$ARTICLES" "$BENCH_WORK/articles-$ARTICLES.jsonl" 2>&1 | tee "$OUT/seed.log" >&2
t2=$(date +%s.%N)
bench_log "WordPress up in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", b-a}')s, seeded in $(awk -v a="$t1" -v b="$t2" 'BEGIN{printf "%.0f", b-a}')s: $WP_URL"
if [[ ${WP_KEEP:-1} == 0 ]]; then trap '"$WP" down >/dev/null 2>&1' EXIT; else trap '"$WP" stop >/dev/null 2>&1' EXIT; fi

posts=$(curl -s "$WP_URL/__satupintu/status.php" | awk -F= '$1=="posts"{print $2}')
[[ $posts -ge $ARTICLES ]] || bench_die "WordPress has $posts posts, not $ARTICLES"
bench_check_quiet
spec="comm:^(php-fpm8\\.2|nginx|mariadbd)$"
# One query at a time first: the latency of a single search, whatever the throughput.
PROBE=${PROBE:-20}
head -n "$PROBE" "$QUERIES" | while read -r q; do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 300 -G --data-urlencode "s=$q" "$WP_URL/"
done >"$OUT/probe.txt"
probe=$(awk '$1==200{print $2*1000}' "$OUT/probe.txt" | bench_median)
probe_max=$(awk '$1==200 && $2*1000>m{m=$2*1000} END{printf "%.0f", m}' "$OUT/probe.txt")
bench_log "one at a time, first $PROBE queries: median $probe ms, worst $probe_max ms, $(awk '$1!=200' "$OUT/probe.txt" | wc -l) not 200"
tsv="$OUT/results.tsv"; printf '%s\n' "$BENCH_TSV_HEADER" >"$tsv"
for c in $CONNS; do
  bench_log "/?s= c=$c: warm-up $WARMUP, then $DURATION through $QUERY_COUNT queries"
  wrk -t"$THREADS" -c"$c" -d"$WARMUP" --timeout "$TIMEOUT" -s "$BENCH_REPO/bench/wordpress-search.lua" "$WP_URL" >/dev/null
  ta=$(bench_srv_ticks "$spec")
  raw=$(wrk -t"$THREADS" -c"$c" -d"$DURATION" --latency --timeout "$TIMEOUT" -s "$BENCH_REPO/bench/wordpress-search.lua" "$WP_URL")
  tb=$(bench_srv_ticks "$spec")
  echo "$raw" >"$OUT/wrk-c$c.txt"
  rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$raw"); n=$(awk '/requests in/{print $1}' <<<"$raw")
  p50=$(bench_to_ms "$(awk '$1=="50%"{print $2}' <<<"$raw")"); p99=$(bench_to_ms "$(awk '$1=="99%"{print $2}' <<<"$raw")")
  errs=$(awk '/Non-2xx/{n+=$NF} /Socket errors/{gsub(/,/,""); n+=$4+$6+$8+$10} END{print n+0}' <<<"$raw")
  cpu=$(awk -v d=$((tb - ta)) -v hz="$BENCH_HZ" -v n="${n:-0}" 'BEGIN{ if (n>0) printf "%.1f", d*1000/hz/n; else print "-" }')
  printf 'wordpress\tsearch\t%s\t%s\t%s\t%s\t%s\t%s\t-\t-\t%s\t%s\t%s/?s=(%s queries)\n' "$c" "$rps" "$rps" "$rps" "$p50" "$p99" "$errs" "$cpu" "$WP_URL" "$QUERY_COUNT" >>"$tsv"
  bench_log "  -> $rps req/s, p50 $p50 ms, p99 $p99 ms, $errs errors, server CPU $cpu ms/request"
done
{ echo "# WordPress /?s= on $posts posts ($(date -Is)), $QUERY_COUNT queries from bench/corpus-articles.py"
  echo "wordpress $(dpkg-query -W -f='${Version}' wordpress), mariadb $(dpkg-query -W -f='${Version}' mariadb-server), php-fpm pm.max_children=${WP_FPM_CHILDREN:-5}; $(nproc) cores shared by wrk and server"
  echo "seed: $(tail -n1 "$OUT/seed.log")"; echo "one query at a time (first $PROBE): median $probe ms, worst $probe_max ms"
  echo; bench_table "$tsv"; } | tee "$OUT/table.md"
