#!/usr/bin/env bash
# Sign-in timing: does the answer for an unknown e-mail take as long as for a real account with a
# wrong password (account enumeration by timing)? N attempts each against the published portal on
# loopback, throttling raised out of the way so every attempt checks a password hash; medians in ms.
# Usage: bench/signin.sh   (SKIP_PUBLISH=1 reuses the last publish; N=40 attempts per kind)
set -euo pipefail
BENCH_NAME=signin
source "$(dirname "$0")/lib.sh"
bench_need curl curl
bench_prepare_work
[[ -n ${SKIP_PUBLISH:-} ]] || bench_publish
rm -rf "$BENCH_WORK/data"
admin=bench-admin@satupintu.local
bench_start_app SatuPintu__SeedDemo=false SatuPintu__Accounts__BootstrapAdminEmail=$admin \
  SatuPintu__Accounts__LoginAttemptsPerMinute=10000 SatuPintu__Accounts__FailuresPerAccount=1000 SatuPintu__Accounts__FailuresPerAddress=10000
trap bench_stop_app EXIT
jar="$BENCH_WORK/signin.cookies"

attempt() { # email -> milliseconds of the POST
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$BENCH_BASE/admin/masuk" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{time_total}\n' --data-urlencode "Email=$1" --data-urlencode "Password=salah-salah-salah-$RANDOM" \
    --data-urlencode "__RequestVerificationToken=$token" "$BENCH_BASE/admin/masuk" | awk '{printf "%.2f\n", $1*1000}'
}

n=${N:-40}
attempt "$admin" >/dev/null   # warm-up
real=(); unknown=()
for i in $(seq "$n"); do
  real+=("$(attempt "$admin")")
  unknown+=("$(attempt "tidak-ada-$i@contoh.go.id")")
done
printf 'kind\tmedian_ms\n'
printf 'real account, wrong password\t%s\n' "$(echo "${real[*]}" | bench_median)"
printf 'unknown e-mail\t%s\n' "$(echo "${unknown[*]}" | bench_median)"
