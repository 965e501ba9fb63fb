#!/usr/bin/env bash
# /jaringan against the home page, uncached, on a big registry: 500 sites (each with a link and an
# OPD housed where the demo has one), 5,000 subnets and 10 years of budget lines (4 sources x 4
# items a year), imported through `network import` into a fresh demo data folder. Two passes with
# the output cache off (SatuPintu__OutputCache__Enabled=false): "demo" (the seeded registry only)
# and "big" (after the import), each measuring / and /jaringan with bench_measure (wrk, $RUNS runs,
# medians). The memory the registry adds is the big pass's VmHWM/VmRSS minus the demo pass's.
# Loopback only; the registry's addresses are data, never destinations.
# Settings: RUNS (3), DURATION (10s), WARMUP (5s), CONNS (32), THREADS (2), SITES (500),
# SUBNETS_PER_SITE (10), YEARS (10), SKIP_PUBLISH=1.
set -euo pipefail
BENCH_NAME=network-page
source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-3}; DURATION=${DURATION:-10s}; WARMUP=${WARMUP:-5s}; CONNS=${CONNS:-32}; THREADS=${THREADS:-2}
SITES=${SITES:-500}; PER=${SUBNETS_PER_SITE:-10}; YEARS=${YEARS:-10}

bench_prepare_work
bench_need curl curl
bench_need wrk wrk
bench_need python3 python3
[[ ${SKIP_PUBLISH:-} == 1 && -f $BENCH_WORK/app/SatuPintu.dll ]] || bench_publish
OUT=$BENCH_WORK/results/network-page-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT/raw"
TSV=$OUT/results.tsv; echo "$BENCH_TSV_HEADER" >"$TSV"
trap 'bench_stop_app' EXIT

rm -rf "$BENCH_WORK/data"
(cd "$BENCH_WORK/app" && SatuPintu__DataDir="$BENCH_WORK/data" Logging__LogLevel__Default=Warning dotnet SatuPintu.dll seed >/dev/null)
slugs=$(cd "$BENCH_WORK/app" && SatuPintu__DataDir="$BENCH_WORK/data" python3 -c '
import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(" ".join(r[0] for r in c.execute("select Slug from Opds where ArchivedAt is null order by Id")))' "$BENCH_WORK/data/satupintu.db")

python3 - "$BENCH_WORK/network-page.xlsx" "$SITES" "$PER" "$YEARS" "$slugs" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
path, sites, per, years, slugs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5].split()
def col(i):
    return chr(65 + i)
def sheet(rows):
    out = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        out.append(f'<row r="{r}">')
        for c, v in enumerate(row):
            ref = f'{col(c)}{r}'
            if isinstance(v, (int, float)):
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
        out.append('</row>')
    out.append('</sheetData></worksheet>')
    return ''.join(out)
states = ['planned', 'funded', 'installed', 'connected']
names = [f'Lokasi uji {i:04d}' for i in range(sites)]
first = 2026 - years + 1
data = {
    'phases': [['name', 'target_year']] + [[f'Tahap uji {y}', y] for y in range(first, 2027)],
    # Coordinates spread over the regency's box; one OPD housed per site while OPDs last.
    'sites': [['name', 'kind', 'state', 'parent', 'opds', 'latitude', 'longitude', 'approximate', 'phase']]
        + [[n, 'office', states[i % 4], 'NOC Diskominfo', slugs[i] if i < len(slugs) else '', -3.55 - (i % 25) * 0.01, 102.45 + (i // 25) * 0.01, 'ya', f'Tahap uji {first + i % years}'] for i, n in enumerate(names)],
    'links': [['site', 'medium', 'down_mbps', 'up_mbps', 'monthly_cost']] + [[n, 'fiber', 20, 10, 500000] for n in names],
    'subnets': [['site', 'cidr', 'vlan', 'gateway']] + [[names[k // per], f'10.{64 + k // 256}.{k % 256}.0/24', 100 + k % per, f'10.{64 + k // 256}.{k % 256}.1'] for k in range(sites * per)],
    'budget': [['year', 'source', 'item', 'planned', 'realised', 'phase']]
        + [[y, s, it, 100000000, 60000000, f'Tahap uji {y}'] for y in range(first, 2027) for s in ['apbd', 'apbd_perubahan', 'dak', 'other'] for it in ['installation', 'equipment', 'bandwidth', 'maintenance']],
}
n = len(data)
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' + ''.join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1)) + '</Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' + ''.join(f'<sheet name="{k}" sheetId="{i}" r:id="rId{i}"/>' for i, k in enumerate(data, 1)) + '</sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + ''.join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1)) + '</Relationships>')
    for i, rows in enumerate(data.values(), 1):
        z.writestr(f'xl/worksheets/sheet{i}.xml', sheet(rows))
print(' '.join(f'{len(r) - 1} {k}' for k, r in data.items()), file=sys.stderr)
PY

declare -A hwm rss
for pass in demo big; do
  if [[ $pass == big ]]; then
    (cd "$BENCH_WORK/app" && SatuPintu__DataDir="$BENCH_WORK/data" Logging__LogLevel__Default=Warning dotnet SatuPintu.dll network import "$BENCH_WORK/network-page.xlsx") \
      | tee "$OUT/import.txt" >&2
  fi
  bench_start_app SatuPintu__OutputCache__Enabled=false
  B=$BENCH_BASE
  for u in / /jaringan; do wrk -t"$THREADS" -c8 -d"$WARMUP" --timeout 10s "$B$u" >/dev/null; done
  bench_check_quiet
  bench_measure "$pass" home "$B/" "pid:$BENCH_APP_PID" "$TSV" "$OUT/raw"
  bench_measure "$pass" jaringan "$B/jaringan" "pid:$BENCH_APP_PID" "$TSV" "$OUT/raw"
  hwm[$pass]=$(bench_memory_kb "$BENCH_APP_PID" VmHWM); rss[$pass]=$(bench_memory_kb "$BENCH_APP_PID" VmRSS)
  bench_stop_app
done
{
  echo "## /jaringan vs home, output cache off — $(date -Is), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "wrk -t$THREADS -c$CONNS -d$DURATION --latency, $RUNS runs per figure (median); big = demo + $SITES sites, $((SITES * PER)) subnets, $YEARS years of budget"
  echo
  bench_table "$TSV"
  echo
  echo "| pass | peak memory (VmHWM) | resident (VmRSS) |"
  echo "|---|--:|--:|"
  for pass in demo big; do printf '| %s | %.0f MiB | %.0f MiB |\n' "$pass" "$(awk -v k="${hwm[$pass]}" 'BEGIN{print k/1024}')" "$(awk -v k="${rss[$pass]}" 'BEGIN{print k/1024}')"; done
} | tee "$OUT/table.md"
