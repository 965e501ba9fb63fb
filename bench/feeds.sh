#!/usr/bin/env bash
# Feed and sitemap generation with many articles, on loopback only.
#
#   bench/feeds.sh                    publish, seed the demo + 100,000 articles, measure
#   ARTICLES=20000 REPEAT=5 bench/feeds.sh     smaller
#
# With the output cache off (every request renders), times $REPEAT sequential requests (curl's
# time_total, median and worst) of: the Atom, RSS and JSON first pages, one OPD's Atom feed, a deep
# archive page (the Atom "next" link followed $DEPTH times), the sitemap index, and the first
# berita child sitemap; then walks the whole Atom archive of /berita/feed.xml through its "next" links
# (pages, entries, wall time). Reports the app's peak (VmHWM) and resident (VmRSS) memory.
#
# Settings: BENCH_DIR (work folder), ARTICLES (100000), REPEAT (5), DEPTH (200),
#   SKIP_PUBLISH=1 / SKIP_SEED=1 (reuse what the work folder holds).
# Needs: dotnet SDK 10, curl, python3.
set -euo pipefail

BENCH_NAME=feeds
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ARTICLES=${ARTICLES:-100000}
REPEAT=${REPEAT:-5}
DEPTH=${DEPTH:-200}

bench_prepare_work
bench_need curl curl
bench_need dotnet dotnet-sdk-10.0
trap 'bench_stop_app' EXIT

if [[ -z ${SKIP_PUBLISH:-} || ! -f $BENCH_WORK/app/SatuPintu.dll ]]; then bench_publish; fi
if [[ -z ${SKIP_SEED:-} || ! -f $BENCH_WORK/data/satupintu.db ]]; then bench_seed "$ARTICLES"; fi
bench_start_app SatuPintu__OutputCache__Enabled=false

next_of() { python3 -c 'import re,sys; m=re.search(r"<link rel=\"next\" type=\"[^\"]+\" href=\"([^\"]+)\"", sys.stdin.read()); print(m.group(1) if m else "")'; }
path_of() { sed -E 's#^https?://[^/]+##'; }

# The first request builds the public read model; it is reported on its own.
first=$(curl -s -o /dev/null -w '%{time_total}' "$BENCH_BASE/feed.xml")
bench_log "first /feed.xml (read model build included): ${first}s"

deep=/feed.xml
for _ in $(seq "$DEPTH"); do
  n=$(curl -s "$BENCH_BASE$deep" | next_of | path_of)
  [[ -n $n ]] || break
  deep=$n
done
child=$(curl -s "$BENCH_BASE/sitemap.xml" | python3 -c 'import re,sys; l=[u for u in re.findall(r"<loc>([^<]+)</loc>", sys.stdin.read()) if "/berita/" in u]; print(l[0] if l else "")' | path_of)

printf '| request | bytes | median ms | worst ms |\n| --- | ---: | ---: | ---: |\n'
for url in /feed.xml /rss.xml /feed.json /opd/dinkes/feed.xml "$deep" /sitemap.xml "$child"; do
  times=""; size=0
  for _ in $(seq "$REPEAT"); do
    read -r t s < <(curl -s -o /dev/null -w '%{time_total} %{size_download}\n' "$BENCH_BASE$url")
    times+=" $(awk -v t="$t" 'BEGIN{printf "%.1f", t*1000}')"; size=$s
  done
  printf '| `%s` | %s | %s | %s |\n' "$url" "$size" "$(echo "$times" | bench_median)" "$(echo "$times" | tr ' ' '\n' | grep -v '^$' | sort -g | tail -n 1)"
done

t0=$(date +%s.%N); pages=0; entries=0; url=/berita/feed.xml
while [[ -n $url ]]; do
  body=$(curl -s "$BENCH_BASE$url"); pages=$((pages + 1)); entries=$((entries + $(grep -o '<entry>' <<<"$body" | wc -l)))
  url=$(next_of <<<"$body" | path_of)
done
t1=$(date +%s.%N)
printf '\nWhole /berita Atom archive: %s pages, %s entries in %s s\n' "$pages" "$entries" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')"
printf 'Memory: VmHWM %s KiB, VmRSS %s KiB\n' "$(bench_memory_kb "$BENCH_APP_PID" VmHWM)" "$(bench_memory_kb "$BENCH_APP_PID" VmRSS)"
