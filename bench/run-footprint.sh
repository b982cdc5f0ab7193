#!/usr/bin/env bash
# Footprint and start time of the whole gateway (itests/target/gateway.jar with the notes app), one JVM option set
# after another, over loopback (127.0.0.1) only. For each set (the matrix below, each step adding one option to
# the one before, then a few alternatives):
#   - start time: BENCH_STARTS launches (default 5), each from process start to the first 200 OK of the notes
#     page GET / (curl polled every 10 ms), and the ready line's own figure; the median is reported;
#   - footprint under load: one more launch, RSS once ready and idle 2 s later, then the seed benchmark
#     `ab -r -n10000 -c100` of the 12000-byte page (after a warm-up of as many), then `ab -r -n10000 -c100` of the
#     notes page with 10 notes; server CPU µs/request (utime + stime of the JVM over each run / completed
#     requests), failed requests (ab "Failed" + non-2xx), peak RSS (VmHWM) over the whole run.
# For the load runs the server is pinned to core 0, ab to core 1 (taskset); the timed launches use both cores
# (BENCH_START_PINNED=1 pins them to core 0 too). Prints a Markdown report and writes it to
# bench/results/footprint-<date>.md. Takes about 20-30 s per set, ~5 minutes in all. Not part of ./mvnw verify.
#
#   bench/run-footprint.sh                              # the whole matrix
#   BENCH_SETS="launcher xmx16" bench/run-footprint.sh  # some sets only (names in the matrix below)
#   BENCH_STARTS=9 bench/run-footprint.sh               # more launches per set for the start time
#   BENCH_KEEPALIVE=1 bench/run-footprint.sh           # also warm up with `ab -k -n100000` and measure the page with
#                                                       # `ab -k -n50000` (keep-alive: where C1 and C2 differ most)
#   BENCH_START_PINNED=1 bench/run-footprint.sh         # the start on one core
#   BENCH_OUT=/tmp/fp.md BENCH_PORT=18280 bench/run-footprint.sh
#
# The sets "launcher" and "launcher-noaot" are what ./picogate run uses (`./picogate options`), with and without the
# AOT cache (JDK 25+; made by ./picogate run or options beforehand, see README "Footprint").
# Needs ab (apache2-utils) and curl. The JDK is found like ./mvnw finds it (.mvn/jdk.sh).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GATEWAY_JAR=$REPO/itests/target/gateway.jar
OUT=${BENCH_OUT:-bench/results/footprint-$(date +%F).md}
STARTS=${BENCH_STARTS:-5}
PORT=${BENCH_PORT:-18280}
N=10000 CONC=100 N_NOTES=10 WARM=${BENCH_WARMUP:-30000} KEEPALIVE=${BENCH_KEEPALIVE:-0}
# The launches timed for the start use both cores, as the gateway does on a device (the poll is one curl every
# 10 ms); BENCH_START_PINNED=1 pins them to core 0, like the load runs, for a one-core figure.
if [ "${BENCH_START_PINNED:-0}" = 1 ]; then START_PIN= START_HOW="the gateway pinned to core 0"
else START_PIN=--unpinned START_HOW="the gateway on both cores"; fi
TICK=$(getconf CLK_TCK)

[ -f "$GATEWAY_JAR" ] || die "$GATEWAY_JAR is missing: ./picogate build"
need ab "ab (apache2-utils)"
need curl
need_free_port "$PORT"
pin_cores

# ---- the option sets: NAME|ENVIRONMENT|JVM OPTIONS ----
# Every set has the two options that only silence JDK warnings about Felix (sun.misc.Unsafe) and SQLite
# (System::load); they change nothing else.
QUIET=()
[ "$JDK" -ge 24 ] && QUIET+=(--sun-misc-unsafe-memory-access=allow)
[ "$JDK" -ge 22 ] && QUIET+=(--enable-native-access=ALL-UNNAMED)
COH=; [ "$JDK" -ge 25 ] && COH=-XX:+UseCompactObjectHeaders
small="-Xmx16m -XX:+UseSerialGC $COH"
c1="$small -XX:TieredStopAtLevel=1"
MATRIX=(
  "default||"
  "xmx16||-Xmx16m"
  "serial||-Xmx16m -XX:+UseSerialGC"
  "coh||$small"
  "c1||$c1"
  "codecache||$c1 -XX:ReservedCodeCacheSize=16m"
  "xss||$c1 -Xss256k"
  "arena|MALLOC_ARENA_MAX=2|$c1"
  "nio||$c1 -Djdk.nio.maxCachedBufferSize=65536"
  "metaspace||$c1 -XX:MaxMetaspaceSize=48m"
  "noshare||$c1 -Xshare:off"
  "tiered||$small"
  "heap8-64||-Xms8m -Xmx64m -XX:+UseSerialGC $COH -XX:TieredStopAtLevel=1"
  "heap8-32||-Xms8m -Xmx32m -XX:+UseSerialGC $COH -XX:TieredStopAtLevel=1"
  "heap8-64-lean||-Xms8m -Xmx64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:+UseSerialGC $COH -XX:TieredStopAtLevel=1"
  "launcher-noaot|PICOGATE_AOT=0|LAUNCHER"
  "launcher||LAUNCHER"
)
SETS=${BENCH_SETS:-$(for m in "${MATRIX[@]}"; do printf '%s ' "${m%%|*}"; done)}

WORK=$(mktemp -d)
SERVER_PID=
# the gateway, and the fifo that kept its standard input open
stop_gateway() {
  stop_server 10
  exec 9>&-
}
cleanup() { stop_gateway; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK/www"
seed_page "$WORK/www/index.html"
URL_STATIC="http://127.0.0.1:$PORT/index.html" URL_PAGE="http://127.0.0.1:$PORT/"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
mem_mb() { awk -v k="$1:" '$1 == k {printf "%.1f", $2 / 1024}' "/proc/$SERVER_PID/status"; }
median() { sort -n | awk '{a[NR] = $1} END {if (NR == 0) print "–"; else if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

# launch [--unpinned] DIR ENV OPTIONS...: starts the gateway in DIR (its deploy/ sets the port, the page and the notes
# file), pinned to core 0 unless --unpinned; sets SERVER_PID and T0 (ms)
launch() {
  local pin=("${PIN_SERVER[@]}")
  if [ "$1" = --unpinned ]; then pin=(); shift; fi
  local dir=$1 env=$2; shift 2
  mkdir -p "$dir/deploy"
  printf 'port=I"%s"\nhost="127.0.0.1"\nstaticDir="%s"\nmaxRequestsPerConnection=I"100000"\n' "$PORT" "$WORK/www" \
    >"$dir/deploy/org.picogate.http.config"
  printf 'databaseFile="%s"\n' "$dir/notes.db" >"$dir/deploy/org.picogate.notes.config"
  # Gogo reads stdin and stops the gateway at its end: a fifo held open here (fd 9) keeps it open
  rm -f "$dir/stdin"; mkfifo "$dir/stdin"; exec 9<>"$dir/stdin"
  T0=$(now_ms)
  # shellcheck disable=SC2086 # env is empty or NAME=VALUE
  (cd "$dir" && exec env $env "${pin[@]}" "$JAVA" "$@" -jar "$GATEWAY_JAR" <"$dir/stdin" >"$dir/out.log" 2>&1) &
  SERVER_PID=$!
}
# first_ok URL: ms from T0 to the first 200 of URL (at most 60 s), or nothing when the gateway died
first_ok() {
  for _ in $(seq 6000); do
    if [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$1")" = 200 ]; then echo $(($(now_ms) - T0)); return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || return 1
    sleep 0.01
  done
  return 1
}
# ready_ms DIR: the ready line's figure, waiting for it (at most 10 s): since the management bundles start after the
# first 200 (start level 2, gateway.bndrun), the line may come after it
ready_ms() {
  local ms
  for _ in $(seq 500); do
    ms=$(sed -n 's/.* ready: .*, \([0-9]*\) ms from launch.*/\1/p' "$1/out.log" | head -n 1)
    [ -n "$ms" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.02
  done
  echo "$ms"
}

# ab_run [ab options] URL: sets AB_US (server CPU µs/request), AB_FAILED, AB_RPS, AB_N
ab_run() {
  local t0 t1 out
  t0=$(cpu_ticks)
  out=$(timeout 180 "${PIN_LOAD[@]}" ab -r -n "$N" -c $CONC "$@" 2>&1) || true
  t1=$(cpu_ticks)
  AB_N=$(awk '/^Complete requests:/ {print $3}' <<<"$out"); AB_N=${AB_N:-0}
  AB_FAILED=$(awk '/^Failed requests:/ {f = $3} /^Non-2xx responses:/ {x = $3} END {print f + x}' <<<"$out")
  [ "$AB_N" = "$N" ] || AB_FAILED=$((AB_FAILED + N - AB_N))
  AB_RPS=$(awk '/^Requests per second:/ {printf "%.0f", $4}' <<<"$out")
  AB_US=$(awk -v d=$((t1 - t0)) -v n="$AB_N" -v t="$TICK" 'BEGIN {if (n > 0) printf "%.1f", d * 1e6 / t / n; else print "–"}')
}

options_of() { # options_of NAME: prints "ENV|OPTIONS" of the set
  local m env opts
  for m in "${MATRIX[@]}"; do
    [ "${m%%|*}" = "$1" ] || continue
    m=${m#*|} env=${m%%|*} opts=${m#*|}
    if [ "$opts" = LAUNCHER ]; then # what ./picogate run would use, the AOT cache included when it has one
      # shellcheck disable=SC2086
      opts=$(env $env ./picogate options | tr '\n' ' ')

      env=
    else
      opts="${QUIET[*]} $opts"
    fi
    printf '%s|%s\n' "$env" "$opts"
    return 0
  done
  log "no set $1 (sets: ${MATRIX[*]%%|*})"; exit 1
}

declare -A R
LOAD_START=$(load_average)
for set in $SETS; do
  spec=$(options_of "$set"); env=${spec%%|*} opts=${spec#*|}
  R[$set,env]=$env R[$set,opts]=$opts
  log "$set: ${env:+$env }$opts"
  starts=() readies=()
  for i in $(seq "$STARTS"); do
    # shellcheck disable=SC2086 # options are words
    launch $START_PIN "$WORK/$set-$i" "$env" $opts
    if ms=$(first_ok "$URL_PAGE"); then starts+=("$ms"); readies+=("$(ready_ms "$WORK/$set-$i")"); else
      log "  launch $i: no 200 from $URL_PAGE"; tail -n 20 "$WORK/$set-$i/out.log" >&2; fi
    stop_gateway
  done
  R[$set,start]=$(printf '%s\n' "${starts[@]}" | median)
  R[$set,starts]="${starts[*]}"
  R[$set,ready]=$(printf '%s\n' "${readies[@]}" | { grep . || true; } | median)
  # the load run
  # shellcheck disable=SC2086
  launch "$WORK/$set-load" "$env" $opts
  if ! first_ok "$URL_PAGE" >/dev/null; then log "  the gateway did not start"; tail -n 20 "$WORK/$set-load/out.log" >&2; stop_gateway; continue; fi
  R[$set,rss_ready]=$(mem_mb VmRSS)
  sleep 2
  R[$set,rss_idle]=$(mem_mb VmRSS)
  for i in $(seq $N_NOTES); do
    curl -s -o /dev/null -H 'Content-Type: application/json' \
      -d "{\"title\":\"Sensor $i\",\"content\":\"Reading $i: 22.5 °C, humidity 41 %, battery 3.1 V\"}" "http://127.0.0.1:$PORT/api/notes"
  done
  N=$WARM ab_run "$URL_STATIC" # warm-up, not reported but its failures are
  warm_failed=$AB_FAILED
  if [ "$KEEPALIVE" = 1 ]; then
    N=100000 ab_run -k "$URL_STATIC"; warm_failed=$((warm_failed + AB_FAILED))
    N=50000 ab_run -k "$URL_STATIC"; R[$set,us_keep]=$AB_US warm_failed=$((warm_failed + AB_FAILED))
  fi
  ab_run "$URL_STATIC"; R[$set,us_static]=$AB_US R[$set,rps_static]=$AB_RPS R[$set,failed]=$((warm_failed + AB_FAILED))
  ab_run "$URL_PAGE"; R[$set,us_page]=$AB_US R[$set,rps_page]=$AB_RPS R[$set,failed]=$((R[$set,failed] + AB_FAILED))
  R[$set,peak]=$(mem_mb VmHWM)
  kill -0 "$SERVER_PID" 2>/dev/null && R[$set,alive]=yes || R[$set,alive]=no
  grep -q 'OutOfMemoryError' "$WORK/$set-load/out.log" && R[$set,alive]="${R[$set,alive]}, OutOfMemoryError logged"
  stop_gateway
  log "  start ${R[$set,start]} ms (${R[$set,starts]}), RSS ready/idle/peak ${R[$set,rss_ready]}/${R[$set,rss_idle]}/${R[$set,peak]} MB, µs/request static ${R[$set,us_static]} page ${R[$set,us_page]}, failed ${R[$set,failed]}"
done
LOAD_END=$(load_average)

table() {
  local ka_head='' ka_sep=''
  if [ "$KEEPALIVE" = 1 ]; then ka_head=" µs/request 12000 B page, keep-alive |" ka_sep=" --- |"; fi
  echo "| set | options (after the one before) | first 200 OK, median ms (runs) | ready line ms | RSS idle MB | RSS peak MB | µs/request 12000 B page | µs/request notes page |$ka_head req/s page / notes | failed | alive at the end |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |$ka_sep --- | --- | --- |"
  local set prev='' opts shown
  for set in $SETS; do
    opts="${R[$set,env]:+${R[$set,env]} }${R[$set,opts]}"
    shown=$opts
    if [ -n "$prev" ] && [ "$set" != launcher ]; then # the options this set adds to the one before
      shown=$(comm -13 <(tr ' ' '\n' <<<"$prev" | sort -u) <(tr ' ' '\n' <<<"$opts" | sort -u) | tr '\n' ' ')
      local dropped; dropped=$(comm -23 <(tr ' ' '\n' <<<"$prev" | sort -u) <(tr ' ' '\n' <<<"$opts" | sort -u) | grep . | sed 's/^/without /' | tr '\n' ' ' || true)
      shown="${shown}${dropped}"
    fi
    shown=${shown//$REPO\//} # no path of this machine in the report
    # shellcheck disable=SC2016 # the backquotes are Markdown
    local ka=''
    if [ "$KEEPALIVE" = 1 ]; then ka=" ${R[$set,us_keep]-–} |"; fi
    printf '| %s | `%s` | %s (%s) | %s | %s | %s | %s | %s |%s %s / %s | %s | %s |\n' "$set" "${shown:- }" "${R[$set,start]-–}" \
      "${R[$set,starts]-}" "${R[$set,ready]-–}" "${R[$set,rss_idle]-–}" "${R[$set,peak]-–}" "${R[$set,us_static]-–}" \
      "${R[$set,us_page]-–}" "$ka" "${R[$set,rps_static]-–}" "${R[$set,rps_page]-–}" "${R[$set,failed]-–}" "${R[$set,alive]-–}"
    prev=$opts
  done
}

mkdir -p "$(dirname "$OUT")"
{
  cat <<EOF
## Footprint and start time of the gateway, $(date +%F)

Command: \`${BENCH_SETS:+BENCH_SETS=\"$BENCH_SETS\" }${BENCH_KEEPALIVE:+BENCH_KEEPALIVE=$BENCH_KEEPALIVE }${BENCH_STARTS:+BENCH_STARTS=$BENCH_STARTS }bench/run-footprint.sh\` (in $(git rev-parse --short HEAD 2>/dev/null || echo ?)).
Machine: $(nproc) cores, $(cpu_model), Linux $(uname -r);
load average $LOAD_START at the start, $LOAD_END at the end. $("$JAVA" -version 2>&1 | head -n 1 | tr -d '"').

\`java [options] -jar itests/target/gateway.jar\` ($(($(stat -c %s "$GATEWAY_JAR") / 1024)) KB) in a fresh folder whose \`deploy/\` sets the
port (127.0.0.1:$PORT), the 12000-byte page as \`staticDir\`, \`maxRequestsPerConnection\` 100000 (as bench/run-http.sh) and the
notes database; for the load runs pinned to core 0, ab to core 1.
Every set also has \`${QUIET[*]}\` (JDK warnings only). Options are listed as they differ from the set above.
- first 200 OK: ms from process start to the first 200 of the notes page \`GET /\` (curl every 10 ms), $START_HOW, median of
  $STARTS launches; "ready line": the gateway's own figure (JVM start to every bundle and component up, those of
  start level 2 included, which start after the first 200 can be served).
- RSS idle: VmRSS 2 s after the first 200. RSS peak: VmHWM after the warm-up \`ab -r -n$WARM -c$CONC\` and the
  measured \`ab -r -n$N -c$CONC\` of the 12000-byte page, then \`ab -r -n$N -c$CONC\` of the notes page
  (\`GET /\`, $N_NOTES notes, jte from SQLite). µs/request: the JVM's utime + stime over one ab run / requests.
- failed: ab's failed requests + non-2xx + requests not completed, over all ab runs.
$([ "$KEEPALIVE" = 0 ] || echo "- keep-alive (BENCH_KEEPALIVE=1): after the first warm-up, \`ab -r -k -n100000 -c$CONC\` (warm-up) and \`ab -r -k -n50000 -c$CONC\` of the page, measured.")

$(table)
EOF
} >"$OUT"
cat "$OUT"
log "wrote $OUT"
