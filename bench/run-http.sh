#!/usr/bin/env bash
# The seed benchmark: the gateway's static files against nginx, on the same 12000-byte page, in the same run, over
# loopback (127.0.0.1) only. Each server in turn is pinned to core 0 (taskset), the load tool to core 1:
#   nginx (worker_processes 1, access_log off, sendfile on, keepalive_requests 100000),
#   Picogate (itests/target/gateway.jar, JVM options as ./picogate run), and Picogate again at -Xmx16m;
# each gets a warm-up, then `ab -r -n10000 -c100` (no keep-alive), `ab -r -k -n50000 -c100` and
# `wrk -t1 -c100 -d10s --latency`. Reported per server and scenario: req/s, p50/p99, failed requests (ab "Failed
# requests" + non-2xx; wrk socket errors + non-2xx/3xx), server CPU µs per request (utime+stime deltas of
# /proc/<pid>/stat, nginx master + worker), RSS idle/peak (VmRSS after start, VmHWM at the end; nginx master +
# worker). Prints a Markdown report and writes it to bench/results/http-<date>.md, with an SVG bar chart of
# µs/request next to it (http-<date>.svg).
# The same run then measures the web framework on the (default-heap) gateway, after its static scenarios: a JSON route
# served by a whiteboard Handler (bench/handler, deployed into the gateway's deploy/; GET /bench/json answers a small
# record through response.json) and the notes app's list page (GET /, rendered by jte from SQLite; 10 notes are
# created through the JSON API first, the database in the run's temporary folder via PID org.picogate.notes). Each
# gets a warm-up, `ab -r -k -n50000 -c100` and `wrk -t1 -c100 -d10s --latency`; its server CPU µs/request is set
# against the static page's with the same tool. That report goes to bench/results/http-framework-<date>.md.
# Takes about 2.5 minutes (the framework part alone about 1.5). Not part of ./mvnw verify.
#
#   bench/run-http.sh                                   # everything
#   BENCH_ONLY=framework bench/run-http.sh              # the gateway only: static page, JSON route, notes page
#   BENCH_FRAMEWORK=0 bench/run-http.sh                 # the static benchmark only
#   BENCH_JFR=1 bench/run-http.sh                       # also profile each framework route with JFR (an extra wrk
#                                                       # run, not in the table) and add its hot methods to the report;
#                                                       # BENCH_JFR=<existing folder> also keeps the recordings there
#   BENCH_SMALL_HEAP=0 bench/run-http.sh                # skip the -Xmx16m run
#   BENCH_OUT=/tmp/report.md bench/run-http.sh          # report elsewhere (the chart goes next to it)
#   BENCH_FRAMEWORK_OUT=/tmp/fw.md bench/run-http.sh    # the framework report elsewhere
#   BENCH_PORTS=18080,18081 bench/run-http.sh           # Picogate's and nginx's ports (loopback)
#
# Installs nginx-light and wrk with apt-get when missing (nginx is required, wrk optional). The JDK is found like
# ./mvnw finds it (.mvn/jdk.sh); the gateway jar and the handler bundle are built when missing (when this runs while
# holding the machine's Maven lock, build them first: that build would wait for the lock).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GATEWAY_JAR=$REPO/itests/target/gateway.jar
OUT=${BENCH_OUT:-bench/results/http-$(date +%F).md}
SVG=${OUT%.md}.svg
SMALL_HEAP=${BENCH_SMALL_HEAP:-1}
ONLY=${BENCH_ONLY:-}
FRAMEWORK=${BENCH_FRAMEWORK:-1}
FW_OUT=${BENCH_FRAMEWORK_OUT:-bench/results/http-framework-$(date +%F).md}
PROFILE=${BENCH_JFR:-0}
case $ONLY in "") ;; framework) SMALL_HEAP=0 FRAMEWORK=1 ;; *) printf 'BENCH_ONLY: "framework" or unset\n' >&2; exit 1 ;; esac
HANDLER_JAR=$REPO/bench/handler/target/bench.handler-0.1.0-SNAPSHOT.jar
N_NOTES=10
PORTS=${BENCH_PORTS:-18080,18081}
GW_PORT=${PORTS%,*} NGINX_PORT=${PORTS#*,}
N_CLOSE=10000 N_KEEP=50000 CONC=100 WRK_SECS=10 WARM_KEEP=100000 WARM_CLOSE=30000
TICK=$(getconf CLK_TCK)

if [ ! -f "$GATEWAY_JAR" ] || { [ "$FRAMEWORK" = 1 ] && [ ! -f "$HANDLER_JAR" ]; }; then
  build --lock "$GATEWAY_JAR and $HANDLER_JAR" package
fi
need_nginx
command -v wrk >/dev/null || apt_install wrk || true
need ab "ab (apache2-utils)"
[ "$FRAMEWORK" = 0 ] || need curl "curl (it creates the notes)"
HAVE_WRK=0; command -v wrk >/dev/null && HAVE_WRK=1

pin_cores
JOPTS=("${JDK_OPTS[@]}")

need_free_port "$GW_PORT" BENCH_PORTS
[ "$ONLY" = framework ] || need_free_port "$NGINX_PORT" BENCH_PORTS

LOAD_START=$(load_average)
WORK=$(mktemp -d)
SERVER_PID=
cleanup() { stop_server; exec 9>&- 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# the page: b"Hello.\r\n" * 1500, readable by nginx's unprivileged worker
chmod 755 "$WORK"
mkdir -p "$WORK/www"
seed_page "$WORK/www/index.html"
[ "$(stat -c %s "$WORK/www/index.html")" = 12000 ] || die "page is not 12000 bytes"

pids_of() { echo "$SERVER_PID" $(pgrep -P "$SERVER_PID" || true); } # nginx: master + worker; java: itself
cpu_ticks() { local t=0 p; for p in $(pids_of); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
sys_ticks() { local t=0 p; for p in $(pids_of); do t=$((t + $(awk '{print $15}' "/proc/$p/stat"))); done; echo "$t"; }
mem_kb() { local t=0 p; for p in $(pids_of); do t=$((t + $(awk -v k="$1:" '$1 == k {print $2}' "/proc/$p/status"))); done; echo "$t"; }

start_nginx() {
  nginx_conf "$WORK/nginx" "$WORK/www" "127.0.0.1:$NGINX_PORT" "keepalive_requests 100000"
  "${PIN_SERVER[@]}" "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" >"$WORK/nginx/out.log" 2>&1 &
  SERVER_PID=$!
  await_port "$NGINX_PORT" "$SERVER_PID" || { cat "$WORK/nginx/out.log" "$WORK/nginx/error.log" >&2; exit 1; }
  sleep 0.5 # the worker
}

start_gateway() { # start_gateway NAME [JVM options]
  local dir=$WORK/$1; shift
  mkdir -p "$dir/deploy"
  cat >"$dir/deploy/org.picogate.http.config" <<EOF
port=I"$GW_PORT"
host="127.0.0.1"
staticDir="$WORK/www"
staticPrefix="/"
maxRequestsPerConnection=I"100000"
EOF
  if [ "$FRAMEWORK" = 1 ]; then
    cp "$HANDLER_JAR" "$dir/deploy/"
    printf 'databaseFile="%s"\n' "$dir/notes.db" >"$dir/deploy/org.picogate.notes.config"
  fi
  # the Gogo shell reads stdin: a fifo held open by this script (fd 9) keeps it from seeing end of file
  mkfifo "$dir/stdin"
  exec 9<>"$dir/stdin"
  # enableConfigSave=false: FileInstall must not write the configuration back into the file (a run where it
  # logged "Updating configuration" ended with the file emptied and the server on the default *:8080)
  (cd "$dir" && exec "${PIN_SERVER[@]}" "$JAVA" "${JOPTS[@]}" -Dfelix.fileinstall.enableConfigSave=false "$@" -jar "$GATEWAY_JAR" <"$dir/stdin" >"$dir/out.log" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 600); do
    grep -q ready "$dir/out.log" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  grep -q ready "$dir/out.log" && await_port "$GW_PORT" "$SERVER_PID" || { log "gateway did not start:"; cat "$dir/out.log" >&2; exit 1; }
}

# measure NAME SCENARIO TOOL...: runs the load tool (pinned, bounded) and records its figures and the server's CPU
declare -A R
EXPECT_LEN=12000 RAW=$WORK/raw.md
measure() {
  local name=$1 sc=$2; shift 2
  local t0 t1 s0 s1 out n rps p50 p99 failed
  s0=$(sys_ticks) t0=$(cpu_ticks)
  out=$(timeout 180 "${PIN_LOAD[@]}" "$@" 2>&1) || true
  t1=$(cpu_ticks) s1=$(sys_ticks)
  if [ "$1" = ab ]; then
    n=$(awk '/^Complete requests:/ {print $3}' <<<"$out")
    rps=$(awk '/^Requests per second:/ {printf "%.0f", $4}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2 " ms"}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2 " ms"}' <<<"$out")
    failed=$(awk '/^Failed requests:/ {f = $3} /^Non-2xx responses:/ {x = $3} END {print f + x}' <<<"$out")
    local len; len=$(awk '/^Document Length:/ {print $3}' <<<"$out")
    [ "$len" = "$EXPECT_LEN" ] || log "$name $sc: Document Length '$len', not $EXPECT_LEN"
    R[$name,$sc,ka]=$(awk '/^Keep-Alive requests:/ {print $3}' <<<"$out")
  else
    n=$(awk '/requests in/ {print $1}' <<<"$out")
    rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    failed=$(awk '/Socket errors:/ {gsub(",", ""); s = $4 + $6 + $8 + $10} /Non-2xx or 3xx/ {x = $5} END {print s + x}' <<<"$out")
  fi
  n=${n:-0}
  R[$name,$sc,rps]=${rps:-–} R[$name,$sc,p50]=${p50:-–} R[$name,$sc,p99]=${p99:-–} R[$name,$sc,failed]=${failed:-–}
  R[$name,$sc,us]=$(awk -v d=$((t1 - t0)) -v n="$n" -v t="$TICK" 'BEGIN {if (n > 0) printf "%.1f", d * 1e6 / t / n; else print "–"}')
  R[$name,$sc,n]=$n
  R[$name,$sc,sys]=$(awk -v d=$((s1 - s0)) -v n="$n" -v t="$TICK" 'BEGIN {if (n > 0) printf "%.1f", d * 1e6 / t / n; else print "–"}')
  printf '### %s, %s: `%s`\n\n```\n%s\n```\n\n' "$name" "$sc" "$*" "$out" >>"$RAW"
  log "  $sc: $n requests, ${R[$name,$sc,rps]} req/s, ${R[$name,$sc,us]} µs/req CPU, failed ${R[$name,$sc,failed]}"
}

URL_GW="http://127.0.0.1:$GW_PORT/index.html"
URL_NGINX="http://127.0.0.1:$NGINX_PORT/index.html"
run_scenarios() { # run_scenarios NAME URL
  local name=$1 url=$2
  R[$name,idle]=$(mem_kb VmRSS)
  log "$name: warm-up ..."
  # the JIT needs this much: Picogate's no-keep-alive path costs 1.5-2x more in its first 20-30 thousand connections
  timeout 120 "${PIN_LOAD[@]}" ab -r -k -n $WARM_KEEP -c $CONC "$url" >/dev/null 2>&1 || true
  timeout 120 "${PIN_LOAD[@]}" ab -r -n $WARM_CLOSE -c $CONC "$url" >/dev/null 2>&1 || true
  sleep 1
  measure "$name" close ab -r -n $N_CLOSE -c $CONC "$url"
  measure "$name" keep ab -r -k -n $N_KEEP -c $CONC "$url"
  [ "$HAVE_WRK" = 0 ] || measure "$name" wrk wrk -t1 -c$CONC -d${WRK_SECS}s --latency "$url"
  R[$name,peak]=$(mem_kb VmHWM)
  kill -0 "$SERVER_PID" 2>/dev/null && R[$name,alive]=yes || R[$name,alive]="no (died)"
}

# ---- the web framework (issue 6), on the gateway that has just served the static page ----
URL_JSON="http://127.0.0.1:$GW_PORT/bench/json"
URL_PAGE="http://127.0.0.1:$GW_PORT/"
FW_ROUTES=(json page)
http_code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
await_route() { # await_route URL: 200 within 30 s (FileInstall starts the handler bundle from deploy/)
  for _ in $(seq 300); do
    [ "$(http_code "$1")" = 200 ] && return 0
    sleep 0.1
  done
  return 1
}
add_notes() { # N_NOTES notes through the JSON API (the list page shows them all)
  local i code
  for i in $(seq "$N_NOTES"); do
    code=$(http_code -H 'Content-Type: application/json' \
      -d "{\"title\":\"Sensor $i\",\"content\":\"Reading $i: 22.5 °C, humidity 41 %, battery 3.1 V\"}" \
      "http://127.0.0.1:$GW_PORT/api/notes")
    [ "$code" = 201 ] || { log "POST /api/notes answered $code"; exit 1; }
  done
}
profile() { # profile ROUTE URL: JFR (settings=profile) over one more wrk run, not in the table; its hot methods
  local jfr=$WORK/$1.jfr jbin=$PICOGATE_JAVA_HOME/bin
  "$jbin/jcmd" "$SERVER_PID" JFR.start name=bench settings=profile filename="$jfr" >/dev/null
  timeout 60 "${PIN_LOAD[@]}" wrk -t1 -c$CONC -d${WRK_SECS}s "$2" >/dev/null 2>&1 || true
  "$jbin/jcmd" "$SERVER_PID" JFR.stop name=bench >/dev/null
  if [ -d "$PROFILE" ]; then cp "$jfr" "$PROFILE/"; fi
  { printf '### %s: `wrk -t1 -c%s -d%ss %s` under JFR\n\n```\n' "$1" "$CONC" "$WRK_SECS" "$2"
    "$jbin/jfr" view --width 150 hot-methods "$jfr" 2>&1 | head -n 40
    printf '```\n\n'; } >>"$WORK/profile.md"
  log "  JFR: $jfr profiled"
}
run_framework() {
  local route url
  await_route "$URL_JSON" || { log "GET /bench/json never answered 200:"; tail -n 30 "$WORK/gw/out.log" >&2; exit 1; }
  add_notes
  RAW=$WORK/raw-fw.md
  for route in "${FW_ROUTES[@]}"; do
    case $route in json) url=$URL_JSON ;; page) url=$URL_PAGE ;; esac
    R[$route,url]=$url
    R[$route,bytes]=$(curl -s "$url" | wc -c)
    R[$route,head]=$(curl -s -D - -o /dev/null "$url" | grep -i '^content-\(type\|length\)\|^transfer-encoding' | tr -d '\r' | awk '{printf "%s%s", (NR > 1 ? ", " : ""), $0}')
    EXPECT_LEN=${R[$route,bytes]}
    log "$route: $url (${R[$route,bytes]} bytes) warm-up ..."
    if [ "$HAVE_WRK" = 1 ]; then timeout 60 "${PIN_LOAD[@]}" wrk -t1 -c$CONC -d5s "$url" >/dev/null 2>&1 || true; fi
    timeout 120 "${PIN_LOAD[@]}" ab -r -k -n 10000 -c $CONC "$url" >/dev/null 2>&1 || true
    sleep 1
    measure "$route" keep ab -r -k -n $N_KEEP -c $CONC "$url"
    [ "$HAVE_WRK" = 0 ] || measure "$route" wrk wrk -t1 -c$CONC -d${WRK_SECS}s --latency "$url"
    if [ "$PROFILE" != 0 ] && [ "$HAVE_WRK" = 1 ]; then profile "$route" "$url"; fi
  done
  RAW=$WORK/raw.md EXPECT_LEN=12000
}

if [ "$ONLY" = framework ]; then
  SERVERS=(picogate)
else
  SERVERS=(nginx picogate)
  log "nginx on 127.0.0.1:$NGINX_PORT ..."
  start_nginx; run_scenarios nginx "$URL_NGINX"; stop_server
fi
log "Picogate on 127.0.0.1:$GW_PORT ..."
start_gateway gw; run_scenarios picogate "$URL_GW"
[ "$FRAMEWORK" = 0 ] || run_framework
stop_server; exec 9>&-
if [ "$SMALL_HEAP" = 1 ]; then
  SERVERS+=(picogate16)
  log "Picogate -Xmx16m on 127.0.0.1:$GW_PORT ..."
  start_gateway gw16 -Xmx16m; run_scenarios picogate16 "$URL_GW"; stop_server; exec 9>&-
fi

# ---- report ----
label() { case $1 in nginx) echo nginx ;; picogate) echo Picogate ;; picogate16) echo "Picogate -Xmx16m" ;; esac; }
sclabel() {
  case $1 in
    close) echo "no keep-alive, \`ab -n$N_CLOSE -c$CONC\`" ;;
    keep) echo "keep-alive, \`ab -k -n$N_KEEP -c$CONC\`" ;;
    wrk) echo "keep-alive, \`wrk -t1 -c$CONC -d${WRK_SECS}s\`" ;;
  esac
}
num() { sed 's/[^0-9.].*//' <<<"$1"; } # "12ms" -> 12, "1.2 ms" -> 1.2
unit_ms() { # wrk latencies come as 850.00us / 1.20ms / 1.5s: to ms
  awk -v v="$1" 'BEGIN {if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
    else if (v ~ /s$/) printf "%.0f", v * 1000; else print v}'
}
ratio() { awk -v a="$(num "$1")" -v b="$(num "$2")" 'BEGIN {if (a != "" && b != "" && b + 0 > 0) printf "%.2f", a / b; else print "–"}'; }
SCENARIOS=(close keep); [ "$HAVE_WRK" = 0 ] || SCENARIOS+=(wrk)
FW=(); [ "$FRAMEWORK" = 0 ] || FW=("${FW_ROUTES[@]}")
for s in "${SERVERS[@]}" "${FW[@]}"; do for sc in "${SCENARIOS[@]}"; do
  if [ "$sc" = wrk ] && [ -n "${R[$s,$sc,p50]-}" ]; then
    R[$s,$sc,p50]="$(unit_ms "${R[$s,$sc,p50]}") ms" R[$s,$sc,p99]="$(unit_ms "${R[$s,$sc,p99]}") ms"
  fi
done; done

COLS="| scenario | metric | nginx | Picogate | Picogate / nginx |"
SEP="| --- | --- | --- | --- | --- |"
if [ "$SMALL_HEAP" = 1 ]; then COLS+=" Picogate -Xmx16m | -Xmx16m / nginx |"; SEP+=" --- | --- |"; fi
row() { # row SCENARIO-LABEL METRIC-LABEL KEY...
  local sl=$1 ml=$2; shift 2
  local a b c
  a=$1 b=$2 c=${3-}
  printf '| %s | %s | %s | %s | %s |' "$sl" "$ml" "$a" "$b" "$(ratio "$b" "$a")"
  [ "$SMALL_HEAP" = 1 ] && printf ' %s | %s |' "$c" "$(ratio "$c" "$a")"
  printf '\n'
}
table() {
  echo "$COLS"; echo "$SEP"
  local sc m
  for sc in "${SCENARIOS[@]}"; do
    for m in us rps p50 p99 failed; do
      case $m in us) ml="server CPU µs/request" ;; rps) ml="requests/s" ;; p50) ml="p50" ;; p99) ml="p99" ;;
        failed) ml="failed (of ${R[nginx,$sc,n]} / ${R[picogate,$sc,n]}${R[picogate16,$sc,n]:+ / ${R[picogate16,$sc,n]}})" ;; esac
      row "$(sclabel "$sc")" "$ml" "${R[nginx,$sc,$m]}" "${R[picogate,$sc,$m]}" "${R[picogate16,$sc,$m]-}"
    done
  done
  row "after start" "RSS idle (MB)" "$((${R[nginx,idle]} / 1024))" "$((${R[picogate,idle]} / 1024))" \
    "${R[picogate16,idle]:+$((${R[picogate16,idle]} / 1024))}"
  row "whole run" "RSS peak, VmHWM (MB)" "$((${R[nginx,peak]} / 1024))" "$((${R[picogate,peak]} / 1024))" \
    "${R[picogate16,peak]:+$((${R[picogate16,peak]} / 1024))}"
}

verdict() { # targets of issue 5
  local us_c_n=${R[nginx,close,us]} us_c_p=${R[picogate,close,us]}
  awk -v p="$us_c_p" -v n="$us_c_n" 'BEGIN {printf "- no keep-alive µs/request ≤ nginx: %s (%s vs %s)\n", (p <= n ? "**met**" : "**missed**"), p, n}'
  local sc
  for sc in "${SCENARIOS[@]}"; do
    [ "$sc" = close ] && continue
    awk -v p="${R[picogate,$sc,us]}" -v s="$(sclabel "$sc")" 'BEGIN {printf "- %s ≤ 11 µs/request: %s (%s)\n", s, (p <= 11 ? "**met**" : "**missed**"), p}'
  done
  local f=0 s
  for s in picogate picogate16; do for sc in "${SCENARIOS[@]}"; do
    [ -n "${R[$s,$sc,failed]-}" ] && [ "${R[$s,$sc,failed]}" != 0 ] && f=1
  done; done
  if [ "$f" = 0 ]; then echo "- 0 failed requests: **met**"; else echo "- 0 failed requests: **missed** (see the table)"; fi
  if [ "$SMALL_HEAP" = 1 ]; then
    local f16=0
    for sc in "${SCENARIOS[@]}"; do [ "${R[picogate16,$sc,failed]}" != 0 ] && f16=1; done
    if [ "$f16" = 0 ] && [ "${R[picogate16,alive]}" = yes ]; then echo "- -Xmx16m without failure: **met** (peak RSS $((${R[picogate16,peak]} / 1024)) MB)"
    else echo "- -Xmx16m without failure: **missed** (alive at the end: ${R[picogate16,alive]})"; fi
  fi
}

# SVG: server CPU µs/request per scenario, one bar per server
svg() {
  local W=760 H=360 left=60 top=40 bottom=300 ; local ph=$((bottom - top))
  local max; max=$(for s in "${SERVERS[@]}"; do for sc in "${SCENARIOS[@]}"; do echo "${R[$s,$sc,us]}"; done; done |
    awk '$1 + 0 > m {m = $1 + 0} END {print (m > 0 ? m * 1.15 : 1)}')
  local colors=("#4e79a7" "#e15759" "#f28e2b") gw=$(((W - left - 20) / ${#SCENARIOS[@]})) bw=50
  printf '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">\n' $W $H $W $H
  printf '<rect width="100%%" height="100%%" fill="white"/>\n'
  printf '<text x="%d" y="20" font-size="14" font-weight="bold">Server CPU µs per request, 12000-byte page (lower is better), %s</text>\n' $left "$(date +%F)"
  printf '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>\n' $left $bottom $((W - 10)) $bottom
  printf '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>\n' $left $top $left $bottom
  local i j x h v sc s
  for i in "${!SCENARIOS[@]}"; do
    sc=${SCENARIOS[$i]}
    for j in "${!SERVERS[@]}"; do
      s=${SERVERS[$j]}; v=${R[$s,$sc,us]}; [ "$v" = – ] && v=0
      x=$((left + 20 + i * gw + j * (bw + 8)))
      h=$(awk -v v="$v" -v m="$max" -v p=$ph 'BEGIN {printf "%d", v / m * p}')
      printf '<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>\n' $x $((bottom - h)) $bw "$h" "${colors[$j]}"
      printf '<text x="%d" y="%d" text-anchor="middle">%s</text>\n' $((x + bw / 2)) $((bottom - h - 4)) "$v"
    done
    printf '<text x="%d" y="%d">%s</text>\n' $((left + 20 + i * gw)) $((bottom + 18)) \
      "$(sclabel "$sc" | tr -d '`')"
  done
  for j in "${!SERVERS[@]}"; do
    printf '<rect x="%d" y="%d" width="12" height="12" fill="%s"/><text x="%d" y="%d">%s</text>\n' \
      $((left + j * 160)) $((bottom + 34)) "${colors[$j]}" $((left + j * 160 + 16)) $((bottom + 45)) "$(label "${SERVERS[$j]}")"
  done
  printf '</svg>\n'
}

CMD="bench/run-http.sh"
[ -z "${BENCH_SMALL_HEAP-}" ] || CMD="BENCH_SMALL_HEAP=$BENCH_SMALL_HEAP $CMD"
[ -z "${BENCH_PORTS-}" ] || CMD="BENCH_PORTS=$BENCH_PORTS $CMD"
[ -z "${BENCH_JFR-}" ] || CMD="BENCH_JFR=$BENCH_JFR $CMD"
[ -z "${BENCH_FRAMEWORK-}" ] || CMD="BENCH_FRAMEWORK=$BENCH_FRAMEWORK $CMD"
[ -z "$ONLY" ] || CMD="BENCH_ONLY=$ONLY $CMD"
TOOLS="$(ab -V | head -n 1 | sed 's/This is //; s/ <.*//'); $(if [ "$HAVE_WRK" = 1 ]; then wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2 || true; else echo "wrk not available"; fi)"
MACHINE="Machine: $(nproc) cores,
$(cpu_model), Linux $(uname -r), load average $LOAD_START at the start.
$("$JAVA" -version 2>&1 | head -n 1 | tr -d '"'), JVM options \`${JOPTS[*]}\`"

# ---- the framework report ----
route_label() {
  case $1 in
    picogate) echo "static file \`GET /index.html\`, 12000 B" ;;
    json) echo "JSON route \`GET /bench/json\` (whiteboard Handler), ${R[json,bytes]} B" ;;
    page) echo "notes list page \`GET /\` (jte, $N_NOTES notes from SQLite), ${R[page,bytes]} B" ;;
  esac
}
target_of() { case $1 in json) echo 1.3 ;; page) echo 1.5 ;; *) echo ;; esac; }
fw_table() {
  local r sc t x
  echo "| route | load | server CPU µs/request | of which system | × static (same load) | target | requests/s | p50 | p99 | failed (of) | keep-alive requests (ab) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for r in picogate "${FW_ROUTES[@]}"; do for sc in keep wrk; do
    [ -n "${R[$r,$sc,n]-}" ] || continue
    t=$(target_of "$r")
    if [ "$r" = picogate ]; then x=1.00; else x=$(ratio "${R[$r,$sc,us]}" "${R[picogate,$sc,us]}"); fi
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s (of %s) | %s |\n' "$(route_label "$r")" "$(sclabel "$sc")" \
      "${R[$r,$sc,us]}" "${R[$r,$sc,sys]}" "$x" "${t:+≤ $t}" "${R[$r,$sc,rps]}" "${R[$r,$sc,p50]}" "${R[$r,$sc,p99]}" \
      "${R[$r,$sc,failed]}" "${R[$r,$sc,n]}" "${R[$r,$sc,ka]:-–}"
  done; done
}
fw_verdict() {
  local r sc x t
  for r in "${FW_ROUTES[@]}"; do for sc in keep wrk; do
    [ -n "${R[$r,$sc,n]-}" ] || continue
    x=$(ratio "${R[$r,$sc,us]}" "${R[picogate,$sc,us]}") t=$(target_of "$r")
    awk -v x="$x" -v t="$t" -v r="$(route_label "$r")" -v s="$(sclabel "$sc")" \
      'BEGIN {printf "- %s, %s: %s× static (target ≤ %s×): %s\n", r, s, x, t, (x != "–" && x + 0 <= t + 0 ? "**met**" : "**missed**")}'
  done; done
}
if [ "$FRAMEWORK" = 1 ]; then
  mkdir -p "$(dirname "$FW_OUT")"
  {
    cat <<EOF
## HTTP benchmark: the web framework against the static file, $(date +%F)

Command: \`$CMD\` (in $(git rev-parse --short HEAD 2>/dev/null || echo ?)). $MACHINE; $TOOLS.

One gateway (\`java -jar itests/target/gateway.jar\`, default heap, pinned to core 0 with \`${PIN_SERVER[*]:-not pinned}\`;
load tool on core 1 with \`${PIN_LOAD[*]:-not pinned}\`; loopback) serves, in this order: the static 12000-byte page
(the seed benchmark's Picogate run: warm-up \`ab -k -n$WARM_KEEP\` and \`ab -n$WARM_CLOSE\`, then its scenarios), then
- the JSON route: \`bench/handler\`, a DS component \`@Component(service = Handler.class) @Route("/bench/json")\`
  whose \`handle\` does \`response.json(new Reading("sensor-7", System.currentTimeMillis(), 22.5, true))\` (a record,
  serialised by jackson-jr at each request), copied into the gateway's \`deploy/\` before it starts;
  answer: ${R[json,head]:-?};
- the notes app's list page \`GET /\`: $N_NOTES notes created first with \`POST /api/notes\` (SQLite file in the run's
  temporary folder, set by \`deploy/org.picogate.notes.config\` \`databaseFile\`); jte renders the list into
  \`response.output()\`; answer: ${R[page,head]:-?}.

Each route: warm-up \`wrk -t1 -c$CONC -d5s\` and \`ab -k -n10000 -c$CONC\`, then \`ab -r -k -n$N_KEEP -c$CONC\` and
\`wrk -t1 -c$CONC -d${WRK_SECS}s --latency\`. Server CPU µs/request = the JVM's (utime + stime) delta over the run / completed
requests; "× static" divides it by the static page's with the same load tool in the same run.

$(fw_table)

Targets of issue 6:

$(fw_verdict)
EOF
    if [ -f "$WORK/profile.md" ]; then
      printf '\n<details><summary>JFR hot methods (BENCH_JFR)</summary>\n\n%s\n</details>\n' "$(cat "$WORK/profile.md")"
    fi
    printf '\n<details><summary>Raw output of the load tools</summary>\n\n%s\n</details>\n' "$(cat "$WORK/raw-fw.md")"
  } >"$FW_OUT"
fi

if [ "$ONLY" != framework ]; then
mkdir -p "$(dirname "$OUT")"
svg >"$SVG"
{
  cat <<EOF
## HTTP benchmark: static 12000-byte page, Picogate against nginx, $(date +%F)

Command: \`$CMD\` (in $(git rev-parse --short HEAD 2>/dev/null || echo ?)). Machine: $(nproc) cores,
$(cpu_model), Linux $(uname -r), load average $LOAD_START at the start.
$("$JAVA" -version 2>&1 | head -n 1 | tr -d '"'), JVM options \`${JOPTS[*]}\`; $("$NGINX" -v 2>&1 | sed 's/.*: //');
$(ab -V | head -n 1 | sed 's/This is //; s/ <.*//'); $(if [ "$HAVE_WRK" = 1 ]; then wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2 || true; else echo "wrk not available"; fi).

Page \`b"Hello.\\r\\n" * 1500\` as \`/index.html\`, loopback only. Each server alone in turn, pinned to core 0
(\`${PIN_SERVER[*]:-not pinned}\`), the load tool pinned to core 1 (\`${PIN_LOAD[*]:-not pinned}\`). nginx: worker_processes 1,
access_log off, sendfile on, keepalive_requests 100000. Picogate: \`java -jar itests/target/gateway.jar\` with
\`deploy/org.picogate.http.config\` (staticDir, host 127.0.0.1, maxRequestsPerConnection 100000;
\`-Dfelix.fileinstall.enableConfigSave=false\`), default heap
and again at \`-Xmx16m\`. Warm-up per server: \`ab -k -n$WARM_KEEP -c$CONC\`, then \`ab -n$WARM_CLOSE -c$CONC\`. ab runs with
\`-r\` (a socket error is counted, not fatal). Server CPU µs/request = (utime + stime) delta over the run (ticks
of 1/$TICK s; nginx master + worker) / completed requests. Latency: ab's percentile table (whole ms), wrk \`--latency\`.
Failed = ab "Failed requests" + "Non-2xx responses"; wrk socket errors + "Non-2xx or 3xx responses". RSS summed over
nginx's master and worker. Chart: \`$(basename "$SVG")\`.

$(table)

Targets of issue 5 (design.md §6):

$(verdict)

<details><summary>Raw output of the load tools</summary>

$(cat "$WORK/raw.md")
</details>

### README snippet

\`\`\`\`markdown
Static-file figures, measured by \`bench/run-http.sh\` on $(date +%F) against nginx in the same run (server pinned to
core 0, load tool to core 1, the 12000-byte page, loopback). Full report with the raw ab/wrk output:
\`$OUT\`; chart: \`$SVG\`.

\`\`\`sh
bench/run-http.sh    # ~2 min; installs nginx-light and wrk if missing, prints the report and saves it as
                     # bench/results/http-<date>.md (+ .svg); BENCH_SMALL_HEAP=0 skips the -Xmx16m run
\`\`\`

$(table)
\`\`\`\`
EOF
} >"$OUT"
cat "$OUT"
log "wrote $OUT and $SVG"
fi
if [ "$FRAMEWORK" = 1 ]; then
  sed '/^<details>/,$d' "$FW_OUT"
  log "wrote $FW_OUT"
fi
