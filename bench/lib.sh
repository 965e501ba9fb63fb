# shellcheck shell=bash
# Shared helpers of the benchmark scripts in bench/ (sourced, not run).
#
# Provides: the work folder, free loopback ports, publishing and seeding the portal,
# starting/stopping it, and a wrk measurement that repeats each run and keeps the medians.
# Everything binds to and targets 127.0.0.1 only.

BENCH_HOST=127.0.0.1
BENCH_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/satupintu-bench}

bench_log() { printf '[%s %s] %s\n' "${BENCH_NAME:-bench}" "$(date +%H:%M:%S)" "$*" >&2; }
bench_die() { printf '%s: error: %s\n' "${BENCH_NAME:-bench}" "$*" >&2; exit 1; }

# The work folder must be outside the repository: the benchmark writes a database,
# a published build and raw outputs there.
bench_prepare_work() {
  mkdir -p "$BENCH_WORK" || bench_die "cannot create the work folder $BENCH_WORK (set BENCH_DIR)"
  BENCH_WORK=$(cd "$BENCH_WORK" && pwd -P)
  local repo
  repo=$(cd "$BENCH_REPO" && pwd -P)
  case "$BENCH_WORK/" in
    "$repo/"*) bench_die "BENCH_DIR ($BENCH_WORK) is inside the repository; choose a folder outside it" ;;
  esac
}

# Installs a Debian package when a command is missing (root only; otherwise says what to install).
bench_need() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    bench_log "installing $2 (for $1) from Debian's packages"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null \
      || bench_die "apt-get install $2 failed"
  fi
  command -v "$1" >/dev/null 2>&1 || bench_die "'$1' is missing: install the Debian package '$2'"
}

# A TCP port on 127.0.0.1 that nothing listens on right now.
bench_free_port() {
  local p
  if command -v python3 >/dev/null 2>&1; then
    p=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null) && { echo "$p"; return; }
  fi
  for _ in $(seq 50); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/$BENCH_HOST/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  bench_die "found no free port on $BENCH_HOST"
}

# Publishes src/SatuPintu in Release into $BENCH_WORK/app: from the working tree, or, with
# BENCH_REV=<commit> (e.g. HEAD), from that committed revision exported into the work folder.
bench_publish() {
  local root=$BENCH_REPO
  bench_need dotnet dotnet-sdk-10.0
  if [[ -n ${BENCH_REV:-} ]]; then
    root="$BENCH_WORK/source"
    rm -rf "$root" && mkdir -p "$root"
    git -C "$BENCH_REPO" archive --format=tar "$BENCH_REV" | tar -x -C "$root" \
      || bench_die "cannot export revision $BENCH_REV of $BENCH_REPO"
    BENCH_SOURCE="$(git -C "$BENCH_REPO" rev-parse --short "$BENCH_REV") (committed revision $BENCH_REV)"
  else
    BENCH_SOURCE="$(git -C "$BENCH_REPO" describe --always --dirty 2>/dev/null || echo unknown) (working tree)"
  fi
  bench_log "dotnet publish src/SatuPintu -c Release -o $BENCH_WORK/app  [source: $BENCH_SOURCE]"
  rm -rf "$BENCH_WORK/app"
  echo "$BENCH_SOURCE" >"$BENCH_WORK/source.txt"
  if ! dotnet publish "$root/src/SatuPintu" -c Release -o "$BENCH_WORK/app" -nologo -v q >"$BENCH_WORK/publish.log" 2>&1; then
    tail -n 30 "$BENCH_WORK/publish.log" >&2
    bench_die "dotnet publish failed (full log: $BENCH_WORK/publish.log)"
  fi
}

# Creates a fresh data folder with the demo instance plus N generated articles; sets BENCH_SEED_SECONDS.
bench_seed() { # articles
  local t0 t1
  rm -rf "$BENCH_WORK/data"
  bench_log "seeding $BENCH_WORK/data with the demo instance + $1 articles"
  t0=$(date +%s.%N)
  if ! (cd "$BENCH_WORK/app" && SatuPintu__DataDir="$BENCH_WORK/data" Logging__LogLevel__Default=Warning \
        dotnet SatuPintu.dll seed --articles "$1") >"$BENCH_WORK/seed.log" 2>&1; then
    tr '\r' '\n' <"$BENCH_WORK/seed.log" | tail -n 20 >&2
    bench_die "seeding failed (log: $BENCH_WORK/seed.log)"
  fi
  t1=$(date +%s.%N)
  BENCH_SEED_SECONDS=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
  BENCH_ARTICLE_COUNT=""
  if command -v sqlite3 >/dev/null 2>&1; then
    BENCH_ARTICLE_COUNT=$(sqlite3 "$BENCH_WORK/data/satupintu.db" 'SELECT COUNT(*) FROM Articles' 2>/dev/null || true)
  fi
  bench_log "seeded in ${BENCH_SEED_SECONDS}s${BENCH_ARTICLE_COUNT:+ ($BENCH_ARTICLE_COUNT articles in the database)}"
}

# Starts the published portal on a free loopback port; sets BENCH_APP_PID and BENCH_BASE.
# Runs from the app folder so that the published wwwroot is the content root.
# Extra NAME=VALUE environment settings may be passed as arguments.
bench_start_app() { # [NAME=VALUE ...]
  local port log
  port=$(bench_free_port)
  log="$BENCH_WORK/app-$port.log"
  (cd "$BENCH_WORK/app" && exec env SatuPintu__DataDir="$BENCH_WORK/data" Logging__LogLevel__Default=Warning "$@" \
      dotnet SatuPintu.dll --urls "http://$BENCH_HOST:$port") >"$log" 2>&1 &
  BENCH_APP_PID=$!
  BENCH_BASE="http://$BENCH_HOST:$port"
  for _ in $(seq 120); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "$BENCH_BASE/healthz" 2>/dev/null) == 200 ]]; then
      bench_log "portal up on $BENCH_BASE (pid $BENCH_APP_PID)${1:+ with $*}"
      return 0
    fi
    kill -0 "$BENCH_APP_PID" 2>/dev/null || { tail -n 30 "$log" >&2; bench_die "the portal exited during start-up (log: $log)"; }
    sleep 0.5
  done
  tail -n 30 "$log" >&2
  bench_die "GET $BENCH_BASE/healthz did not answer 200 within 60 s (log: $log)"
}

bench_stop_app() {
  [[ -n "${BENCH_APP_PID:-}" ]] || return 0
  if kill -0 "$BENCH_APP_PID" 2>/dev/null; then
    kill -TERM "$BENCH_APP_PID" 2>/dev/null || true
    for _ in $(seq 40); do kill -0 "$BENCH_APP_PID" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$BENCH_APP_PID" 2>/dev/null || true
  fi
  wait "$BENCH_APP_PID" 2>/dev/null || true
  BENCH_APP_PID=""
}

# "VmHWM=... kB VmRSS=... kB" of a process.
bench_memory_kb() { # pid field
  awk -v f="$2:" '$1==f{print $2}' "/proc/$1/status" 2>/dev/null
}

# Warns when something else is using the CPU right before a measurement (client and server
# already share the cores): samples /proc/stat for 2 s while the benchmark itself is idle.
bench_check_quiet() {
  local a b busy
  a=$(awk '/^cpu /{print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
  sleep 2
  b=$(awk '/^cpu /{print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
  busy=$(awk -v a="$a" -v b="$b" 'BEGIN{split(a,x," "); split(b,y," "); d=y[2]-x[2]; printf "%.0f", (d > 0) ? 100*(y[1]-x[1])/d : 0}')
  if (( busy > 10 )); then
    bench_log "warning: the CPUs were ${busy}% busy while the benchmark was idle; busiest processes:"
    ps -eo pcpu=,comm= --sort=-pcpu | head -n 5 | sed 's/^/    /' >&2
  fi
}

# ---------------------------------------------------------------- measurement
RUNS=${RUNS:-3}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
CONNS=${CONNS:-"8 32"}
THREADS=${THREADS:-2}
BENCH_HZ=$(getconf CLK_TCK)

bench_to_ms() { # wrk latency (e.g. 812.00us, 3.21ms, 1.02s) -> milliseconds
  awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us$/,"",v); printf "%.2f", v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); printf "%.2f", v}
                        else if (v ~ /m$/) {sub(/m$/,"",v); printf "%.0f", v*60000} else if (v ~ /s$/) {sub(/s$/,"",v); printf "%.2f", v*1000} else print "-" }'
}
bench_median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{ if (NR==0) print "-"; else if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2 }'; }

# CPU ticks (user+system, with reaped children) of the server: "pid:N" or "comm:REGEX".
bench_srv_ticks() {
  local spec=$1 t=0 f c
  case "$spec" in
    pid:*) awk '{print $14+$15+$16+$17}' "/proc/${spec#pid:}/stat" 2>/dev/null || echo 0 ;;
    comm:*)
      for f in /proc/[0-9]*/stat; do
        c=$(cat "${f%/stat}/comm" 2>/dev/null) || continue
        [[ "$c" =~ ${spec#comm:} ]] || continue
        t=$(( t + $(awk '{print $14+$15+$16+$17}' "$f" 2>/dev/null || echo 0) ))
      done
      echo "$t" ;;
    *) echo 0 ;;
  esac
}

# The results file: tab-separated, one line per (system, page, connections).
# shellcheck disable=SC2034  # used by the scripts that source this file
BENCH_TSV_HEADER=$'system\tpage\tconns\trps\trps_min\trps_max\tp50_ms\tp99_ms\tbytes\tbytes_br\terrors\tsrv_cpu_ms\turl'

# Measures one URL at each of $CONNS: warm-up, then $RUNS wrk runs; appends medians to $tsv.
bench_measure() { # system page url server-spec tsv rawdir
  local system=$1 page=$2 url=$3 spec=$4 tsv=$5 raw=$6
  local code bytes bytes_br c r out f rps p50 p99 errs nreq t0 t1 rpss p50s p99s cpus errsum
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [[ "$code" == 200 ]] || bench_die "$system $page: GET $url answered HTTP $code, not 200"
  bytes=$(curl -s -o /dev/null -w '%{size_download}' "$url")
  bytes_br=$(curl -s -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "$url")
  mkdir -p "$raw"
  for c in $CONNS; do
    bench_log "$system $page c=$c: warm-up $WARMUP, then $RUNS x $DURATION  ($url)"
    wrk -t"$THREADS" -c"$c" -d"$WARMUP" --timeout 10s "$url" >/dev/null
    rpss=""; p50s=""; p99s=""; cpus=""; errsum=0
    for r in $(seq "$RUNS"); do
      f="$raw/${system}-${page}-c${c}-run${r}.txt"
      t0=$(bench_srv_ticks "$spec")
      out=$(wrk -t"$THREADS" -c"$c" -d"$DURATION" --latency --timeout 10s "$url")
      t1=$(bench_srv_ticks "$spec")
      { echo "# $system $page c=$c run $r  $(date -Is)  $url"; echo "$out"; } >"$f"
      rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
      p50=$(bench_to_ms "$(awk '$1=="50%"{print $2}' <<<"$out")")
      p99=$(bench_to_ms "$(awk '$1=="99%"{print $2}' <<<"$out")")
      nreq=$(awk '/requests in/{print $1}' <<<"$out")
      errs=$(awk '/Non-2xx/{n+=$NF} /Socket errors/{gsub(/,/,""); n+=$4+$6+$8+$10} END{print n+0}' <<<"$out")
      rpss+=" $rps"; p50s+=" $p50"; p99s+=" $p99"; errsum=$(( errsum + errs ))
      cpus+=" $(awk -v d=$(( t1 - t0 )) -v hz="$BENCH_HZ" -v n="${nreq:-0}" 'BEGIN{ if (n>0) printf "%.3f", d*1000/hz/n; else print "" }')"
    done
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$system" "$page" "$c" \
      "$(bench_median <<<"$rpss")" "$(tr ' ' '\n' <<<"$rpss" | grep -v '^$' | sort -g | head -n1)" "$(tr ' ' '\n' <<<"$rpss" | grep -v '^$' | sort -g | tail -n1)" \
      "$(bench_median <<<"$p50s")" "$(bench_median <<<"$p99s")" "$bytes" "$bytes_br" "$errsum" "$(bench_median <<<"$cpus")" "$url" >>"$tsv"
    tail -n1 "$tsv" | awk -F'\t' '{printf "    -> %s req/s (min %s, max %s), p50 %s ms, p99 %s ms, %s bytes, server CPU %s ms/req, errors %s\n", $4, $5, $6, $7, $8, $9, $12, $11}' >&2
  done
}

# Markdown table of a results file.
bench_table() { # tsv
  awk -F'\t' 'NR==1{ print "| system | page | conns | req/s (median) | req/s min–max | p50 ms | p99 ms | bytes | bytes (br) | errors | server CPU ms/req |";
                      print "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"; next }
              { printf "| %s | %s | %s | %s | %s–%s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 }' "$1"
}

# Side-by-side table of the portal's and WordPress's results files: per page type and connection
# count, req/s · p50 · p99 (ms) of each system, bytes, and the uncached ratio portal / WordPress.
bench_side_by_side() { # portal.tsv wordpress.tsv
  awk -F'\t' '
    FNR==1 { next }
    { pg=$2; if (pg=="category") pg="opd"; if (pg=="single") pg="article"
      k=pg SUBSEP $3; v[$1,k]=sprintf("%.0f · %s · %s", $4, $7, $8); r[$1,k]=$4; b[$1,k]=$9; bb[$1,k]=$10; keys[k]=1 }
    END {
      print "| page (portal / WordPress) | conns | SatuPintu, cache off | SatuPintu, output cache | WordPress | WordPress + fastcgi_cache | bytes SatuPintu (br) | bytes WordPress | uncached ratio |"
      print "|---|--:|--:|--:|--:|--:|--:|--:|--:|"
      n=split("home opd article paged", order, " "); m=split("8 32", cs, " ")
      name["home"]="home / home"; name["opd"]="OPD page / category"; name["article"]="article / single post"; name["paged"]="list page 5 / page 5"
      for (i=1;i<=n;i++) for (j=1;j<=m;j++) { k=order[i] SUBSEP cs[j]; if (!(k in keys)) continue
        ratio = (r["wordpress",k] > 0) ? sprintf("%.0f×", r["satupintu-uncached",k]/r["wordpress",k]) : "-"
        printf "| %s | %s | %s | %s | %s | %s | %s (%s) | %s | %s |\n", name[order[i]], cs[j], v["satupintu-uncached",k], v["satupintu-cached",k], v["wordpress",k], v["wordpress-fastcgi-cache",k], b["satupintu-uncached",k], bb["satupintu-uncached",k], b["wordpress",k], ratio }
    }' "$1" "$2"
}
