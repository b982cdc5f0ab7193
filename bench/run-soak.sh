#!/usr/bin/env bash
# Soak test of the gateway: SOAK_MINUTES (default 30) of steady mixed load over loopback against one gateway
# (itests/target/gateway.jar, JVM options as ./picogate run), sampling its footprint over time, to show that nothing
# grows. Each second the load loop runs, one after the other:
#   ab -k -r -n200 -c4  GET /index.html       the 12000-byte static page (staticDir)
#   ab -k -r -n200 -c4  GET /bench/json       the JSON route of bench/handler, a bundle in deploy/
#   ab -r -n10 -c2      POST /api/notes       notes app writes (SQLite), one new note each
# and every SOAK_SWAP_SECS (60) the handler bundle is hot-swapped: copied anew into deploy/ (FileInstall updates
# it while the JSON route is under load). Every SOAK_SAMPLE_SECS (10) a sample is taken: RSS (VmRSS), Java heap in
# use after a full GC (`jcmd GC.run`, then `GC.heap_info`), open file descriptors (/proc/PID/fd), OS threads
# (/proc/PID/status), requests and failures so far, process CPU, and where the RSS goes: the JVM's committed memory by
# category from Native Memory Tracking (-XX:NativeMemoryTracking=summary, `jcmd VM.native_memory summary`). Every
# SOAK_SHELL_SECS (60) the gateway's own HTTP client fetches the JSON route (`picogate:get`, typed into its Gogo
# shell) and the live Picogate tasks are counted (`picogate:tasks`): only then, as every shell command keeps ~33 KB
# of heap for good (Gogo; 200 `lb` commands kept 6.5 MB), which would otherwise be most of what grows. A class
# histogram (`jcmd GC.class_histogram`) at the first sample and at the end names the classes that grew most.
# Writes the samples as CSV, an SVG chart of them and a Markdown report with a verdict: for each metric the mean of
# the last quarter of the samples against the first quarter's; it grows when the difference exceeds both a floor
# (RSS 16 MB, heap 4 MB, 8 descriptors, 4 threads, 16 tasks) and 10 % of the first quarter. The NMT categories are
# reported the same way, as a breakdown that does not count in the verdict.
# Files: bench/results/soak-<date>.md, .csv, .svg. Not part of ./mvnw verify.
#
#   bench/run-soak.sh                                   # 30 minutes
#   SOAK_MINUTES=5 SOAK_NOTE="5-minute validation run" bench/run-soak.sh
#   SOAK_PORT=18090 SOAK_SAMPLE_SECS=10 SOAK_SWAP_SECS=60 SOAK_SHELL_SECS=60 SOAK_OUT=/tmp/soak.md bench/run-soak.sh
#
# Needs ab (apache2-utils) and curl. Nothing is pinned: the load is light (a few hundred requests a second) and the
# figures are footprint, not speed. The JDK is found like ./mvnw finds it (.mvn/jdk.sh); the gateway jar and the
# handler bundle are built when missing (when this runs while holding the machine's Maven lock, build them first).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
JCMD=$PICOGATE_JAVA_HOME/bin/jcmd
GATEWAY_JAR=$REPO/itests/target/gateway.jar
HANDLER_JAR=$REPO/bench/handler/target/bench.handler-0.1.0-SNAPSHOT.jar
MINUTES=${SOAK_MINUTES:-30}
SAMPLE=${SOAK_SAMPLE_SECS:-10}
SWAP=${SOAK_SWAP_SECS:-60}
SHELL_EVERY=${SOAK_SHELL_SECS:-60}
PORT=${SOAK_PORT:-18090}
OUT=${SOAK_OUT:-bench/results/soak-$(date +%F).md}
CSV=${OUT%.md}.csv
SVG=${OUT%.md}.svg
NOTE=${SOAK_NOTE:-}

need ab "ab (apache2-utils)"
need curl
[ -x "$JCMD" ] || die "no jcmd in $PICOGATE_JAVA_HOME"
if [ ! -f "$GATEWAY_JAR" ] || [ ! -f "$HANDLER_JAR" ]; then
  build --lock "$GATEWAY_JAR and $HANDLER_JAR" package
fi
need_free_port "$PORT" SOAK_PORT

JOPTS=("${JDK_OPTS[@]}")
JOPTS+=(-XX:NativeMemoryTracking=summary) # where the RSS goes: committed memory by category, sampled with jcmd

LOAD_START=$(load_average)
STARTED=$(date -u '+%F %H:%M UTC')
WORK=$(mktemp -d)
GW=$WORK/gw
PID= LOAD_PID=
cleanup() {
  [ -z "$LOAD_PID" ] || kill "$LOAD_PID" 2>/dev/null || true
  if [ -n "$PID" ]; then
    printf 'stop 0\n' >&9 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$PID" 2>/dev/null || true
  fi
  exec 9>&- 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- the gateway: static page, handler bundle, notes database, all in the run's temporary folder ----
mkdir -p "$WORK/www" "$GW/deploy"
seed_page "$WORK/www/index.html"
cat >"$GW/deploy/org.picogate.http.config" <<EOF
port=I"$PORT"
host="127.0.0.1"
staticDir="$WORK/www"
EOF
printf 'databaseFile="%s"\n' "$GW/notes.db" >"$GW/deploy/org.picogate.notes.config"
cp "$HANDLER_JAR" "$GW/deploy/bench.handler.jar"
printf '{"title":"soak","content":"a reading of 22.5 C from sensor 7"}' >"$WORK/note.json"
mkfifo "$GW/stdin"
exec 9<>"$GW/stdin" # the Gogo shell reads it: held open, it never sees end of input
(cd "$GW" && exec "$JAVA" "${JOPTS[@]}" -jar "$GATEWAY_JAR" <"$GW/stdin" >"$GW/out.log" 2>&1) &
PID=$!
for _ in $(seq 600); do
  grep -q ' ready: ' "$GW/out.log" 2>/dev/null && break
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.1
done
grep -q ' ready: ' "$GW/out.log" || { log "gateway did not start:"; cat "$GW/out.log" >&2; exit 1; }
BASE=http://127.0.0.1:$PORT
for _ in $(seq 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/bench/json")" = 200 ] && break
  sleep 0.1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/bench/json")" = 200 ] || { log "no JSON route"; exit 1; }

# ---- the load: one loop, paced to start a round each second; per ab run one line "kind complete failed" ----
ab_line() { # ab_line KIND AB-ARGS...: runs ab (bounded), prints KIND, complete and failed (+ non-2xx) requests
  local kind=$1 out; shift
  out=$(timeout 60 ab -r -q "$@" 2>&1) || true
  # ab counts an answer of another length than the first as failed ("Length"): a new note's id gains a digit now
  # and then, so for the notes only connect, receive and exception failures (and non-2xx answers) count
  awk -v k="$kind" '/^Complete requests:/ {c = $3} /^Failed requests:/ {f = $3} /^Non-2xx responses:/ {x = $3}
    /\(Connect: .*Length: / {gsub(/[(),]/, ""); len = $6}
    END {if (k == "notes") f -= len; print k, c + 0, f + x}' <<<"$out"
}
load_loop() {
  while :; do
    local next=$((SECONDS + 1))
    ab_line static -k -n200 -c4 "$BASE/index.html"
    ab_line json -k -n200 -c4 "$BASE/bench/json"
    ab_line notes -n10 -c2 -p "$WORK/note.json" -T application/json "$BASE/api/notes"
    while [ "$SECONDS" -lt "$next" ]; do sleep 0.1; done
  done
}
log "warming up for 20 s ..."
timeout 20 bash -c "$(declare -f ab_line load_loop); BASE=$BASE WORK=$WORK load_loop" >/dev/null || true
load_loop >"$WORK/load.txt" &
LOAD_PID=$!

# ---- sampling, swaps and client calls ----
TICK=$(getconf CLK_TCK)
heap_kb() { # used heap after a full GC, in KB
  "$JCMD" "$PID" GC.run >/dev/null 2>&1 || true
  "$JCMD" "$PID" GC.heap_info 2>/dev/null | awk '/heap/ && / used / {
    for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K.*/, "", v); print v; exit}}'
}
native_mb() { # committed MB by NMT: total, Java heap, class metadata, code, threads, GC, the rest
  "$JCMD" "$PID" VM.native_memory summary 2>/dev/null | awk '
    function mb(line) {match(line, /committed=[0-9]+KB/); return substr(line, RSTART + 10, RLENGTH - 12) / 1024}
    /^Total:/ {t = mb($0)} /^-/ && /committed=/ {n = $0; sub(/^- */, "", n); sub(/ *\(.*/, "", n); c[n] = mb($0)}
    END {o = t - c["Java Heap"] - c["Class"] - c["Code"] - c["Thread"] - c["GC"]
      printf "%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f", t, c["Java Heap"], c["Class"], c["Code"], c["Thread"], c["GC"], o}'
}
live_tasks() { # types picogate:tasks and reads the count it prints
  local mark; mark=$(wc -l <"$GW/out.log")
  printf 'picogate:tasks\n' >&9
  for _ in $(seq 50); do
    local line; line=$(tail -n +"$((mark + 1))" "$GW/out.log" | grep -o '[0-9]* live task(s)' | tail -1 || true)
    [ -n "$line" ] && { echo "${line%% *}"; return; }
    sleep 0.1
  done
  echo ""
}
heap_kb >/dev/null # a first full GC, so that the first sample is not the warm-up's heap
"$JCMD" "$PID" GC.class_histogram >"$WORK/histogram-first.txt" 2>/dev/null || true # live objects by class
SWAPS=0 CALLS=0
mkdir -p "$(dirname "$OUT")"
echo "seconds,rss_mb,heap_after_gc_mb,fds,threads,live_tasks,requests,failed,cpu_s,nmt_total_mb,nmt_heap_mb,\
nmt_class_mb,nmt_code_mb,nmt_thread_mb,nmt_gc_mb,nmt_other_mb" >"$CSV"
T0=$SECONDS END=$((SECONDS + MINUTES * 60)) NEXT_SWAP=$((SECONDS + SWAP)) NEXT_SHELL=$SECONDS
log "soaking for $MINUTES minute(s); samples every $SAMPLE s, a hot swap every $SWAP s ..."
while [ "$SECONDS" -lt "$END" ]; do
  tick_end=$((SECONDS + SAMPLE))
  kill -0 "$PID" 2>/dev/null || { log "the gateway died:"; tail -50 "$GW/out.log" >&2; exit 1; }
  if [ "$SECONDS" -ge "$NEXT_SWAP" ]; then
    cp "$HANDLER_JAR" "$WORK/swap.jar" && mv "$WORK/swap.jar" "$GW/deploy/bench.handler.jar" # a new file at once
    SWAPS=$((SWAPS + 1)) NEXT_SWAP=$((NEXT_SWAP + SWAP))
  fi
  tasks= # empty in the samples without shell commands
  if [ "$SECONDS" -ge "$NEXT_SHELL" ]; then
    printf 'picogate:get %s/bench/json\n' "$BASE" >&9
    CALLS=$((CALLS + 1)) NEXT_SHELL=$((NEXT_SHELL + SHELL_EVERY))
    tasks=$(live_tasks)
  fi
  rss=$(awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$PID/status")
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$PID/status")
  fds=$(find "/proc/$PID/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  heap=$(heap_kb); heap=$(awk -v k="${heap:-0}" 'BEGIN {printf "%.1f", k / 1024}')
  read -r requests failed < <(awk '{c += $2; f += $3} END {print c + 0, f + 0}' "$WORK/load.txt")
  cpu=$(awk -v t="$TICK" '{printf "%.1f", ($14 + $15) / t}' "/proc/$PID/stat")
  nmt=$(native_mb)
  echo "$((SECONDS - T0)),$rss,$heap,$fds,$threads,$tasks,$requests,$failed,$cpu,$nmt" >>"$CSV"
  log "$(tail -1 "$CSV")"
  while [ "$SECONDS" -lt "$tick_end" ]; do sleep 0.2; done
done
kill "$LOAD_PID" 2>/dev/null || true; wait "$LOAD_PID" 2>/dev/null || true; LOAD_PID=
"$JCMD" "$PID" GC.class_histogram >"$WORK/histogram-last.txt" 2>/dev/null || true
# the classes whose live instances grew most between the first and the last histogram (each after a full GC)
HISTOGRAM=$(awk '$1 ~ /^[0-9]+:$/ {if (FNR == NR) {b0[$4] = $3; n0[$4] = $2} else {b1[$4] = $3; n1[$4] = $2; seen[$4] = 1}}
  END {for (c in seen) if (b1[c] - b0[c] > 0) printf "%d %d %d %s\n", b1[c] - b0[c], n1[c] - n0[c], b1[c], c}' \
  "$WORK/histogram-first.txt" "$WORK/histogram-last.txt" | sort -rn | head -12 |
  awk '{printf "| `%s` | %+d | %+.1f | %.1f |\n", $4, $2, $1 / 1024, $3 / 1024}')
sleep 1
CALLS_OK=$(grep -c "200 OK  $BASE/bench/json" "$GW/out.log" || true) # after a prompt, maybe
CLIENT_FAILED=$(grep -c 'picogate:get .* failed' "$GW/out.log" || true)
UPDATES=$(grep -c 'Updating bundle org.picogate.bench.handler' "$GW/out.log" || true) # FileInstall's log line
EXCEPTIONS=$(grep -c 'Exception' "$GW/out.log" || true)
LOAD_END=$(load_average)
read -r N_STATIC N_JSON N_NOTES F_STATIC F_JSON F_NOTES < <(awk '{c[$1] += $2; f[$1] += $3}
  END {print c["static"] + 0, c["json"] + 0, c["notes"] + 0, f["static"] + 0, f["json"] + 0, f["notes"] + 0}' \
  "$WORK/load.txt")

# ---- verdict: last quarter against first quarter ----
VERDICT_TABLE=$(awk -F, 'NR > 1 {n++; for (i = 2; i <= 16; i++) v[n, i] = $i}
  END {
    split("RSS (MB),heap after GC (MB),open file descriptors,OS threads,live tasks,,,,NMT: committed in all (MB)," \
      "NMT: Java heap (MB),NMT: class metadata (MB),NMT: JIT code (MB),NMT: thread stacks (MB),NMT: GC (MB)," \
      "NMT: the rest (MB)", name, ",")
    split("16,4,8,4,16,,,,16,16,4,4,4,4,4", floor, ",")
    grew = ""
    for (i = 2; i <= 16; i++) {
      if (i >= 7 && i <= 9) continue
      m = 0 # the samples that have this metric (live tasks: only those with shell commands)
      for (k = 1; k <= n; k++) if (v[k, i] != "") x[++m] = v[k, i] + 0
      if (m == 0) continue
      q = int(m / 4); if (q < 1) q = 1
      a = 0; b = 0; lo = x[1]; hi = x[1]
      for (k = 1; k <= m; k++) { if (x[k] < lo) lo = x[k]; if (x[k] > hi) hi = x[k] }
      for (k = 1; k <= q; k++) a += x[k]
      for (k = m - q + 1; k <= m; k++) b += x[k]
      a /= q; b /= q; d = b - a
      verdict = (d > floor[i - 1] && d > 0.1 * a) ? "grows" : "steady"
      if (verdict == "grows" && i <= 6) grew = grew (grew == "" ? "" : ", ") name[i - 1]
      if (i >= 10) verdict = verdict " (breakdown)"
      printf "| %s | %.1f | %.1f | %+.1f | %.1f | %.1f | %s |\n", name[i - 1], a, b, d, lo, hi, verdict
    }
    printf "VERDICT %s\n", grew == "" ? "nothing grows" : "grows: " grew
  }' "$CSV")
VERDICT=$(sed -n 's/^VERDICT //p' <<<"$VERDICT_TABLE")
VERDICT_TABLE=$(grep -v '^VERDICT ' <<<"$VERDICT_TABLE")
SAMPLES=$(($(wc -l <"$CSV") - 1))

# ---- the chart: one panel per metric over time ----
awk -F, -v title="Picogate soak, $MINUTES min, $STARTED" 'NR > 1 {n++; t[n] = $1; for (i = 2; i <= 6; i++) v[n, i] = $i}
  END {
    split("RSS (MB),heap after full GC (MB),open file descriptors,OS threads,live Picogate tasks", name, ",")
    W = 720; H = 110; L = 70; R = 20; top = 40
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n", W, top + 5 * (H + 30) + 20
    printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>\n", L, title
    tmax = t[n] > 0 ? t[n] : 1
    for (i = 2; i <= 6; i++) {
      y0 = top + (i - 2) * (H + 30); hi = 0
      for (k = 1; k <= n; k++) if (v[k, i] > hi) hi = v[k, i]
      hi = hi > 0 ? hi * 1.15 : 1
      printf "<text x=\"%d\" y=\"%d\">%s</text>\n", L, y0 + 10, name[i - 1]
      printf "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#ccc\"/>\n", L, y0 + 15, W - L - R, H - 15
      printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f</text>\n", L - 5, y0 + 20, hi
      printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>\n", L - 5, y0 + H
      printf "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\""
      for (k = 1; k <= n; k++) if (v[k, i] != "") printf "%.1f,%.1f ", L + (W - L - R) * t[k] / tmax, y0 + H - (H - 15) * v[k, i] / hi
      printf "\"/>\n"
    }
    yb = top + 5 * (H + 30) - 10
    printf "<text x=\"%d\" y=\"%d\">0 s</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d s</text>\n", L, yb, W - R, yb, tmax
    printf "</svg>\n"
  }' "$CSV" >"$SVG"

REPORT=$(cat <<EOF
# Soak: $MINUTES minutes of mixed load, $STARTED${NOTE:+ ($NOTE)}

Verdict: **$VERDICT** (last quarter of the samples against the first; a metric grows when it rose by more than its
floor and by more than 10 %; the NMT rows say where the RSS went and do not count).

| | |
| --- | --- |
| machine | $(nproc) cores, load average $LOAD_START at the start, $LOAD_END at the end (shared with other work) |
| JDK | $JDK ($JAVA), options ${JOPTS[*]:-none}, default heap |
| gateway | \`itests/target/gateway.jar\`, static page 12000 B, JSON route \`bench/handler\` in \`deploy/\`, notes app on SQLite |
| static \`GET /index.html\` (\`ab -k -c4\`) | $N_STATIC requests, $F_STATIC failed |
| JSON route \`GET /bench/json\` (\`ab -k -c4\`) | $N_JSON requests, $F_JSON failed |
| notes writes \`POST /api/notes\` (\`ab -c2\`) | $N_NOTES requests, $F_NOTES failed |
| hot swaps of the handler bundle (copied into \`deploy/\`) | $SWAPS copies, $UPDATES bundle updates logged by FileInstall |
| client calls (\`picogate:get\` of the JSON route) | $CALLS sent, $CALLS_OK answered 200, $CLIENT_FAILED failed |
| lines with "Exception" in the gateway's output | $EXCEPTIONS |
| samples | $SAMPLES, every $SAMPLE s (a full GC before each heap figure); shell commands every $SHELL_EVERY s |

| metric | first quarter | last quarter | change | min | max | verdict |
| --- | --- | --- | --- | --- | --- | --- |
$VERDICT_TABLE

Live objects that grew most from the first sample to the end (\`jcmd GC.class_histogram\`, each after a full GC):

| class | instances | KB | KB at the end |
| --- | --- | --- | --- |
${HISTOGRAM:-| (none grew) | | | |}

Samples: [$(basename "$CSV")]($(basename "$CSV")); chart: [$(basename "$SVG")]($(basename "$SVG")).
Run by \`bench/run-soak.sh\` (SOAK_MINUTES=$MINUTES).
EOF
)
printf '%s\n' "$REPORT" >"$OUT"
printf '%s\n' "$REPORT"
log "wrote $OUT, $CSV, $SVG"
