#!/usr/bin/env bash
# Measures the scheduler: JMH timer benchmarks (Picogate against the JDK's ScheduledThreadPoolExecutor, in
# the same run) and the memory probe (bytes per pending timer and per sleeping task, 1 M sleeping tasks in a
# 2 GB heap), each probe in a JVM of its own, with and without compact object headers. Prints a Markdown
# report and writes it to bench/results/scheduler-<date>.md. Takes about 3-4 minutes.
#
#   bench/run-scheduler.sh            # everything
#   BENCH_JMH_ARGS='-f 1 -wi 5 -i 10 -w 2s -r 2s' bench/run-scheduler.sh   # longer JMH runs
#   BENCH_OUT=/tmp/report.md bench/run-scheduler.sh                        # report elsewhere
#
# The JDK is found like ./mvnw finds it (.mvn/jdk.sh); bench/target/benchmarks.jar is built when it is
# missing or older than the sources. Nothing is pinned to a core: figures are from whatever machine runs it.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
JAR=bench/target/benchmarks.jar
JMH_ARGS=${BENCH_JMH_ARGS:--f 1 -wi 3 -i 5 -w 1s -r 1s}
OUT=${BENCH_OUT:-bench/results/scheduler-$(date +%F).md}
TIMERS=1000000
TASKS=100000
MANY_TASKS=1000000
TASK_RUNS='1 2 3 4 5'

if stale "$JAR" scheduler.bundle/src/main bench/src bench/pom.xml; then
  build "$JAR" -pl bench -am package
fi

LOAD_START=$(load_average)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# ---- JMH ----
# JMH 1.37 uses sun.misc.Unsafe: UNSAFE_ALLOW (lib.sh) keeps JDK 24+ from warning, in JMH's forked JVM too.
log "JMH: TimerBench ($JMH_ARGS, -prof gc) ..."
# shellcheck disable=SC2086 # JMH_ARGS is a list of options
"$JAVA" "${UNSAFE_ALLOW[@]}" -jar "$JAR" 'org.picogate.bench.TimerBench' $JMH_ARGS -prof gc \
  ${UNSAFE_ALLOW[0]:+-jvmArgsAppend "${UNSAFE_ALLOW[0]}"} -rf csv -rff "$WORK/jmh.csv" >"$WORK/jmh.txt" 2>&1 || {
  tail -n 30 "$WORK/jmh.txt" >&2
  log "JMH failed"
  exit 1
}

# jmh VALUE_KIND BENCHMARK: "score ± error" of org.picogate.bench.TimerBench.BENCHMARK (VALUE_KIND: time|alloc)
jmh() {
  local name=org.picogate.bench.TimerBench.$2
  [ "$1" = alloc ] && name=$name:gc.alloc.rate.norm
  awk -F, -v n="\"$name\"" -v kind="$1" '$1 == n {
    if (kind == "alloc") printf "%.0f", $5; else if ($6 == "NaN") printf "%.0f", $5; else printf "%.0f ± %.0f", $5, $6
  }' "$WORK/jmh.csv"
}

# ---- probes ----
# probe LABEL JVM-OPTIONS... -- ARGS...: runs the class after --, keeps its output in $WORK/LABEL.{out,err}
probe() {
  local label=$1
  shift
  local opts=()
  while [ "$1" != -- ]; do opts+=("$1"); shift; done
  shift
  log "probe $label: ${opts[*]} $*"
  "$JAVA" "${opts[@]}" -cp "$JAR" "$@" >"$WORK/$label.out" 2>"$WORK/$label.err" || echo "RESULT success=false exit=$?" >>"$WORK/$label.out"
}

# kv LABEL KEY: the value of KEY in the probe's (last) RESULT line
kv() { result_value "$WORK/$1.out" "$2"; }

probe burst -- org.picogate.bench.CallbackProbe

MEMORY=(org.picogate.bench.MemoryProbe)
for coh in off on; do
  if [ "$coh" = on ]; then flags=("${COH_ON[@]}"); else flags=("${COH_OFF[@]}"); fi
  if [ "$coh" = on ] && [ ${#flags[@]} -eq 0 ]; then
    continue # no compact headers before JDK 24
  fi
  # the serial collector counts the heap in use exactly after a full GC
  probe "timers-picogate-$coh" "${flags[@]}" -XX:+UseSerialGC -Xmx1g -- "${MEMORY[@]}" timers-picogate $TIMERS
  probe "timers-stpe-$coh" "${flags[@]}" -XX:+UseSerialGC -Xmx1g -- "${MEMORY[@]}" timers-stpe $TIMERS
  for run in $TASK_RUNS; do # a parked task's stack size depends on how the JIT compiled its frames
    probe "tasks-$coh-$run" "${flags[@]}" -XX:+UseSerialGC -Xmx1g -- "${MEMORY[@]}" tasks $TASKS
  done
  # 1 M tasks as a gateway would run them: default collector, 2 GB heap
  probe "many-$coh" "${flags[@]}" -Xmx2g -XX:+ExitOnOutOfMemoryError -- "${MEMORY[@]}" tasks $MANY_TASKS
done

# tasks_stat COH KEY: "median (min–max)" of KEY (bytesPerItem, stackBytesPerItem) over the sleeping-task runs
tasks_stat() {
  [ -f "$WORK/tasks-$1-1.out" ] || { echo "n/a"; return; }
  for run in $TASK_RUNS; do kv "tasks-$1-$run" "$2" || true; done | median_range
}

bytes() { # bytes LABEL: bytes per item, "n/a" if not run, "failed"
  [ -f "$WORK/$1.out" ] || { echo "n/a"; return; }
  local v
  v=$(kv "$1" bytesPerItem)
  echo "${v:-failed}"
}

many() { # many COH: success, bytes per task, time until all asleep
  [ -f "$WORK/many-$1.out" ] || { echo "n/a"; return; }
  local ok
  ok=$(kv "many-$1" success)
  if [ "$ok" = true ]; then
    printf 'yes: %s B/task, all asleep %s s after the first spawn' "$(kv "many-$1" bytesPerItem | cut -d. -f1)" \
      "$(awk -v ms="$(kv "many-$1" asleepMs)" 'BEGIN { printf "%.1f", ms / 1000 }')"
  else
    printf 'NO (%s)' "$(grep '^RESULT' "$WORK/many-$1.out" | tail -n 1 | cut -c8-)"
  fi
}

cancel_many() { # cancel_many COH: how close() of 1 M sleeping tasks went
  [ "$(kv "many-$1" success)" = true ] || { echo "n/a"; return; }
  printf '%s s until all ended (%s still running when close() returned after the 2 s grace; warning logged: %s bytes)' \
    "$(awk -v ms="$(kv "many-$1" allEndedMs)" 'BEGIN { printf "%.1f", ms / 1000 }')" \
    "$(kv "many-$1" leftAfterClose)" "$(wc -c <"$WORK/many-$1.err" | tr -d ' ')"
}

burst() { # burst SIZE KEY
  grep "^RESULT mode=burst burst=$1 " "$WORK/burst.out" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

# ---- report ----
LOAD_END=$(load_average)
cpu=$(cpu_model)
jdk_line=$("$JAVA" -version 2>&1 | sed -n 2p)
report() {
  cat <<EOF
## Scheduler benchmark, $(date +%F)

Command: \`bench/run-scheduler.sh\` (JMH \`$JMH_ARGS -prof gc\`; memory probe in a JVM of its own per figure).
Machine: $(nproc) cores${cpu:+ ($cpu)}, nothing pinned; the benchmark thread, Picogate's timer thread and the
virtual-thread carriers share these cores. JDK: $jdk_line. Load average (1, 5, 15 min) before the run:
$LOAD_START, after: $LOAD_END (anything else busy on the machine skews the figures, the round trip most).

| metric | Picogate | JDK STPE (1 thread) | target |
| --- | --- | --- | --- |
| schedule+fire, batches of 1000 \`callLater(0)\` then await all (ns/timer) | $(jmh time picogateScheduleFire) | $(jmh time stpeScheduleFire) | none (design.md: STPE ~600) |
| schedule+fire, one timer round trip, idle scheduler (ns) | $(jmh time picogateScheduleFireOne) | $(jmh time stpeScheduleFireOne) | |
| schedule+cancel, batches of 1000, due in 1 h (ns/timer) | $(jmh time picogateScheduleCancel) | $(jmh time stpeScheduleCancel) | |
| allocated per timer, schedule+fire (B, all threads) | $(jmh alloc picogateScheduleFire) | $(jmh alloc stpeScheduleFire) | |
| allocated per timer, schedule+cancel (B) | $(jmh alloc picogateScheduleCancel) | $(jmh alloc stpeScheduleCancel) | |
| callback tasks started per callback, bursts of 1000 / of 1 | $(burst 1000 spawnedPerCallback) / $(burst 1 spawnedPerCallback) | n/a | 1 per burst |
| heap per pending timer, $TIMERS × \`callLater(1 h)\` (B) | $(bytes timers-picogate-off) | $(bytes timers-stpe-off) | ≤ 40 (STPE 85–101) |
| same, \`-XX:+UseCompactObjectHeaders\` (B) | $(bytes timers-picogate-on) | $(bytes timers-stpe-on) | ≤ 40 |
| heap per sleeping task, $TASKS × \`sleep(1 h)\`, median (min–max) of 5 (B) | $(tasks_stat off bytesPerItem) | n/a | ≤ 1024 |
| of which its parked stack (\`StackChunk\`) (B) | $(tasks_stat off stackBytesPerItem) | n/a | |
| same, compact headers (B) | $(tasks_stat on bytesPerItem) | n/a | ≤ 1024 |
| of which its parked stack (B) | $(tasks_stat on stackBytesPerItem) | n/a | |
| $MANY_TASKS sleeping tasks in \`-Xmx2g\` (G1) | $(many off) | n/a | succeeds |
| same, compact headers | $(many on) | n/a | succeeds |
| cancel those $MANY_TASKS (\`close()\`) | $(cancel_many off) | n/a | |

Heap figures: heap in use after full GCs (serial collector, except the $MANY_TASKS run), after minus before,
divided by the count. "ns/timer" figures are JMH averages ± 99.9 % error over the batch; the round trip is
latency (three thread wake-ups for Picogate, two for STPE), not cost. A sleeping task's parked stack
(\`StackChunk\` below) is most of its size and varies from run to run with how the JIT compiled its frames.

### Raw results

JMH:

\`\`\`
$(sed -n '/^Benchmark  /,$p' "$WORK/jmh.txt" | grep -v '^Benchmark result is saved')
\`\`\`

Callback bursts (\`CallbackProbe\`):

\`\`\`
$(grep -v '^RESULT' "$WORK/burst.out")
\`\`\`

Memory probe:

\`\`\`
$(for f in "$WORK"/timers-*.out "$WORK"/tasks-*.out "$WORK"/many-*.out; do
    [ -f "$f" ] || continue
    echo "== $(basename "$f" .out)"
    cat "$f"
  done)
\`\`\`
EOF
}

report | write_report "$OUT"
