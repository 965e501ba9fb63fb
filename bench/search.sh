#!/usr/bin/env bash
# Search at scale, per backend (BACKENDS="sqlite postgres"): the demo instance plus ARTICLES
# (100,000) articles recombined from the IndoSum corpus (bench/search-corpus.py), loaded straight
# into the Articles table (a template row's other columns, one bulk insert, not through the web);
# then `reindex` timed (the indexing rate and the reindex time), the index size (data/search, or
# the search_* tables with their indexes), and wrk on /cari cycling through 200 citizen-style
# queries at 8 and 32 connections with the output cache off: req/s, p50 and p99, medians of RUNS.
# PostgreSQL is a throwaway cluster on 127.0.0.1. Loopback only.
# Settings: ARTICLES (100000), RUNS (3), DURATION (15s), WARMUP (5s), CONNS ("8 32"), SKIP_PUBLISH=1.
# A smoke run on a busy machine: ARTICLES=2000 RUNS=1 DURATION=5s WARMUP=2s (figures not comparable).
set -euo pipefail
BENCH_NAME=search
source "$(dirname "$0")/lib.sh"
ARTICLES=${ARTICLES:-100000}; BACKENDS=${BACKENDS:-"sqlite postgres"}
bench_prepare_work
bench_need wrk wrk
bench_need sqlite3 sqlite3
bench_need curl curl
[[ ${SKIP_PUBLISH:-} == 1 && -f $BENCH_WORK/app/SatuPintu.dll ]] || bench_publish
OUT=$BENCH_WORK/results/search-$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT/raw"
python3 "$BENCH_REPO/bench/search-corpus.py" "$ARTICLES" "$BENCH_WORK/search-rows.tsv" "$OUT/queries.lua" >/dev/null
pg_dir=""
cleanup() {
  bench_stop_app
  if [[ -n $pg_dir ]]; then run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; fi
}
trap cleanup EXIT
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
app() { (cd "$BENCH_WORK/app" && env SatuPintu__DataDir="$BENCH_WORK/data" Logging__LogLevel__Default=Warning "$@"); }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", b-a}'; }

# The bulk load: every column but the content ones copied from one published article.
load_sqlite() {
  python3 - "$BENCH_WORK/data/satupintu.db" "$BENCH_WORK/search-rows.tsv" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
cols = [r[1] for r in db.execute('PRAGMA table_info("Articles")') if r[1] != 'Id']
template = dict(zip(cols, db.execute(f'SELECT {",".join(chr(34) + c + chr(34) for c in cols)} FROM "Articles" WHERE "Status" = \'Published\' LIMIT 1').fetchone()))
opds = [r[0] for r in db.execute('SELECT "Id" FROM "Opds" ORDER BY "Id"')]
def rows():
    for line in open(sys.argv[2], encoding='utf-8'):
        i, title, summary, body = line.rstrip('\n').split('\t')
        r = dict(template, Slug=f'bench-{i}', Title=title, Summary=summary, BodyHtml=body, BodyMarkdown=None, OpdId=opds[int(i) % len(opds)])
        yield tuple(r[c] for c in cols)
db.executemany(f'INSERT INTO "Articles" ({",".join(chr(34) + c + chr(34) for c in cols)}) VALUES ({",".join("?" * len(cols))})', rows())
db.commit()
PY
}
load_postgres() {
  local cols select
  cols=$(psql "$PG" -Atc "SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'Articles' AND column_name <> 'Id'")
  select=$(psql "$PG" -Atc "SELECT string_agg(CASE column_name WHEN 'Slug' THEN '''bench-'' || b.i' WHEN 'Title' THEN 'b.title' WHEN 'Summary' THEN 'b.summary'
    WHEN 'BodyHtml' THEN 'b.body' WHEN 'BodyMarkdown' THEN 'NULL' WHEN 'OpdId' THEN 'o.ids[1 + b.i % array_length(o.ids, 1)]' ELSE 't.' || quote_ident(column_name) END, ',' ORDER BY ordinal_position)
    FROM information_schema.columns WHERE table_name = 'Articles' AND column_name <> 'Id'")
  psql "$PG" -q -v ON_ERROR_STOP=1 <<SQL
CREATE TEMP TABLE bench_rows (i int, title text, summary text, body text);
\copy bench_rows FROM '$BENCH_WORK/search-rows.tsv'
INSERT INTO "Articles" ($cols) SELECT $select FROM bench_rows b
  CROSS JOIN (SELECT * FROM "Articles" WHERE "Status" = 'Published' LIMIT 1) t CROSS JOIN (SELECT array_agg("Id" ORDER BY "Id") ids FROM "Opds") o;
SQL
}

for backend in $BACKENDS; do
  rm -rf "$BENCH_WORK/data"; extra=()
  if [[ $backend == postgres ]]; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1); pg_dir=$(mktemp -d -t satupintu-bench-pg.XXXXXX); port=$(bench_free_port)
    [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
    run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o "-h 127.0.0.1 -p $port -k $pg_dir" start >/dev/null
    PG="postgresql://postgres@127.0.0.1:$port/postgres"; extra=(ConnectionStrings__Postgres="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres")
  fi
  app "${extra[@]}" dotnet SatuPintu.dll seed >/dev/null
  t0=$(now); "load_$backend"; t1=$(now)
  bench_log "$backend: $ARTICLES articles loaded in $(elapsed "$t0" "$t1") s"
  t0=$(now); app "${extra[@]}" dotnet SatuPintu.dll reindex >"$OUT/raw/$backend-reindex.txt" 2>&1; t1=$(now)
  secs=$(elapsed "$t0" "$t1"); entries=$(grep -o '[0-9]* entri' "$OUT/raw/$backend-reindex.txt" | grep -o '[0-9]*' || echo "$ARTICLES")
  if [[ $backend == postgres ]]; then
    size=$(psql "$PG" -Atc "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c WHERE c.relname IN ('search_entry', 'search_term', 'search_vocab', 'search_state')")
  else
    size=$(du -sh "$BENCH_WORK/data/search" | cut -f1)
  fi
  echo -e "$backend\treindex\t$entries entries\t$secs s\t$(awk -v n="$entries" -v s="$secs" 'BEGIN{printf "%.0f", n/s}') entries/s\tindex $size" | tee -a "$OUT/indexing.tsv" >&2
  bench_start_app "${extra[@]}" SatuPintu__OutputCache__Enabled=false
  # One search answered with hits before any load: a broken page would otherwise measure fast errors.
  hits=$(curl -s --max-time 120 "$BENCH_BASE/api/v1/search?q=pemerintah" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo 0)
  [[ $hits -gt 0 ]] || bench_die "$backend: /api/v1/search?q=pemerintah found nothing; see the app log"
  bench_log "$backend: a probe search finds $hits entries"
  for c in $CONNS; do
    wrk -t"$THREADS" -c"$c" -d"$WARMUP" -s "$OUT/queries.lua" "$BENCH_BASE" >/dev/null
    rpss=""; p50s=""; p99s=""
    for r in $(seq "$RUNS"); do
      o=$(wrk -t"$THREADS" -c"$c" -d"$DURATION" --latency --timeout 10s -s "$OUT/queries.lua" "$BENCH_BASE"); echo "$o" >"$OUT/raw/$backend-c$c-run$r.txt"
      rpss+=" $(awk '/^Requests\/sec:/{print $2}' <<<"$o")"; p50s+=" $(bench_to_ms "$(awk '$1=="50%"{print $2}' <<<"$o")")"; p99s+=" $(bench_to_ms "$(awk '$1=="99%"{print $2}' <<<"$o")")"
      grep -q "Non-2xx" <<<"$o" && bench_log "warning: non-2xx answers in $OUT/raw/$backend-c$c-run$r.txt"
    done
    echo -e "$backend\t/cari\tc=$c\t$(bench_median <<<"$rpss") req/s\tp50 $(bench_median <<<"$p50s") ms\tp99 $(bench_median <<<"$p99s") ms" | tee -a "$OUT/wrk.tsv" >&2
  done
  bench_stop_app
  if [[ -n $pg_dir ]]; then run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null; rm -rf "$pg_dir"; pg_dir=""; fi
done
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -Is), source $(cat "$BENCH_WORK/source.txt" 2>/dev/null)" | tee "$OUT/machine.txt" >&2
echo "results: $OUT" >&2
