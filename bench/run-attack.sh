#!/usr/bin/env bash
# Slow and greedy clients against the gateway (issue 8), loopback only:
#   1. AttackBench (itests/src/test/java/org/picogate/itests/attack/, run from source): the exported gateway in a
#      temporary folder, 8 legitimate keep-alive clients requesting a small static file all along, and one attack
#      after another: none (quiet), slowloris (300 connections trickling a header a byte a second), slow body
#      (300 connections trickling a JSON body a byte a second), slow read (300 connections with a 4 KiB window
#      requesting a 16 MiB file and never reading it), a flood of maxConnections + 1000 idle connections. Per phase: the
#      legitimate requests' p50/p99/max and failures, and when the server cut the attackers.
#   2. slowhttptest (Debian package; installed when missing) in its slowloris (-H), slow body (-B) and slow read
#      (-X) modes against a gateway with the same limits, 30 s each.
# Gateway limits: headerTimeoutMillis 5000, idleTimeoutMillis 10000, maxConnections 1024 (the default).
# Prints a Markdown report and writes it to bench/results/attack-<date>.md. Takes about 4 minutes. Not part of
# ./mvnw verify (AttackIT and MemoryAttackIT are, with shorter timeouts and functional checks only).
#
#   bench/run-attack.sh
#   BENCH_OUT=/tmp/attack.md bench/run-attack.sh         # report elsewhere
#   BENCH_GATEWAY_OPTS=-Xmx16m bench/run-attack.sh       # JVM options of the gateway under attack
#   BENCH_SLOWHTTPTEST=0 bench/run-attack.sh             # AttackBench only
#   BENCH_PORT=18090 bench/run-attack.sh                 # slowhttptest's gateway port (loopback)
#   BENCH_GATEWAY_JAR=/tmp/gateway.jar bench/run-attack.sh  # another gateway jar (a copy no build overwrites)
#
# The JDK is found like ./mvnw finds it (.mvn/jdk.sh); it must be 22+ to run AttackBench from its sources. The
# gateway jar is built when missing (when this runs while holding the machine's Maven lock, build it first).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GATEWAY_JAR=${BENCH_GATEWAY_JAR:-$REPO/itests/target/gateway.jar}
OUT=${BENCH_OUT:-bench/results/attack-$(date +%F).md}
GATEWAY_OPTS=${BENCH_GATEWAY_OPTS:-}
SLOWHTTPTEST=${BENCH_SLOWHTTPTEST:-1}
PORT=${BENCH_PORT:-18090}
SRC=$REPO/itests/src/test/java

if [ ! -f "$GATEWAY_JAR" ]; then
  build --lock "$GATEWAY_JAR" package
fi
if [ "$SLOWHTTPTEST" = 1 ] && ! command -v slowhttptest >/dev/null; then
  apt_install slowhttptest || die "cannot install slowhttptest: run with BENCH_SLOWHTTPTEST=0"
fi

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    echo "stop 0" >&9 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

REPORT=$WORK/report.md
{
  echo "# Slow and greedy clients: $(date -u +%F)"
  echo
  echo "\`bench/run-attack.sh\` on $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), gateway JVM options:" \
    "\`${GATEWAY_OPTS:-none}\`; load before the run: $(uptime | sed 's/.*load average: //')."
  echo
  echo "## AttackBench: legitimate keep-alive clients during each attack"
  echo
} >"$REPORT"

log "AttackBench (about 2 minutes) ..."
# shellcheck disable=SC2086 # the gateway's options are words
"$JAVA" -cp "$SRC" "$SRC/org/picogate/itests/attack/AttackBench.java" "$GATEWAY_JAR" $GATEWAY_OPTS \
  >"$WORK/bench.out" 2>"$WORK/bench.err" || { cat "$WORK/bench.err" >&2; exit 1; }
cat "$WORK/bench.out" >>"$REPORT"
echo "load after AttackBench: $(uptime | sed 's/.*load average: //')" >>"$REPORT"

start_gateway() { # the gateway with the bench's limits on $PORT, for slowhttptest
  local dir=$WORK/gw
  mkdir -p "$dir/deploy" "$dir/site"
  printf 'ok\n%.0s' $(seq 100) >"$dir/site/ok.txt"
  head -c $((16 << 20)) /dev/zero >"$dir/site/big.bin"
  cat >"$dir/deploy/org.picogate.http.config" <<EOF
port=I"$PORT"
host="127.0.0.1"
staticDir="site"
headerTimeoutMillis=L"5000"
idleTimeoutMillis=L"10000"
maxRequestsPerConnection=I"100000000"
EOF
  printf 'databaseFile="data/notes.db"\n' >"$dir/deploy/org.picogate.notes.config"
  mkfifo "$dir/stdin"
  exec 9<>"$dir/stdin" # the Gogo shell reads stdin: held open so that it never sees end of file
  # shellcheck disable=SC2086
  (cd "$dir" && exec "$JAVA" $GATEWAY_OPTS -jar "$GATEWAY_JAR" <"$dir/stdin" >"$dir/out.log" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 600); do
    grep -q ready "$dir/out.log" 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  log "gateway did not start:"; cat "$dir/out.log" >&2; exit 1
}

# slowhttp NAME ARGS...: 30 s of slowhttptest; its last status line and the states of the connections at the end,
# and the gateway's side: its established connections on $PORT, sampled every second with ss (a client that reads
# slowly sees the server's reset only once it has read what its kernel still holds, so slowhttptest's own
# "connected" lags behind)
slowhttp() {
  local name=$1; shift
  local csv=$WORK/slow-$name
  log "slowhttptest $name (30 s) ..."
  timeout 120 slowhttptest "$@" -l 30 -g -o "$csv" >"$csv.out" 2>&1 &
  local tool=$! series=""
  while kill -0 "$tool" 2>/dev/null; do
    series="$series $(ss -Htn state established "( sport = :$PORT )" | wc -l)"
    sleep 1
  done
  wait "$tool" || true
  local server_max; server_max=$(tr ' ' '\n' <<<"$series" | sort -n | tail -1)
  local server_end; server_end=$(awk '{print $NF}' <<<"$series")
  local last; last=$(tail -n 1 "$csv.csv" 2>/dev/null || echo "no csv")
  local worst; worst=$(awk -F, 'NR > 1 && $5 < 1 {n++} END {print n + 0}' "$csv.csv" 2>/dev/null || echo "?")
  local avail; avail=$(grep -a "service available" "$csv.out" | tail -1 | sed 's/.*service available: *//; s/\x1b\[[0-9;]*m//g')
  local peak; peak=$(awk -F, 'NR > 1 && $4 > p {p = $4} END {print p + 0}' "$csv.csv" 2>/dev/null || echo "?")
  echo "| \`slowhttptest $*\` | ${avail:-?} | $peak | $worst | $last | $server_max / $server_end |" >>"$REPORT"
  echo "$name: gateway-side established connections, one sample a second:$series" >>"$WORK/series.txt"
}

if [ "$SLOWHTTPTEST" = 1 ]; then
  start_gateway
  {
    echo
    echo "## slowhttptest against the gateway (port $PORT; headerTimeoutMillis 5000, idleTimeoutMillis 10000)"
    echo
    echo "Columns: the service's state slowhttptest printed last; the most connections it held open at once; the"
    echo "seconds in which its probe found the service unavailable; its CSV's last line (seconds, closed, pending,"
    echo "connected, service available); the gateway's established connections on the port (ss), most and last."
    echo
    echo "| command | service available at the end | most connected | seconds unavailable | last CSV line | gateway-side connections: most / last |"
    echo "|---|---|---|---|---|---|"
  } >>"$REPORT"
  URL=http://127.0.0.1:$PORT
  slowhttp slowloris -H -c 500 -r 100 -i 1 -p 3 -u "$URL/ok.txt"
  slowhttp slowbody -B -c 500 -r 100 -i 1 -s 65536 -p 3 -t POST -u "$URL/notes" # the notes form: read
  slowhttp slowread -X -c 500 -r 100 -w 512 -y 1024 -n 1 -z 32 -k 3 -p 3 -u "$URL/big.bin"
  alive=no; kill -0 "$SERVER_PID" 2>/dev/null && alive=yes
  ooms=$(grep -c OutOfMemoryError "$WORK/gw/out.log" || true)
  echo >>"$REPORT"
  echo "Gateway alive after slowhttptest: $alive; OutOfMemoryError lines in its output: $ooms." >>"$REPORT"
  { echo; echo '```'; cat "$WORK/series.txt"; echo '```'; } >>"$REPORT"
  echo "Load after the run: $(uptime | sed 's/.*load average: //')." >>"$REPORT"
fi

write_report "$OUT" <"$REPORT"
