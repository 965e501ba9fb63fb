#!/usr/bin/env bash
# What oversize uploads cost the portal's memory, on loopback only.
#
#   bench/uploads.sh                          publish, seed the demo instance, measure
#   BENCH_REV=b20d7b6 bench/uploads.sh        the same against an older committed revision
#
# Signs in as an editor-capable admin (cookies and antiforgery token, like a browser), creates a draft
# through the API, then sends $PARALLEL article-image uploads of $UPLOAD_MB MB at once to
# /admin/artikel/{id}/Image (the limit, SatuPintu__Uploads__MaxBytes, stays at its 20 MB default).
# Reports the status codes, the wall time and the app's resident memory before and its peak (VmHWM) after.
# Client and server share the machine's cores.
#
# Settings (environment): BENCH_DIR (default ${TMPDIR:-/tmp}/satupintu-bench-uploads), PARALLEL (8),
# UPLOAD_MB (200), BENCH_REV, SKIP_PUBLISH=1. Needs: dotnet SDK 10, curl.
set -euo pipefail

BENCH_NAME=uploads
: "${BENCH_DIR:=${TMPDIR:-/tmp}/satupintu-bench-uploads}"
export BENCH_DIR
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PARALLEL=${PARALLEL:-8}
UPLOAD_MB=${UPLOAD_MB:-200}
[[ $PARALLEL =~ ^[1-9][0-9]*$ && $UPLOAD_MB =~ ^[1-9][0-9]*$ ]] || bench_die "PARALLEL and UPLOAD_MB must be positive integers"

bench_prepare_work
bench_need curl curl
[[ ${SKIP_PUBLISH:-} == 1 ]] || bench_publish
bench_seed 100
trap bench_stop_app EXIT

email=bench-uploads@kepahiang.example
password="kata-sandi-bench-yang-panjang-$RANDOM$RANDOM"
app_cli() { (cd "$BENCH_WORK/app" && SatuPintu__DataDir="$BENCH_WORK/data" Logging__LogLevel__Default=Warning dotnet SatuPintu.dll "$@"); }
echo "$password" | app_cli user add --email "$email" --role admin --name Bench >"$BENCH_WORK/user.log" 2>&1 \
  || { cat "$BENCH_WORK/user.log" >&2; bench_die "user add failed"; }
token=$(app_cli token create --email "$email" --name bench 2>/dev/null | tail -n 1)
[[ -n $token ]] || bench_die "token create printed no token"

file="$BENCH_WORK/upload-${UPLOAD_MB}mb.png"
if [[ ! -s $file ]]; then
  { printf '\x89PNG\r\n\x1a\n'; head -c "$((UPLOAD_MB * 1024 * 1024))" /dev/zero; } >"$file"
fi

bench_start_app
jar="$BENCH_WORK/cookies.txt"
rm -f "$jar"
form_token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
t=$(curl -s -c "$jar" -b "$jar" "$BENCH_BASE/admin/masuk" | form_token)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$email" --data-urlencode "Password=$password" \
  --data-urlencode "__RequestVerificationToken=$t" "$BENCH_BASE/admin/masuk"
id=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"opd":"dinkes","kind":"berita","title":"Bench unggah","body":"Isi."}' "$BENCH_BASE/api/v1/articles" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
[[ -n $id ]] || bench_die "could not create the draft"
t=$(curl -s -c "$jar" -b "$jar" "$BENCH_BASE/admin/artikel/$id" | form_token)
[[ -n $t ]] || bench_die "no antiforgery token on /admin/artikel/$id (sign-in failed?)"

rss_before=$(bench_memory_kb "$BENCH_APP_PID" VmRSS)
OUT=$BENCH_WORK/results/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
t0=$(date +%s.%N)
pids=()
for i in $(seq "$PARALLEL"); do
  curl -s -o /dev/null -w '%{http_code}\n' --max-time 600 -b "$jar" -F "__RequestVerificationToken=$t" -F "ImageAlt=bench" \
    -F "Image=@$file;type=image/png" "$BENCH_BASE/admin/artikel/$id/Image" >"$OUT/upload-$i.txt" &
  pids+=($!)
done
wait "${pids[@]}" || true
t1=$(date +%s.%N)
hwm=$(bench_memory_kb "$BENCH_APP_PID" VmHWM)
echo "| $PARALLEL parallel ${UPLOAD_MB} MB image uploads | statuses | wall s | RSS before MiB | peak (VmHWM) after MiB |"
echo "|---|---|--:|--:|--:|"
echo "| | $(cat "$OUT"/upload-*.txt | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}') | $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') | $((rss_before / 1024)) | $((hwm / 1024)) |"
bench_log "raw results in $OUT"
