#!/usr/bin/env bash
# Measures the streams against plain blocking java.net sockets, over loopback (127.0.0.1) only:
#   1. echo round trips of 1 KiB messages (EchoBench), Picogate and plain alternating in the same JVM, after
#      warm-up: messages/s, process CPU µs per message (both ends), bytes allocated per message, latency;
#   2. the same servers in a JVM of their own pinned to core 0 (taskset), driven by plain clients in another
#      JVM pinned to core 1: the server's CPU µs per message alone;
#   3. heap per idle open connection (IdleConnectionProbe): 10,000 connections that each echoed one line, the
#      server handler back in readLine; clients in another process, so only the server side is counted.
# Prints a Markdown report and writes it to bench/results/streams-<date>.md. Takes about 4-5 minutes.
#
#   bench/run-streams.sh                                # everything
#   BENCH_CLIENTS=16,100,1000 BENCH_ROUNDS=7 BENCH_SECONDS=3 bench/run-streams.sh   # more, longer rounds
#   BENCH_OUT=/tmp/report.md bench/run-streams.sh       # report elsewhere
#
# The JDK is found like ./mvnw finds it (.mvn/jdk.sh); bench/target/benchmarks.jar is built when it is
# missing or older than the sources. The throughput JVMs run with compact object headers on JDK 24+, as
# ./picogate runs the gateway on 25+.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
JAR=bench/target/benchmarks.jar
OUT=${BENCH_OUT:-bench/results/streams-$(date +%F).md}
CLIENTS=${BENCH_CLIENTS:-16,100}
ROUNDS=${BENCH_ROUNDS:-7}
SECS=${BENCH_SECONDS:-1.5}
WARMUP=${BENCH_WARMUP:-2}
IDLE=${BENCH_IDLE:-10000}
IDLE_RUNS='1 2 3'
HEAP=(-Xms512m -Xmx512m)

if stale "$JAR" scheduler.bundle/src/main streams.bundle/src/main bench/src bench/pom.xml; then
  build --lock "$JAR" package -pl bench -am
fi

# 10,000 connections need 10,000 descriptors in the server process and as many in the client process
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
NOFILE=$(ulimit -n)
if [ "$NOFILE" != unlimited ] && [ "$NOFILE" -lt $((IDLE + 1024)) ]; then
  log "open files limit is $NOFILE (hard $(ulimit -Hn)): too few for $IDLE connections; set BENCH_IDLE lower"
  exit 1
fi

# Two cores or more: the split run pins the server JVM to core 0 and the client JVM to core 1.
CORES=$(nproc)
pin_cores

LOAD_START=$(load_average)
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  [ -z "$SERVER_PID" ] || kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# await_line FILE PATTERN PID: waits (at most 60 s) until FILE has a line starting with PATTERN
await_line() {
  local i
  for i in $(seq 600); do
    grep -q "^$2" "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# ---- 1. one JVM ----
log "echo, one JVM: clients $CLIENTS, $ROUNDS rounds of $SECS s after $WARMUP s warm-up per kind ..."
"$JAVA" "${COH_ON[@]}" "${HEAP[@]}" -cp "$JAR" org.picogate.bench.EchoBench inproc "$CLIENTS" "$ROUNDS" "$SECS" \
  "$WARMUP" >"$WORK/inproc.out" 2>"$WORK/inproc.err" || {
  tail -n 20 "$WORK/inproc.out" "$WORK/inproc.err" >&2
  log "EchoBench inproc failed"
  exit 1
}

# ---- 2. server and clients in two JVMs, pinned ----
log "echo, server ${PIN_SERVER[*]:-unpinned} / clients ${PIN_LOAD[*]:-unpinned} ..."
"${PIN_SERVER[@]}" "$JAVA" "${COH_ON[@]}" "${HEAP[@]}" -cp "$JAR" org.picogate.bench.EchoBench server 600 \
  >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
await_line "$WORK/server.out" 'PORTS .* processors=' "$SERVER_PID" || { cat "$WORK/server.err" >&2; log "server did not start"; exit 1; }
ports=$(sed -n 's/^PORTS .*servers=\([^ ]*\).*/\1/p' "$WORK/server.out")
control=$(sed -n 's/^PORTS control=\([0-9]*\).*/\1/p' "$WORK/server.out")
"${PIN_LOAD[@]}" "$JAVA" "${COH_ON[@]}" "${HEAP[@]}" -cp "$JAR" org.picogate.bench.EchoBench clients "$control" \
  "$ports" "$CLIENTS" "$ROUNDS" "$SECS" "$WARMUP" >"$WORK/split.out" 2>"$WORK/split.err" || {
  tail -n 20 "$WORK/split.out" "$WORK/split.err" "$WORK/server.err" >&2
  log "EchoBench clients failed"
  exit 1
}
wait "$SERVER_PID" || true
SERVER_PID=

# ---- 3. heap per idle connection ----
# idle LABEL KIND JVM-OPTIONS... [-- READ_BUFFER_SIZE]: one server probe and its client process
idle() {
  local label=$1 kind=$2
  shift 2
  local opts=() extra=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
  [ $# -eq 0 ] || { shift; extra=("$@"); }
  log "idle $label: $kind ${opts[*]} ${extra[*]}"
  # the serial collector counts the heap in use exactly after a full GC
  "$JAVA" "${opts[@]}" -XX:+UseSerialGC -Xmx1g -cp "$JAR" org.picogate.bench.IdleConnectionProbe server "$kind" \
    "$IDLE" "${extra[@]}" >"$WORK/idle-$label.out" 2>"$WORK/idle-$label.err" &
  SERVER_PID=$!
  if await_line "$WORK/idle-$label.out" PORT "$SERVER_PID"; then
    "$JAVA" -Xmx256m -cp "$JAR" org.picogate.bench.IdleConnectionProbe clients \
      "$(sed -n 's/^PORT //p' "$WORK/idle-$label.out")" "$IDLE" >"$WORK/idle-$label.clients" 2>&1 || true
  fi
  wait "$SERVER_PID" || true
  SERVER_PID=
  grep -q '^RESULT' "$WORK/idle-$label.out" || echo "RESULT success=false" >>"$WORK/idle-$label.out"
}

for run in $IDLE_RUNS; do # a parked handler's stack size depends on how the JIT compiled its frames
  idle "picogate-off-$run" picogate "${COH_OFF[@]}"
  [ ${#COH_ON[@]} -eq 0 ] || idle "picogate-on-$run" picogate "${COH_ON[@]}"
done
idle plain-off plain "${COH_OFF[@]}"
[ ${#COH_ON[@]} -eq 0 ] || idle plain-on plain "${COH_ON[@]}"
idle picogate-1k picogate "${COH_ON[@]}" -- 1024

# ---- report ----
# res FILE MODE KIND CLIENTS KEY: KEY of that RESULT line
res() {
  grep "^RESULT mode=$2 kind=$3 clients=$4 " "$WORK/$1.out" | tr ' ' '\n' | sed -n "s/^$5=//p"
}
# cell FILE MODE KIND CLIENTS KEY: "median (min–max)" when the run has them
cell() {
  local v lo hi
  v=$(res "$1" "$2" "$3" "$4" "$5")
  [ -n "$v" ] || { echo failed; return; }
  lo=$(res "$1" "$2" "$3" "$4" "${5}Min")
  hi=$(res "$1" "$2" "$3" "$4" "${5}Max")
  if [ -n "$lo" ]; then printf '%s (%s–%s)' "$v" "$lo" "$hi"; else printf '%s' "$v"; fi
}
# ratio FILE MODE KIND CLIENTS KEY: KIND / plain, round by round, "median (min–max)"
ratio() {
  local line
  line=$(grep "^RATIO mode=$2 kind=$3 clients=$4 " "$WORK/$1.out" | tr ' ' '\n')
  [ -n "$line" ] || { echo n/a; return; }
  printf '%s (%s–%s)' "$(sed -n "s/^$5=//p" <<<"$line")" "$(sed -n "s/^${5}Min=//p" <<<"$line")" \
    "$(sed -n "s/^${5}Max=//p" <<<"$line")"
}
lat() { # lat FILE MODE KIND CLIENTS
  printf '%s / %s' "$(res "$1" "$2" "$3" "$4" p50us)" "$(res "$1" "$2" "$3" "$4" p99us)"
}
idle_kv() { # idle_kv LABEL KEY
  result_value "$WORK/idle-$1.out" "$2"
}
idle_stat() { # idle_stat COH KEY: "median (min–max)" of KEY (bytesPerConnection, stackBytesPerConnection)
  for run in $IDLE_RUNS; do idle_kv "picogate-$1-$run" "$2" || true; done | median_range
}
array_bytes() { # array_bytes LABEL: heap size of that run's read buffer (16-byte array header, 12 with compact headers)
  [ -f "$WORK/idle-$1.out" ] || { echo "n/a"; return; }
  local header=16
  case $1 in *-on-*) header=12 ;; esac
  awk -v n="$(idle_kv "$1" readBufferSize)" -v h=$header 'BEGIN { if (n == "") print "n/a"; else print int((n + h + 7) / 8) * 8 }'
}
idle_one() { # idle_one LABEL [KEY]
  [ -f "$WORK/idle-$1.out" ] || { echo "n/a"; return; }
  local v
  v=$(idle_kv "$1" "${2:-bytesPerConnection}")
  echo "${v:-failed}" | cut -d. -f1
}

rows() { # rows FILE MODE LABEL: the table rows of one echo run
  local n
  for n in ${CLIENTS//,/ }; do
    cat <<EOF
| $3, $n clients: messages/s | $(cell "$1" "$2" picogate "$n" msgsPerSec) | $(cell "$1" "$2" picogate-bytes "$n" msgsPerSec) | $(cell "$1" "$2" plain "$n" msgsPerSec) | $(ratio "$1" "$2" picogate "$n" msgsPerSec) | $(ratio "$1" "$2" picogate-bytes "$n" msgsPerSec) | ≥ 0.90 |
| $3, $n clients: CPU µs per message | $(cell "$1" "$2" picogate "$n" cpuUsPerMsg) | $(cell "$1" "$2" picogate-bytes "$n" cpuUsPerMsg) | $(cell "$1" "$2" plain "$n" cpuUsPerMsg) | $(ratio "$1" "$2" picogate "$n" cpuUsPerMsg) | $(ratio "$1" "$2" picogate-bytes "$n" cpuUsPerMsg) | ≤ 1.10 |
| $3, $n clients: bytes allocated per message | $(res "$1" "$2" picogate "$n" allocPerMsg) | $(res "$1" "$2" picogate-bytes "$n" allocPerMsg) | $(res "$1" "$2" plain "$n" allocPerMsg) | | | |
| $3, $n clients: cores busy | $(res "$1" "$2" picogate "$n" cores) | $(res "$1" "$2" picogate-bytes "$n" cores) | $(res "$1" "$2" plain "$n" cores) | | | |
| $3, $n clients: round trip p50 / p99 (µs) | $(lat "$1" "$2" picogate "$n") | $(lat "$1" "$2" picogate-bytes "$n") | $(lat "$1" "$2" plain "$n") | | | |
EOF
  done
}

LOAD_END=$(load_average)
cpu=$(cpu_model)
jdk_line=$("$JAVA" -version 2>&1 | sed -n 2p)
if [ ${#PIN_SERVER[@]} -gt 0 ]; then
  pinning="server JVM \`taskset -c 0\`, client JVM \`taskset -c 1\` (each JVM sees one processor)"
else
  pinning="not pinned ($CORES core(s) or no taskset): server and client JVMs share the cores"
fi
report() {
  cat <<EOF
## Streams benchmark, $(date +%F)

Command: \`bench/run-streams.sh\` (clients $CLIENTS; $ROUNDS rounds of $SECS s per kind after a $WARMUP s
warm-up round, kinds alternating, order reversed every other round; $IDLE idle connections).
Machine: $CORES cores${cpu:+ ($cpu)}. JDK: $jdk_line. Throughput JVMs: \`${COH_ON[*]} ${HEAP[*]}\`, G1.
Load average (1, 5, 15 min) before the run: $LOAD_START, after: $LOAD_END.

Echo: each client sends 1 KiB, waits for the whole echo, sends the next (one message in flight per
connection), over 127.0.0.1. "Picogate" uses \`read(ByteBuffer)\`/\`write(ByteBuffer)\`/\`drain()\` with one
reused 1 KiB buffer per connection; "Picogate byte[]" the uasyncio-style \`read(1024)\`/\`write(byte[])\`/
\`drain()\` (client \`readExactly(1024)\`), which return new arrays; "plain" is \`ServerSocket\`/\`Socket\`
with \`BufferedInputStream\`/\`BufferedOutputStream\`, one virtual thread per connection, TCP_NODELAY (as
Picogate sets it). Figures are the median (min–max) of the rounds; the ratios are taken round by round (each
round runs every kind back to back), median (min–max). "cores busy": the measured JVM's CPU time over the
round's wall time.

- **one JVM**: server and clients of the same kind in one JVM, not pinned; CPU = the whole process (both
  ends) over the round, per message.
- **server alone**: the three servers in one JVM, plain blocking clients in another; $pinning. CPU = the
  server JVM's, per message; the clients are the same for every kind.

| metric | Picogate | Picogate byte[] | plain Socket | Picogate / plain | byte[] / plain | target |
| --- | --- | --- | --- | --- | --- | --- |
$(rows inproc inproc "one JVM")
$(rows split split "server alone")

Heap per idle open connection (server side; $IDLE connections from another process, each has echoed one
line and its handler waits in \`readLine\`; heap in use after full GCs, serial collector, after minus
before, divided by the count; the server warmed up first with 5 × 1000 connections):

| server | compact headers off | compact headers on | target |
| --- | --- | --- | --- |
| Picogate, \`StreamSettings.DEFAULTS\` (median (min–max) of $(echo $IDLE_RUNS | wc -w)) | $(idle_stat off bytesPerConnection) | $(idle_stat on bytesPerConnection) | ≤ 4096 |
| of which its read buffer, \`byte[$(idle_kv picogate-off-1 readBufferSize)]\` (B) | $(array_bytes picogate-off-1) | $(array_bytes picogate-on-1) | |
| of which the parked handler's stack (\`StackChunk\`) (B) | $(idle_stat off stackBytesPerConnection) | $(idle_stat on stackBytesPerConnection) | |
| Picogate, \`readBufferSize\` 1024 instead of 2048 (one run) | | $(idle_one picogate-1k) | ≤ 4096 |
| of which the parked stack (B) | | $(idle_one picogate-1k stackBytesPerConnection) | |
| plain: \`BufferedReader.readLine()\` + \`BufferedOutputStream\`, JDK default sizes (one run) | $(idle_one plain-off) | $(idle_one plain-on) | |
| of which the parked stack (B) | $(idle_one plain-off stackBytesPerConnection) | $(idle_one plain-on stackBytesPerConnection) | |

### Raw results

One JVM (\`EchoBench inproc\`):

\`\`\`
$(cat "$WORK/inproc.out")
\`\`\`

Server alone (\`EchoBench server\` / \`EchoBench clients\`):

\`\`\`
$(cat "$WORK/split.out")
\`\`\`

Idle connections (\`IdleConnectionProbe\`); heap growth by class per connection for the first run of each:

\`\`\`
$(for f in "$WORK"/idle-*.out; do
    label=$(basename "$f" .out)
    echo "== $label"
    case $label in
      *-[2-9]) grep -v '^ \|^heap growth\|^PORT' "$f" ;;
      *) grep -v '^PORT' "$f" ;;
    esac
  done)
\`\`\`
EOF
}

report | write_report "$OUT"
