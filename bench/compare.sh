#!/usr/bin/env bash
# Side-by-side session: SatuPintu and a WordPress 6.1 anchor measured one after the other on the
# same machine, with the same wrk settings, loopback only.
#
#   bench/compare.sh                      portal (uncached + cached), then WordPress (plain + fastcgi_cache)
#   WP_SETUP=1 bench/compare.sh           first run the anchor's setup.sh with N_POSTS (default 10000)
#   RUNS=1 DURATION=5s bench/compare.sh   quick look
#
# Steps:
#   1. bench/portal.sh (see there);
#   2. the WordPress anchor's own bench.sh (home, single, category, search, feed, static files,
#      fastcgi_cache home, and a minimal ASP.NET Core "hello" page as the C# reference);
#   3. the four page types of the portal table measured on WordPress with the portal's method
#      (median of $RUNS runs): home, a single post, a category (the OPD page's counterpart) and
#      page 5 of the post list, on the plain site and behind nginx fastcgi_cache.
# The anchor lives beside the repository in ../shared/anchors/wordpress/ (WP_ANCHOR to override);
# it needs root (Debian packages, services) and its WordPress on 127.0.0.1:8081 and :8082.
# Its stop.sh stops WordPress again; this script leaves it running unless WP_STOP=1.
# Results: $BENCH_DIR/compare/<time>/ (portal/, wordpress-anchor.txt, wordpress.tsv, and summary.md with
# the side-by-side table, both full tables, WordPress memory and the anchor's own summary).
set -euo pipefail

BENCH_NAME=compare
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"

WP_ANCHOR=${WP_ANCHOR:-$BENCH_REPO/../shared/anchors/wordpress}
WP_PORT=${WP_PORT:-8081}
WP_CACHE_PORT=${WP_CACHE_PORT:-8082}
WP="http://$BENCH_HOST:$WP_PORT"
WPC="http://$BENCH_HOST:$WP_CACHE_PORT"

bench_prepare_work
[[ -x $WP_ANCHOR/bench.sh && -x $WP_ANCHOR/setup.sh ]] \
  || bench_die "the WordPress anchor is not at $WP_ANCHOR (expected setup.sh and bench.sh; set WP_ANCHOR)"
OUT=${BENCH_OUT:-$BENCH_WORK/compare/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT/raw"
if [[ ${WP_STOP:-} == 1 ]]; then trap '"$WP_ANCHOR/stop.sh" >/dev/null 2>&1 || true' EXIT; fi

# ---------------------------------------------------------------- 1. portal
BENCH_OUT="$OUT/portal" "$HERE/portal.sh"

# ---------------------------------------------------------------- 2. WordPress anchor
if [[ ${WP_SETUP:-} == 1 ]]; then
  bench_log "WordPress anchor setup (N_POSTS=${N_POSTS:-10000})"
  N_POSTS=${N_POSTS:-10000} "$WP_ANCHOR/setup.sh" >"$OUT/wordpress-setup.log" 2>&1 \
    || { tail -n 20 "$OUT/wordpress-setup.log" >&2; bench_die "the anchor's setup.sh failed (log: $OUT/wordpress-setup.log)"; }
fi
curl -sf -o /dev/null "$WP/__wpbench/status.php" \
  || bench_die "WordPress is not up on $WP: run N_POSTS=10000 $WP_ANCHOR/setup.sh (as root) or set WP_SETUP=1"

bench_check_quiet
bench_log "WordPress anchor bench.sh (output: $OUT/wordpress-anchor.txt)"
WPBENCH_OUT="$OUT/wordpress-anchor.txt" DUR="$DURATION" WARM="$WARMUP" CONNS="$CONNS" THREADS="$THREADS" \
  "$WP_ANCHOR/bench.sh" >"$OUT/wordpress-anchor.log" 2>&1 \
  || { tail -n 20 "$OUT/wordpress-anchor.log" >&2; bench_die "the anchor's bench.sh failed (log: $OUT/wordpress-anchor.log)"; }

# ---------------------------------------------------------------- 3. WordPress, the portal's method
TSV="$OUT/wordpress.tsv"
echo "$BENCH_TSV_HEADER" >"$TSV"
WPRX='comm:^(php-fpm8\.2|nginx|mariadbd)$'
total=$(mysql -N -uroot wpbench -e "SELECT COUNT(*) FROM wp_posts WHERE post_type='post' AND post_status='publish'")
slug=$(mysql -N -uroot wpbench -e "SELECT post_name FROM wp_posts WHERE post_type='post' AND post_status='publish' ORDER BY ID LIMIT 1 OFFSET $(( total / 2 ))")
[[ -n $slug ]] || bench_die "found no published post in the wpbench database"
category=${WP_CATEGORY:-/category/dinas-kesehatan/}
for base in "$WP" "$WPC"; do
  sys=wordpress; [[ $base == "$WPC" ]] && sys=wordpress-fastcgi-cache
  if [[ $sys == wordpress-fastcgi-cache ]]; then
    for u in / "/$slug/" "$category" /page/5/; do curl -s -o /dev/null "$base$u"; done
    hit=$(curl -s -D- -o /dev/null "$base/" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache"{print $2}')
    bench_log "fastcgi_cache check on $base/: X-Cache ${hit:-missing}"
    [[ $hit == HIT ]] || bench_log "warning: the cached site did not answer from its cache"
  fi
  bench_measure "$sys" home     "$base/"          "$WPRX" "$TSV" "$OUT/raw"
  bench_measure "$sys" category "$base$category"  "$WPRX" "$TSV" "$OUT/raw"
  bench_measure "$sys" single   "$base/$slug/"    "$WPRX" "$TSV" "$OUT/raw"
  bench_measure "$sys" paged    "$base/page/5/"   "$WPRX" "$TSV" "$OUT/raw"
done
wp_rss=$(for p in $(pgrep -x 'php-fpm8.2|nginx|mariadbd'); do bench_memory_kb "$p" VmRSS; done | awk '{s+=$1} END{printf "%.0f", s/1024}')

{
  echo "## Side by side — req/s · p50 ms · p99 ms (medians of $RUNS runs)"
  echo
  bench_side_by_side "$OUT/portal/results.tsv" "$TSV"
  echo
  cat "$OUT/portal/table.md"
  echo
  echo "## WordPress anchor, same method — $(date -Is)"
  echo
  echo "$total posts; single post /$slug/; server CPU = nginx + php-fpm + mariadbd"
  echo
  bench_table "$TSV"
  echo
  echo "WordPress resident memory at the end (nginx + php-fpm + mariadbd, VmRSS summed): ${wp_rss} MiB"
  echo
  echo "The anchor's own bench.sh summary:"
  echo
  echo '```'
  sed -n '/^=== summary/,$p' "$OUT/wordpress-anchor.txt"
  echo '```'
} | tee "$OUT/summary.md"
bench_log "everything in $OUT"
