#!/usr/bin/env bash
# The HTTP client against nginx: keep-alive GETs of the seed's 12000-byte page over loopback (127.0.0.1) by 1 and
# 16 concurrent tasks, the Picogate client, the JDK's java.net.http.HttpClient (HTTP/1.1) and a minimal Netty 4.2
# client (NettyGetClient: one event loop, one channel per task) in the same run,
# each in a JVM of its own pinned to core 1 (taskset), nginx pinned to core 0 (worker_processes 1, access_log
# off, sendfile on). ClientBench prints req/s and the client JVM's CPU µs per request (utime+stime of the whole
# JVM: client, GC, JIT) for a measured period after a warm-up; then the heap per pooled idle connection of the
# Picogate client (1000 connections). Prints a Markdown report and writes it to bench/results/client-<date>.md.
# Takes about 1.5 minutes. Not part of ./mvnw verify. Run it holding the Maven lock, so no build disturbs it:
#
#   flock /tmp/picogate-mvn.lock bench/run-client.sh
#   BENCH_WARMUP=5 BENCH_SECONDS=10 BENCH_PORT=18091 bench/run-client.sh
#
# Needs nginx (installed with apt-get when missing) and bench/target/benchmarks.jar (built when missing).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
JAR=${BENCH_JAR:-bench/target/benchmarks.jar}
OUT=${BENCH_OUT:-bench/results/client-$(date +%F).md}
PORT=${BENCH_PORT:-18091}
WARMUP=${BENCH_WARMUP:-4}
SECS=${BENCH_SECONDS:-6}
IDLE=${BENCH_IDLE_CONNECTIONS:-1000}

if stale "$JAR"; then
  build "$JAR" -pl bench -am package
fi
need_nginx
pin_cores
JOPTS=(-Xmx512m "${JDK_OPTS[@]}")
need_free_port "$PORT"

WORK=$(mktemp -d)
NGINX_PID=
cleanup() {
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
chmod 755 "$WORK"
mkdir -p "$WORK/www"
seed_page "$WORK/www/index.html"
nginx_conf "$WORK/nginx" "$WORK/www" "127.0.0.1:$PORT backlog=4096" "keepalive_requests 1000000" \
  "keepalive_timeout 120s"
"${PIN_SERVER[@]}" "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" >"$WORK/nginx/out.log" 2>&1 &
NGINX_PID=$!
await_port "$PORT" "$NGINX_PID" || { cat "$WORK/nginx/out.log" "$WORK/nginx/error.log" >&2; die "nginx did not start"; }
URL=http://127.0.0.1:$PORT/index.html
LOAD_START=$(load_average)

ROWS=()
for tasks in 1 16; do
  for client in picogate jdk netty; do
    log "$client, $tasks tasks ..."
    line=$("${PIN_LOAD[@]}" "$JAVA" "${JOPTS[@]}" -cp "$JAR" org.picogate.bench.ClientBench get "$URL" "$client" \
      "$tasks" "$WARMUP" "$SECS")
    log "  $line"
    rps=$(sed -E 's/.*req_per_s=([0-9.]+).*/\1/' <<<"$line")
    us=$(sed -E 's/.*cpu_us_per_req=([0-9.]+).*/\1/' <<<"$line")
    ROWS+=("| $client | $tasks | $rps | $us |")
  done
done
log "idle connections ..."
IDLE_LINE=$("$JAVA" "${JOPTS[@]}" -cp "$JAR" org.picogate.bench.ClientBench idle "$URL" "$IDLE")
log "  $IDLE_LINE"
IDLE_BYTES=$(sed -E 's/.*heap_bytes_per_idle_connection=([0-9.]+).*/\1/' <<<"$IDLE_LINE")

{
  echo "# HTTP client against nginx, $(date +%F)"
  echo
  echo "Keep-alive GETs of the 12000-byte page from nginx over loopback (bench/run-client.sh): client JVM pinned to"
  echo "core 1, nginx to core 0; ${WARMUP} s warm-up, ${SECS} s measured per row, each client in its own JVM"
  echo "(JDK $JDK, ${JOPTS[*]}). CPU is the whole client JVM's (utime+stime, GC and JIT included) per request."
  echo "Load average at the start: $LOAD_START."
  echo
  echo "| Client | Concurrent tasks | req/s | client CPU µs/request |"
  echo "|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Heap per pooled idle connection (Picogate client, $IDLE connections to nginx, heap after full GCs with the"
  echo "connections idle in the pool, less before): **${IDLE_BYTES} bytes**."
} | write_report "$OUT"
