#!/usr/bin/env bash
# The monitoring engine under 10,000 checks at a 30 s interval, against fping and the Prometheus
# blackbox exporter on the same targets. Loopback only: ICMP to 127.<ICMP_BASE>.x.y (every address
# of 127.0.0.0/8 answers), TCP and HTTP to servers of bench/monitoring-helper.py on 127.x addresses.
#
#  1. publishes the app (Release), seeds the demo, makes an admin token, starts the targets and the
#     app (metrics on, output cache off), creates ICMP/TCP/HTTP checks through the API (paused),
#     resumes them all at once with one UPDATE;
#  2. after WARM seconds, RUNS windows of WINDOW seconds: schedule lag p50/p99 (from the engine's
#     lag histogram), CPU % of one core, probe rounds; memory (VmHWM, VmRSS);
#  3. each kind alone for KIND_WINDOW seconds (the others paused by UPDATE): CPU per probe round;
#  4. database size: the real day file's bytes per sample, a simulated raw day (SIM_HOURS hours of
#     10,000 checks written in the store's schema) times the raw window (7 days: one file per day,
#     the oldest dropped whole), plus the main database after a year of day rollups;
#  5. /status, /api/v1/status and the busiest OPD's page (50 checks with their 90 days) with wrk
#     (monitoring off, output cache off) over those rollups;
#  6. fping -C 3 over the ICMP targets, and blackbox probes of each module: their CPU per probe.
# Settings: ICMP (3334), TCP (3333), HTTP (3333), INTERVAL (30), WARM (60), WINDOW (120), RUNS (3),
# KIND_WINDOW (60), SIM_HOURS (24), BB_PROBES (2000), DURATION (15s), SKIP_PUBLISH=1, REUSE_DATA=1 (the
# previous run's data folder and checks: creating 10,000 checks through the API takes long on a busy machine),
# CREATE=sql (the same checks by one INSERT instead of through the API).
set -euo pipefail
BENCH_NAME=monitoring
source "$(dirname "$0")/lib.sh"
ICMP=${ICMP:-3334}; TCP=${TCP:-3333}; HTTP=${HTTP:-3333}; INTERVAL=${INTERVAL:-30}
WARM=${WARM:-60}; WINDOW=${WINDOW:-120}; RUNS=${RUNS:-3}; KIND_WINDOW=${KIND_WINDOW:-60}
SIM_HOURS=${SIM_HOURS:-24}; BB_PROBES=${BB_PROBES:-2000}; DURATION=${DURATION:-15s}
ICMP_BASE=78; TCP_BASE=79; HTTP_BASE=80; LISTENERS=50
HELPER="$(cd "$(dirname "$0")" && pwd)/monitoring-helper.py"

bench_prepare_work
bench_need curl curl
bench_need wrk wrk
bench_need python3 python3
bench_need sqlite3 sqlite3
bench_need fping fping
bench_need prometheus-blackbox-exporter prometheus-blackbox-exporter
[[ ${SKIP_PUBLISH:-} == 1 && -f $BENCH_WORK/app/SatuPintu.dll ]] || bench_publish
OUT=$BENCH_WORK/results/monitoring-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
DB=$BENCH_WORK/data/satupintu.db
TARGETS_PID=""; BB_PID=""
cleanup() { bench_stop_app; for p in $TARGETS_PID $BB_PID; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

cli() { (cd "$BENCH_WORK/app" && SatuPintu__DataDir="$BENCH_WORK/data" Logging__LogLevel__Default=Warning dotnet SatuPintu.dll "$@"); }
sql() { sqlite3 -cmd '.timeout 30000' "$DB" "$@"; }
ticks() { bench_srv_ticks "pid:$1"; }
scrape() { curl -s -o "$1" "$BENCH_BASE/metrics"; }
row() { printf '| %s |\n' "$(IFS='|'; echo "$*" | sed 's/|/ | /g')" | tee -a "$OUT/table.md"; }

if [[ ${REUSE_DATA:-} != 1 ]]; then
  rm -rf "$BENCH_WORK/data"
  cli seed >/dev/null
  email="bench-$(date +%s)@bench.satupintu.local"
  echo "kata-sandi-bench-yang-panjang" | cli user add --email "$email" --role admin >/dev/null
  TOKEN=$(cli token create --email "$email" --name bench --expires 1 | tail -n1)
fi

PORT=$(bench_free_port)
python3 "$HELPER" targets "$TCP_BASE" "$HTTP_BASE" "$LISTENERS" "$PORT" >"$OUT/targets.log" 2>&1 &
TARGETS_PID=$!
for _ in $(seq 60); do grep -q ready "$OUT/targets.log" && break; sleep 0.5; done
grep -q ready "$OUT/targets.log" || bench_die "targets did not start: $(cat "$OUT/targets.log")"

bench_start_app SatuPintu__Monitoring__MetricsEnabled=true SatuPintu__OutputCache__Enabled=false
APP=$BENCH_APP_PID
if [[ ${REUSE_DATA:-} != 1 && ${CREATE:-api} == sql ]]; then
  # The same checks as the API makes (names, targets, one in ten to the regency, a random phase), in one
  # INSERT: on a loaded machine 10,000 creations through the API take longer than the whole bench.
  bench_log "inserting $ICMP icmp + $TCP tcp + $HTTP http checks at ${INTERVAL}s (paused) by SQL"
  sql "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $((ICMP + TCP + HTTP - 1))),
         o AS (SELECT Id, ROW_NUMBER() OVER (ORDER BY Id) - 1 AS k, COUNT(*) OVER () AS total FROM Opds),
         j AS (SELECT i, CASE WHEN i < $ICMP THEN 'Icmp' WHEN i < $((ICMP + TCP)) THEN 'Tcp' ELSE 'Http' END AS kind,
                      CASE WHEN i < $ICMP THEN i WHEN i < $((ICMP + TCP)) THEN i - $ICMP ELSE i - $((ICMP + TCP)) END AS x FROM n)
    INSERT INTO MonitorChecks (Name, Kind, Target, IntervalSeconds, PhaseMs, NextDueMs, FailuresToDown, SuccessesToUp, OpdId, Paused, Canary, Public,
                               TlsWarningDays, Echoes, CreatedAt, UpdatedAt)
    SELECT printf('Bench %s %05d', lower(kind), x), kind,
           CASE kind WHEN 'Icmp' THEN printf('127.$ICMP_BASE.%d.%d', x / 250, 1 + x % 250)
                     WHEN 'Tcp' THEN printf('127.$TCP_BASE.0.%d:$PORT', 1 + x % $LISTENERS)
                     ELSE printf('http://127.$HTTP_BASE.0.%d:$PORT/cek/%d', 1 + x % $LISTENERS, x) END,
           $INTERVAL, abs(random()) % ${INTERVAL}000, CAST(strftime('%s', 'now') AS INTEGER) * 1000 + abs(random()) % ${INTERVAL}000, 3, 2,
           CASE WHEN i % 10 = 0 THEN NULL ELSE (SELECT Id FROM o WHERE k = i % total) END, 1, 0, 1, 14, 3,
           strftime('%Y-%m-%d %H:%M:%f0000', 'now'), strftime('%Y-%m-%d %H:%M:%f0000', 'now')
    FROM j;"
elif [[ ${REUSE_DATA:-} != 1 ]]; then
  bench_log "creating $ICMP icmp + $TCP tcp + $HTTP http checks at ${INTERVAL}s (paused)"
  t0=$(date +%s.%N)
  python3 "$HELPER" create "$BENCH_BASE" "$TOKEN" "$ICMP" "$TCP" "$HTTP" "$ICMP_BASE" "$TCP_BASE" "$HTTP_BASE" "$LISTENERS" "$PORT" "$INTERVAL" >/dev/null
  bench_log "created in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.0f", b-a}') s"
else
  # The previous run's data folder and checks; the targets' port is new, so the checks follow it.
  sql "UPDATE MonitorChecks SET Target = replace(Target, substr(Target, instr(substr(Target, 8), ':') + 7, 6), ':$PORT') WHERE Kind = 'Http' AND Name LIKE 'Bench %';
       UPDATE MonitorChecks SET Target = substr(Target, 1, instr(Target, ':')) || '$PORT' WHERE Kind = 'Tcp' AND Name LIKE 'Bench %';"
fi
bench_log "$(sql "SELECT COUNT(*) FROM MonitorChecks WHERE Name LIKE 'Bench %'") checks; resuming all"
sql "UPDATE MonitorChecks SET Paused = 0 WHERE Name LIKE 'Bench %'"
bench_log "warm-up ${WARM}s (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
sleep "$WARM"

echo "# monitoring bench $(date -Is), load average at start $(cut -d' ' -f1-3 /proc/loadavg), source $(cat "$BENCH_WORK/source.txt" 2>/dev/null)" >"$OUT/table.md"
row "run" "rounds/s" "fails" "lag p50 ms" "lag p99 ms" "CPU % of a core" "load average"
for r in $(seq "$RUNS"); do
  scrape "$OUT/m-$r-a.txt"; a=$(ticks "$APP"); s0=$(date +%s.%N)
  sleep "$WINDOW"
  scrape "$OUT/m-$r-b.txt"; b=$(ticks "$APP"); s1=$(date +%s.%N)
  read -r n f < <(python3 "$HELPER" probes "$OUT/m-$r-a.txt" "$OUT/m-$r-b.txt" all)
  read -r p50 p99 < <(python3 "$HELPER" lag "$OUT/m-$r-a.txt" "$OUT/m-$r-b.txt" all)
  secs=$(awk -v a="$s0" -v b="$s1" 'BEGIN{print b-a}')
  row "$r" "$(awk -v n="$n" -v s="$secs" 'BEGIN{printf "%.0f", n/s}')" "$f" "$p50" "$p99" \
      "$(awk -v t=$((b - a)) -v hz="$BENCH_HZ" -v s="$secs" 'BEGIN{printf "%.1f", 100*t/hz/s}')" "$(cut -d' ' -f1 /proc/loadavg)"
done
row "memory" "VmHWM $(( $(bench_memory_kb "$APP" VmHWM) / 1024 )) MiB" "VmRSS $(( $(bench_memory_kb "$APP" VmRSS) / 1024 )) MiB" "" "" "" ""

echo >>"$OUT/table.md"
row "kind alone" "rounds" "fails" "lag p99 ms" "CPU µs per round" "" ""
for k in Icmp Tcp Http; do
  kl=${k,,}
  sql "UPDATE MonitorChecks SET Paused = (Kind <> '$k') WHERE Name LIKE 'Bench %'"
  sleep "$INTERVAL"
  scrape "$OUT/k-$kl-a.txt"; a=$(ticks "$APP")
  sleep "$KIND_WINDOW"
  scrape "$OUT/k-$kl-b.txt"; b=$(ticks "$APP")
  read -r n f < <(python3 "$HELPER" probes "$OUT/k-$kl-a.txt" "$OUT/k-$kl-b.txt" "$kl")
  read -r _ p99 < <(python3 "$HELPER" lag "$OUT/k-$kl-a.txt" "$OUT/k-$kl-b.txt" "$kl")
  row "$kl" "$n" "$f" "$p99" "$(awk -v t=$((b - a)) -v hz="$BENCH_HZ" -v n="$n" 'BEGIN{printf "%.0f", (n > 0) ? 1e6*t/hz/n : 0}')" "" ""
done
sql "UPDATE MonitorChecks SET Paused = 1 WHERE Name LIKE 'Bench %'"
day=$(ls -1 "$BENCH_WORK/data/samples"/samples-*.db | tail -n1)
real_rows=$(sqlite3 "$day" "SELECT COUNT(*) FROM samples"); real_bytes=$(cat "$day" "$day-wal" 2>/dev/null | wc -c)
bench_stop_app

bench_log "a simulated raw day: $SIM_HOURS h of $((ICMP + TCP + HTTP)) checks at ${INTERVAL}s"
sim=$OUT/sim-samples.db; rm -f "$sim"
per_hour=$((3600 / INTERVAL))
sqlite3 "$sim" "PRAGMA journal_mode=WAL; CREATE TABLE samples (check_id INTEGER NOT NULL, at_ms INTEGER NOT NULL, status INTEGER NOT NULL, rtt REAL, loss REAL NOT NULL);
  WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r WHERE n < $((SIM_HOURS * per_hour - 1))),
       c(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM c WHERE id < $((ICMP + TCP + HTTP)))
  INSERT INTO samples SELECT c.id, 1764547200000 + r.n * ${INTERVAL}000 + c.id * 3, 1, 0.05 + (c.id % 7) * 0.01, 0 FROM r, c;
  PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sim_bytes=$(stat -c %s "$sim")
bench_log "a year of day rollups (and two days of hour rollups) for every check"
sql "INSERT OR IGNORE INTO MonitorRollups (CheckId, Period, Start, Up, Down, Unknown, Maintenance, MinRttMs, AvgRttMs, P95RttMs, LossPercent)
  WITH RECURSIVE d(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM d WHERE n < 365)
  SELECT c.Id, 'Day', strftime('%Y-%m-%d 00:00:00', 'now', '-' || d.n || ' days'), 2870, 8, 2, 0, 0.04, 0.08, 0.2, 0 FROM MonitorChecks c, d;
  INSERT OR IGNORE INTO MonitorRollups (CheckId, Period, Start, Up, Down, Unknown, Maintenance, MinRttMs, AvgRttMs, P95RttMs, LossPercent)
  WITH RECURSIVE h(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM h WHERE n < 47)
  SELECT c.Id, 'Hour', strftime('%Y-%m-%d %H:00:00', 'now', '-' || h.n || ' hours'), 120, 0, 0, 0, 0.04, 0.08, 0.2, 0 FROM MonitorChecks c, h;
  UPDATE MonitorChecks SET Paused = 0 WHERE Name LIKE 'Bench %';"
sql "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
main_bytes=$(stat -c %s "$DB")
echo >>"$OUT/table.md"
row "database" "real day file: $real_rows samples, $real_bytes B ($(awk -v b="$real_bytes" -v n="$real_rows" 'BEGIN{printf "%.1f", (n > 0) ? b/n : 0}') B/sample)" \
    "simulated: $(( sim_bytes / 1048576 )) MiB per $SIM_HOURS h" "raw window 7 days: $(awk -v b="$sim_bytes" -v h="$SIM_HOURS" 'BEGIN{printf "%.0f", 7*b*24/h/1048576}') MiB" \
    "main database with a year of rollups: $(( main_bytes / 1048576 )) MiB" "" ""

bench_start_app SatuPintu__Monitoring__Enabled=false SatuPintu__OutputCache__Enabled=false
echo >>"$OUT/table.md"
row "page" "bytes" "req/s" "p50 ms" "p99 ms" "" ""
slug=$(sql "SELECT o.Slug FROM Opds o JOIN MonitorChecks c ON c.OpdId = o.Id GROUP BY o.Id ORDER BY COUNT(*) DESC LIMIT 1")
for u in /status /api/v1/status "/status/$slug" "/api/v1/status/$slug"; do
  bytes=$(curl -s -o /dev/null -w '%{size_download}' --max-time 120 "$BENCH_BASE$u")
  wrk -t2 -c4 -d5s --timeout 30s "$BENCH_BASE$u" >/dev/null
  out=$(wrk -t2 -c8 -d"$DURATION" --latency --timeout 30s "$BENCH_BASE$u"); echo "$out" >"$OUT/wrk-${u//\//_}.txt"
  row "$u" "$bytes" "$(awk '/^Requests\/sec:/{print $2}' <<<"$out")" "$(bench_to_ms "$(awk '$1=="50%"{print $2}' <<<"$out")")" \
      "$(bench_to_ms "$(awk '$1=="99%"{print $2}' <<<"$out")")" "" ""
done
bench_stop_app

echo >>"$OUT/table.md"
row "anchor" "probes" "fails" "CPU µs per probe" "" "" ""
for i in $(seq 0 $((ICMP - 1))); do echo "127.$ICMP_BASE.$((i / 250)).$((1 + i % 250))"; done >"$OUT/icmp.txt"
for i in $(seq 1 $LISTENERS); do echo "127.$TCP_BASE.0.$i:$PORT"; done >"$OUT/tcp.txt"
for i in $(seq 1 $LISTENERS); do echo "http://127.$HTTP_BASE.0.$i:$PORT/cek/$i"; done >"$OUT/http.txt"
read -r fcpu < <(python3 - "$OUT/icmp.txt" <<'PY'
import resource, subprocess, sys
subprocess.run(["fping", "-C", "3", "-q", "-i", "1", "-t", "1000", "-f", sys.argv[1]], stderr=subprocess.DEVNULL, check=False)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(u.ru_utime + u.ru_stime)
PY
)
row "fping -C 3 (a round of 3 echoes)" "$ICMP" "" "$(awk -v c="$fcpu" -v n="$ICMP" 'BEGIN{printf "%.0f", 1e6*c/n}')" "" "" ""
BB_PORT=$(bench_free_port)
cat >"$OUT/blackbox.yml" <<'YML'
modules:
  icmp: { prober: icmp, timeout: 3s, icmp: { preferred_ip_protocol: ip4 } }
  tcp_connect: { prober: tcp, timeout: 3s, tcp: { preferred_ip_protocol: ip4 } }
  http_2xx: { prober: http, timeout: 3s, http: { preferred_ip_protocol: ip4 } }
YML
prometheus-blackbox-exporter --config.file="$OUT/blackbox.yml" --web.listen-address="127.0.0.1:$BB_PORT" >"$OUT/blackbox.log" 2>&1 &
BB_PID=$!
for _ in $(seq 40); do curl -s -o /dev/null "http://127.0.0.1:$BB_PORT/" && break; sleep 0.25; done
for m in icmp:icmp tcp_connect:tcp http_2xx:http; do
  a=$(ticks "$BB_PID")
  read -r n f < <(python3 "$HELPER" blackbox "http://127.0.0.1:$BB_PORT" "${m%%:*}" "$BB_PROBES" 16 "$OUT/${m##*:}.txt")
  b=$(ticks "$BB_PID")
  row "blackbox ${m%%:*} (one echo, one connect, one GET)" "$n" "$f" "$(awk -v t=$((b - a)) -v hz="$BENCH_HZ" -v n="$n" 'BEGIN{printf "%.0f", 1e6*t/hz/n}')" "" "" ""
done
bench_log "table: $OUT/table.md"
cat "$OUT/table.md"
