#!/usr/bin/env bash
# Lighthouse 12.2.3 (mobile, default simulated throttling) against the portal's home page, a service
# page, an article page and an article with a lead image, and against WordPress's home for comparison
# when the anchor is up. Loopback only.
#
#   bench/lighthouse.sh                 3 runs per page, medians
#   LH_RUNS=5 bench/lighthouse.sh
#   PORTAL_URL=http://127.0.0.1:5000 bench/lighthouse.sh    use a portal that is already running
#
# Without PORTAL_URL it starts the app published by bench/portal.sh in the work folder (publishing
# and seeding it first when missing), with its defaults (output cache and compression on).
# Installs lighthouse@12.2.3 with npm into the work folder (12.x runs on Node 18/20; 13 needs newer)
# and uses Debian's Chromium (/usr/bin/chromium; the `chromium` package is installed when missing).
# Per page: median performance / accessibility / best-practices / SEO scores, bytes transferred,
# number of requests and simulated LCP, and the audits that did not pass (with their titles).
# The article with a lead image is made here (only when the script starts the app): an admin made with
# `user add` signs in like a browser and saves a news item with a 1200×800 picture (a Chromium screenshot
# of the home page, so nothing is fetched), and publishes it.
# Settings: BENCH_DIR (work folder), LH_RUNS (3), WP_URL (default http://127.0.0.1:8081/, skipped
# when not answering), ARTICLES (for seeding, default 10000).
# Output: the markdown table on stdout; JSON reports and table.md in $BENCH_DIR/lighthouse/<time>/.
set -euo pipefail

BENCH_NAME=lighthouse
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

LH_VERSION=12.2.3
LH_RUNS=${LH_RUNS:-3}
WP_URL=${WP_URL:-http://127.0.0.1:8081/}
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"

bench_prepare_work
bench_need node nodejs
bench_need npm npm
bench_need curl curl
[[ -x /usr/bin/chromium ]] || bench_need chromium chromium
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[[ $LH_RUNS =~ ^[1-9][0-9]*$ ]] || bench_die "LH_RUNS must be a positive integer"

LH_DIR="$BENCH_WORK/lighthouse-$LH_VERSION"
if [[ ! -x $LH_DIR/node_modules/.bin/lighthouse ]]; then
  bench_log "npm i -E lighthouse@$LH_VERSION into $LH_DIR"
  mkdir -p "$LH_DIR"
  (cd "$LH_DIR" && { [[ -f package.json ]] || npm init -y >/dev/null; } && npm i -E --no-audit --no-fund "lighthouse@$LH_VERSION" >"$LH_DIR/npm.log" 2>&1) \
    || { tail -n 20 "$LH_DIR/npm.log" >&2; bench_die "npm could not install lighthouse@$LH_VERSION (log: $LH_DIR/npm.log)"; }
fi
LH="$LH_DIR/node_modules/.bin/lighthouse"

OUT=${BENCH_OUT:-$BENCH_WORK/lighthouse/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
trap 'bench_stop_app' EXIT
trap 'bench_log "interrupted"; exit 130' INT TERM

if [[ -n ${PORTAL_URL:-} ]]; then
  BASE=${PORTAL_URL%/}
  curl -sf -o /dev/null "$BASE/healthz" || bench_die "PORTAL_URL $BASE does not answer GET /healthz"
else
  [[ -f $BENCH_WORK/app/SatuPintu.dll ]] || bench_publish
  [[ -f $BENCH_WORK/data/satupintu.db ]] || bench_seed "${ARTICLES:-10000}"
  email=bench-lighthouse-$RANDOM@kepahiang.example
  password="kata-sandi-bench-yang-panjang-$RANDOM$RANDOM"
  (cd "$BENCH_WORK/app" && echo "$password" | SatuPintu__DataDir="$BENCH_WORK/data" Logging__LogLevel__Default=Warning \
    dotnet SatuPintu.dll user add --email "$email" --role admin --name Bench) >"$OUT/user.log" 2>&1 \
    || { cat "$OUT/user.log" >&2; bench_die "user add failed"; }
  bench_start_app
  BASE=$BENCH_BASE
  "$CHROME_PATH" $CHROME_FLAGS --hide-scrollbars --window-size=1200,800 --screenshot="$OUT/lead.png" "$BASE/" >/dev/null 2>&1 \
    || bench_die "Chromium made no screenshot for the lead image"
  jar="$OUT/cookies.txt"
  form_token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
  t=$(curl -s -c "$jar" -b "$jar" "$BASE/admin/masuk" | form_token)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$email" --data-urlencode "Password=$password" \
    --data-urlencode "__RequestVerificationToken=$t" "$BASE/admin/masuk"
  t=$(curl -s -c "$jar" -b "$jar" "$BASE/admin/artikel/baru" | form_token)
  [[ -n $t ]] || bench_die "no antiforgery token on /admin/artikel/baru (sign-in failed?)"
  saved=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -F "__RequestVerificationToken=$t" -F "Input.Opd=dinkes" -F "Input.Kind=berita" \
    -F "Input.Title=Posyandu keliling menjangkau desa terjauh" -F "Input.Summary=Petugas puskesmas memeriksa balita dan lansia di balai desa." \
    -F "Input.Body=Petugas puskesmas memeriksa balita dan lansia di balai desa. Pemeriksaan gratis dan terbuka untuk warga." \
    -F "Input.LeadImageAlt=Tampilan beranda portal" -F "Input.LeadImageCaption=Beranda portal" -F "Input.LeadImageCredit=Diskominfo" \
    -F "LeadImageFile=@$OUT/lead.png;type=image/png" "$BASE/admin/artikel/baru/Save")
  id=$(grep -o '/admin/artikel/[0-9]*' <<<"$saved" | grep -o '[0-9]*$' || true)
  [[ -n $id ]] || bench_die "saving the article with a lead image did not redirect to it"
  t=$(curl -s -b "$jar" "$BASE/admin/artikel/$id" | form_token)
  curl -s -o /dev/null -b "$jar" -F "__RequestVerificationToken=$t" "$BASE/admin/artikel/$id/Publish"
  sleep 1   # the change feed brings the published article into the read model
  lead_article=$(curl -s "$BASE/berita" | grep -o 'href="/berita/posyandu-keliling[^"?#]*"' | head -n1 | sed 's/^href="//; s/"$//')
  [[ -n $lead_article ]] || bench_die "the published article with a lead image is not on /berita"
fi
article=$(curl -s "$BASE/berita" | grep -o 'href="/berita/[^"?#]*"' | grep -v posyandu-keliling | head -n1 | sed 's/^href="//; s/"$//')
[[ -n $article ]] || bench_die "found no /berita/ link on $BASE/berita"
service=$(curl -s "$BASE/layanan" | grep -o 'href="/layanan/[^"/?#]*/[^"?#]*"' | head -n1 | sed 's/^href="//; s/"$//')
[[ -n $service ]] || bench_die "found no service page link on $BASE/layanan"

pages=("satupintu-home $BASE/" "satupintu-service $BASE$service" "satupintu-article $BASE$article")
[[ -z ${lead_article:-} ]] || pages+=("satupintu-article-lead-image $BASE$lead_article")
if curl -s -o /dev/null --max-time 10 "$WP_URL"; then
  pages+=("wordpress-home $WP_URL")
else
  bench_log "WordPress does not answer on $WP_URL: measuring the portal only"
fi

for entry in "${pages[@]}"; do
  name=${entry%% *}; url=${entry#* }
  for r in $(seq "$LH_RUNS"); do
    # Lighthouse now and then loses the trace of a load (NO_NAVSTART, NO_FCP): up to 3 attempts.
    for attempt in 1 2 3; do
      bench_log "$name run $r/$LH_RUNS (attempt $attempt): $url"
      if "$LH" "$url" --quiet --output=json --output-path="$OUT/$name-run$r.json" \
          --chrome-flags="$CHROME_FLAGS" --only-categories=performance,accessibility,best-practices,seo \
          >"$OUT/$name-run$r.log" 2>&1; then
        break
      fi
      grep -m1 -i 'error' "$OUT/$name-run$r.log" >&2 || true
      (( attempt < 3 )) || { tail -n 20 "$OUT/$name-run$r.log" >&2; bench_die "lighthouse failed 3 times on $url (log: $OUT/$name-run$r.log)"; }
      bench_log "retrying"
    done
  done
done

# Medians per page, then the audits that failed in any run (score below 1, not informative/manual).
node - "$OUT" "$LH_RUNS" "${pages[@]}" <<'JS' | tee "$OUT/table.md"
const fs = require('fs');
const [out, runs, ...pages] = process.argv.slice(2);
const median = a => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
const rows = [], failing = [];
for (const entry of pages) {
  const [name, url] = [entry.slice(0, entry.indexOf(' ')), entry.slice(entry.indexOf(' ') + 1)];
  const reports = [];
  for (let r = 1; r <= Number(runs); r++) reports.push(JSON.parse(fs.readFileSync(`${out}/${name}-run${r}.json`, 'utf8')));
  const scores = cats.map(c => median(reports.map(j => Math.round(j.categories[c].score * 100))));
  const bytes = median(reports.map(j => j.audits['total-byte-weight'].numericValue));
  const reqs = median(reports.map(j => (j.audits['network-requests'].details?.items ?? []).length));
  const lcp = median(reports.map(j => j.audits['largest-contentful-paint'].numericValue));
  const fcp = median(reports.map(j => j.audits['first-contentful-paint'].numericValue));
  const tbt = median(reports.map(j => j.audits['total-blocking-time'].numericValue));
  const cls = median(reports.map(j => j.audits['cumulative-layout-shift'].numericValue));
  rows.push(`| ${name} | ${scores.join(' | ')} | ${(bytes / 1024).toFixed(1)} KiB (${Math.round(bytes)} B) | ${reqs} | ${(lcp / 1000).toFixed(2)} s | ${(fcp / 1000).toFixed(2)} s | ${Math.round(tbt)} ms | ${cls.toFixed(3)} |`);
  const seen = new Map();
  for (const j of reports) {
    for (const c of cats) {
      for (const ref of j.categories[c].auditRefs) {
        const a = j.audits[ref.id];
        if (!a || a.score === null || a.score >= 1 || ['informative', 'manual', 'notApplicable'].includes(a.scoreDisplayMode)) continue;
        if (c === 'performance' && ref.weight > 0) continue;   // the metrics themselves are in the table
        const key = `${c}/${a.id}`;
        const item = seen.get(key) ?? { c, id: a.id, title: a.title, scores: [], display: a.displayValue ?? '' };
        item.scores.push(a.score);
        seen.set(key, item);
      }
    }
  }
  for (const it of seen.values()) failing.push(`- ${name} — ${it.c}: \`${it.id}\` “${it.title}” (score ${it.scores.map(s => Math.round(s * 100) / 100).join(', ')} in ${it.scores.length}/${runs} runs${it.display ? `; ${it.display}` : ''})`);
}
console.log(`Lighthouse ${JSON.parse(fs.readFileSync(`${out}/${pages[0].split(' ')[0]}-run1.json`, 'utf8')).lighthouseVersion}, mobile form factor, simulated throttling (defaults), median of ${runs} runs`);
console.log('');
console.log('| page | performance | accessibility | best practices | SEO | bytes transferred | requests | LCP (simulated) | FCP | TBT | CLS |');
console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
rows.forEach(r => console.log(r));
console.log('');
console.log('Audits below a full score (any run):');
console.log('');
console.log(failing.length ? failing.join('\n') : '- none');
JS
bench_log "reports and table: $OUT"
