#!/usr/bin/env bash
# Bulk import and export of the network registry, through the CLI verbs of the published app:
# a generated workbook of 500 sites, 500 links and 5,000 subnets (6,000 rows) is checked
# (--dry-run), imported, then the whole registry is exported as XLSX. Each figure is the
# process's wall time minus the median start-up of the same verb with nothing to do, and its
# peak memory (max RSS). No network traffic at all: the verbs only touch the SQLite file.
# Settings: RUNS (3), SITES (500), SUBNETS_PER_SITE (10), SKIP_PUBLISH=1.
set -euo pipefail
BENCH_NAME=network-import
source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-3}
SITES=${SITES:-500}
PER=${SUBNETS_PER_SITE:-10}

bench_prepare_work
[[ ${SKIP_PUBLISH:-} == 1 && -f $BENCH_WORK/app/SatuPintu.dll ]] || bench_publish
bench_need python3 python3
[[ -x /usr/bin/time ]] || bench_need /usr/bin/time time

# A minimal but valid workbook (inline strings), written with Python's zipfile: the import reads what Excel writes.
python3 - "$BENCH_WORK/network-bench.xlsx" "$SITES" "$PER" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
path, sites, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def col(i):
    return chr(65 + i)
def sheet(rows):
    out = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        out.append(f'<row r="{r}">')
        for c, v in enumerate(row):
            ref = f'{col(c)}{r}'
            if isinstance(v, int):
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
        out.append('</row>')
    out.append('</sheetData></worksheet>')
    return ''.join(out)
names = [f'Lokasi uji {i:04d}' for i in range(sites)]
data = {
    'sites': [['name', 'kind', 'state', 'parent']] + [[n, 'office', 'installed', 'NOC Diskominfo'] for n in names],
    'links': [['site', 'medium', 'down_mbps', 'up_mbps', 'monthly_cost']] + [[n, 'fiber', 20, 10, 500000] for n in names],
    # Address blocks are data only (10.64.0.0/10 side of the private range, clear of the demo's 10.17.x).
    'subnets': [['site', 'cidr', 'vlan', 'gateway']] + [[names[k // per], f'10.{64 + k // 256}.{k % 256}.0/24', 100 + k % per, f'10.{64 + k // 256}.{k % 256}.1'] for k in range(sites * per)],
}
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' + ''.join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, 4)) + '</Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' + ''.join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, n in enumerate(data, 1)) + '</sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + ''.join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, 4)) + '</Relationships>')
    for i, rows in enumerate(data.values(), 1):
        z.writestr(f'xl/worksheets/sheet{i}.xml', sheet(rows))
print(f'{sum(len(r) - 1 for r in data.values())} rows', file=sys.stderr)
PY
printf 'provider,mbps,contract_start\n' >"$BENCH_WORK/empty.csv"

run() { # label args... -> prints "seconds maxrss_kb"
  (cd "$BENCH_WORK/app" && SatuPintu__DataDir="$BENCH_WORK/data" Logging__LogLevel__Default=Warning \
    /usr/bin/time -f '%e %M' -o "$BENCH_WORK/time.txt" dotnet SatuPintu.dll "$@" >"$BENCH_WORK/out.txt" 2>"$BENCH_WORK/err.txt") || true
  tail -n 1 "$BENCH_WORK/time.txt"
}

declare -A secs mem work
for run_no in $(seq "$RUNS"); do
  rm -rf "$BENCH_WORK/data"
  (cd "$BENCH_WORK/app" && SatuPintu__DataDir="$BENCH_WORK/data" Logging__LogLevel__Default=Warning dotnet SatuPintu.dll seed >/dev/null)
  for step in startup dryrun import export; do
    case $step in
      startup) r=$(run network import "$BENCH_WORK/empty.csv") ;;
      dryrun) r=$(run network import "$BENCH_WORK/network-bench.xlsx" --dry-run) ;;
      import) r=$(run network import "$BENCH_WORK/network-bench.xlsx"); grep -q Diimpor "$BENCH_WORK/out.txt" || { cat "$BENCH_WORK/err.txt" | head -5 >&2; bench_die "import failed"; } ;;
      export) r=$(run network export --format xlsx --output "$BENCH_WORK/export.xlsx") ;;
    esac
    # The verbs print their own elapsed time ("dalam 1,23 s"): the work itself, without process start-up.
    inner=$(grep -o 'dalam [0-9,]* s' "$BENCH_WORK/out.txt" | tr -dc '0-9,' | tr ',' '.' || true)
    secs[$step]+="${r% *} "; mem[$step]+="${r#* } "; work[$step]+="${inner:--} "
    bench_log "run $run_no $step: ${r% *} s (work ${inner:--} s), max RSS ${r#* } kB"
  done
done
printf '| step | process wall (median s) | work as the verb reports it (median s) | max RSS (MB) |\n| --- | --- | --- | --- |\n'
for step in startup dryrun import export; do
  w=$(echo "${secs[$step]}" | bench_median); m=$(echo "${mem[$step]}" | bench_median)
  printf '| %s | %s | %s | %.0f |\n' "$step" "$w" "$(echo "${work[$step]}" | tr -d '-' | bench_median)" "$(awk -v k="$m" 'BEGIN{print k/1024}')"
done
