#!/usr/bin/env bash
# The JVM's own floor: RSS of the smallest HTTP server the JDK has (JdkHttpServerFloor: com.sun.net.httpserver, one
# virtual thread per exchange, the 12000-byte page from memory; no OSGi, no framework) under the same load as
# bench/run-footprint.sh's (warm-up `ab -r -n30000 -c100`, then the seed benchmark `ab -r -n10000 -c100`), over
# loopback (127.0.0.1), with the gateway's small-device JVM options and then with everything else found to lower
# it. Whatever the gateway adds comes on top of this, so it tells which footprint targets this JVM can meet at all.
# Server pinned to core 0, ab to core 1. Prints a Markdown report and writes it to bench/results/jvm-floor-<date>.md.
# Takes about a minute. Not part of ./mvnw verify. Run it holding the Maven lock, so no build disturbs it:
#
#   flock /tmp/picogate-mvn.lock bench/run-jvm-floor.sh
#
# Needs ab (apache2-utils) and bench/target/benchmarks.jar (built when missing).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
JAR=${BENCH_JAR:-bench/target/benchmarks.jar}
OUT=${BENCH_OUT:-bench/results/jvm-floor-$(date +%F).md}
PORT=${BENCH_PORT:-18282}
N=10000 CONC=100 WARM=30000

need ab "ab (apache2-utils)"
if stale "$JAR" bench/src bench/pom.xml; then build "$JAR" -pl bench -am package; fi
[ "$JDK" -ge 25 ] || die "needs JDK 25+ (compact object headers, AOT cache); found $JDK"
need_free_port "$PORT"
pin_cores

WORK=$(mktemp -d)
SERVER_PID=
cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
seed_page "$WORK/page.html"
URL="http://127.0.0.1:$PORT/"
mem_mb() { awk -v k="$1:" '$1 == k {printf "%.1f", $2 / 1024}' "/proc/$SERVER_PID/status"; }

# start ENV OPTIONS...: the server, until it answers (at most 30 s)
start() {
  local env=$1; shift
  # shellcheck disable=SC2086 # env is empty or NAME=VALUE
  env $env "${PIN_SERVER[@]}" "$JAVA" "$@" -cp "$JAR" org.picogate.bench.JdkHttpServerFloor "$PORT" "$WORK/page.html" \
    >"$WORK/out.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1500); do
    [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$URL")" = 200 ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.02
  done
  log "the server did not start:"; cat "$WORK/out.log" >&2; exit 1
}
# ab_failed N: failed + non-2xx + not completed of one ab run
ab_failed() {
  local out done
  out=$(timeout 180 "${PIN_LOAD[@]}" ab -r -n "$1" -c $CONC "$URL" 2>&1) || true
  done=$(awk '/^Complete requests:/ {print $3}' <<<"$out")
  awk -v n="$1" -v d="${done:-0}" '/^Failed requests:/ {f = $3} /^Non-2xx responses:/ {x = $3} END {print f + x + n - d}' <<<"$out"
}

SMALL="-Xmx16m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -XX:TieredStopAtLevel=1"
AOT="-XX:AOTCache=$WORK/floor.aot"
# the AOT cache of this program, made by one training run under load
start "" $SMALL -XX:AOTCacheOutput="$WORK/floor.aot"
"${PIN_LOAD[@]}" ab -q -n 2000 -c 10 "$URL" >/dev/null 2>&1 || true
stop_server
[ -s "$WORK/floor.aot" ] || { log "no AOT cache was made:"; cat "$WORK/out.log" >&2; exit 1; }

MATRIX=(
  "gateway-c1||$SMALL|the gateway's small set (bench/run-footprint.sh, c1)"
  "gateway-c1-aot||$SMALL $AOT|and an AOT cache of this program"
  "lowest|MALLOC_ARENA_MAX=1|$SMALL $AOT -Xms4m -Xmn3m -XX:CICompilerCount=1 -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0|and every other option that lowered it here"
  "interpreter||-Xmx16m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -Xint|no JIT at all (for scale only: ~10x the CPU per request)"
)
declare -A R
LOAD_START=$(load_average)
for m in "${MATRIX[@]}"; do
  IFS='|' read -r name env opts what <<<"$m"
  # shellcheck disable=SC2086 # options are words
  start "$env" $opts
  R[$name,ready]=$(mem_mb VmRSS)
  sleep 2
  R[$name,idle]=$(mem_mb VmRSS)
  failed=$(ab_failed $WARM)
  failed=$((failed + $(ab_failed $N)))
  R[$name,peak]=$(mem_mb VmHWM) R[$name,failed]=$failed
  stop_server
  log "$name: RSS idle ${R[$name,idle]} MB, peak ${R[$name,peak]} MB, failed $failed"
done
LOAD_END=$(load_average)

{
  cat <<HEAD
## The JVM's footprint floor, $(date +%F)

Command: \`bench/run-jvm-floor.sh\` (in $(git rev-parse --short HEAD 2>/dev/null || echo ?)).
Machine: $(nproc) cores, $(cpu_model), Linux $(uname -r);
load average $LOAD_START at the start, $LOAD_END at the end. $("$JAVA" -version 2>&1 | head -n 1 | tr -d '"').

\`java [options] -cp bench/target/benchmarks.jar org.picogate.bench.JdkHttpServerFloor\`: the JDK's own HTTP server
(\`com.sun.net.httpserver\`, a virtual thread per exchange) answering every GET with the same 12000 bytes from memory;
no OSGi, no framework, no logging. Load as in bench/run-footprint.sh: \`ab -r -n$WARM -c$CONC\` (warm-up), then the seed
benchmark \`ab -r -n$N -c$CONC\`, server pinned to core 0, ab to core 1. RSS idle: VmRSS 2 s after the first 200; peak:
VmHWM at the end. The AOT cache was made by a training run of this program under load (\`-XX:AOTCacheOutput\`).

| set | options | RSS idle MB | RSS peak MB | failed |
| --- | --- | --- | --- | --- |
HEAD
  for m in "${MATRIX[@]}"; do
    IFS='|' read -r name env opts what <<<"$m"
    opts=${opts//$WORK\//}
    printf '| %s | %s: `%s` | %s | %s | %s |\n' "$name" "$what" "${env:+$env }$opts" "${R[$name,idle]}" "${R[$name,peak]}" \
      "${R[$name,failed]}"
  done
} | write_report "$OUT"
