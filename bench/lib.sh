# What the bench/run-*.sh scripts share. Bash; source it first thing, after `set -euo pipefail`:
#
#   # shellcheck source-path=SCRIPTDIR source=lib.sh
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Sourcing it goes to the repository's root (the scripts' paths are relative to it) and sets REPO to it; finds the
# JDK as ./mvnw finds it (.mvn/jdk.sh), or exits saying why, and sets JAVA (its bin/java), JDK (its feature version:
# 21, 25, ...) and PICOGATE_JAVA_HOME (for jcmd and the like); and sets these JVM options for that JDK (arrays, empty
# where they do not apply):
#   UNSAFE_ALLOW  --sun-misc-unsafe-memory-access=allow from JDK 24, which warns when JMH, Netty or Felix use
#                 sun.misc.Unsafe
#   COH_ON        compact object headers on: a product option from JDK 25, experimental in 24, absent before
#   COH_OFF       compact object headers off, where there are any
#   JDK_OPTS      what the gateway's benchmark JVMs get, as ./picogate run: UNSAFE_ALLOW, and compact object headers
#                 from JDK 25
# The rest is functions, each described where it is defined: log, die, need, need_free_port, stale, build,
# apt_install, need_nginx, nginx_conf, pin_cores, seed_page, load_average, cpu_model, await_port, stop_process,
# stop_server, result_value, median_range, write_report.
# shellcheck shell=bash disable=SC2034 # the variables set here are for the scripts that source it

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
REPO=$PWD

# log MESSAGE...: a line on stderr (stdout is the report)
log() { printf '%s\n' "$*" >&2; }

# die MESSAGE...: log it and exit 1
die() {
  log "$@"
  exit 1
}

# shellcheck source-path=SCRIPTDIR source=../.mvn/jdk.sh
. .mvn/jdk.sh
picogate_find_jdk || { picogate_no_jdk; exit 1; }
JAVA=$PICOGATE_JAVA_HOME/bin/java
JDK=$PICOGATE_JAVA_VERSION

UNSAFE_ALLOW=() COH_ON=() COH_OFF=() JDK_OPTS=()
if [ "$JDK" -ge 24 ]; then
  UNSAFE_ALLOW=(--sun-misc-unsafe-memory-access=allow)
fi
if [ "$JDK" -ge 25 ]; then
  COH_ON=(-XX:+UseCompactObjectHeaders) COH_OFF=(-XX:-UseCompactObjectHeaders)
elif [ "$JDK" -ge 24 ]; then
  COH_ON=(-XX:+UnlockExperimentalVMOptions -XX:+UseCompactObjectHeaders)
  COH_OFF=(-XX:+UnlockExperimentalVMOptions -XX:-UseCompactObjectHeaders)
fi
JDK_OPTS=("${UNSAFE_ALLOW[@]}")
if [ "$JDK" -ge 25 ]; then
  JDK_OPTS+=(-XX:+UseCompactObjectHeaders)
fi

# need COMMAND [WHAT]: exits unless COMMAND is on the PATH, saying "WHAT is missing" (WHAT: COMMAND by default)
need() {
  command -v "$1" >/dev/null || die "${2:-$1} is missing"
}

# need_free_port PORT [SETTING]: exits if something answers on 127.0.0.1:PORT, naming the SETTING that chooses
# another port (BENCH_PORT by default)
need_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    die "port $1 is in use; set ${2:-BENCH_PORT}"
  fi
}

# stale FILE [PATH...]: true when FILE is missing, or older than a file under one of the PATHs
stale() {
  local file=$1
  shift
  [ ! -f "$file" ] || { [ $# -gt 0 ] && [ -n "$(find "$@" -newer "$file" -print -quit)" ]; }
}

# build [--lock] WHAT MAVEN_ARGS...: logs "building WHAT ...", then ./mvnw -B -q -DskipTests MAVEN_ARGS, its output
# on stderr. --lock holds the machine's Maven lock (/tmp/picogate-mvn.lock) meanwhile, so that the build waits for
# other builds; without it, for scripts meant to run while holding that lock (the build would wait for ever).
#   stale "$JAR" bench/src bench/pom.xml && build "$JAR" -pl bench -am package
build() {
  local lock=()
  if [ "$1" = --lock ]; then
    lock=(flock /tmp/picogate-mvn.lock)
    shift
  fi
  log "building $1 ..."
  shift
  "${lock[@]}" ./mvnw -B -q -DskipTests "$@" >&2
}

# apt_install PACKAGE...: apt-get install, after apt-get update if it fails at first (each step 5 minutes at most,
# output on stderr); false if the packages could not be installed
apt_install() {
  log "installing $* ..."
  timeout 300 apt-get install -y "$@" >&2 ||
    { timeout 300 apt-get update >&2 && timeout 300 apt-get install -y "$@" >&2; }
}

# need_nginx: sets NGINX to nginx (on the PATH, or /usr/sbin/nginx), installing nginx-light (else nginx) when it is
# missing; exits if there is none
need_nginx() {
  if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    apt_install nginx-light || apt_install nginx || true
  fi
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  [ -x "$NGINX" ] || die "nginx is missing and could not be installed"
}

# nginx_conf DIR ROOT LISTEN [DIRECTIVE...]: writes DIR/nginx.conf: one worker, in the foreground, serving the files
# of ROOT at LISTEN (the listen directive's parameters: 127.0.0.1:PORT and options such as backlog=4096), no access
# log, sendfile on, each DIRECTIVE (such as "keepalive_requests 100000") in its http block, every file it writes
# under DIR. Start it with: "$NGINX" -p DIR -c DIR/nginx.conf
nginx_conf() {
  local dir=$1 root=$2 listen=$3 directive
  shift 3
  mkdir -p "$dir"
  {
    printf '%s\n' "worker_processes 1;" "daemon off;" "pid $dir/nginx.pid;" "error_log $dir/error.log warn;" \
      "events { worker_connections 4096; }" "http {" "  access_log off;" "  sendfile on;"
    for directive in "$@"; do printf '  %s;\n' "$directive"; done
    printf '%s\n' "  types { text/html html; }" "  client_body_temp_path $dir/body;" "  proxy_temp_path $dir/proxy;" \
      "  fastcgi_temp_path $dir/fastcgi;" "  uwsgi_temp_path $dir/uwsgi;" "  scgi_temp_path $dir/scgi;" \
      "  server {" "    listen $listen;" "    root $root;" "  }" "}"
  } >"$dir/nginx.conf"
}

# pin_cores: with two cores or more and taskset, PIN_SERVER=(taskset -c 0) and PIN_LOAD=(taskset -c 1); otherwise
# both empty. Prefix commands with them: "${PIN_SERVER[@]}" "$JAVA" ...
pin_cores() {
  PIN_SERVER=() PIN_LOAD=()
  if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
    PIN_SERVER=(taskset -c 0) PIN_LOAD=(taskset -c 1)
  fi
}

# seed_page FILE: the seed benchmark's page, b"Hello.\r\n" * 1500 (12000 bytes), readable by every user (nginx's
# worker)
seed_page() {
  local i
  for i in $(seq 1500); do printf 'Hello.\r\n'; done >"$1"
  chmod 644 "$1"
}

# load_average: the 1, 5 and 15-minute load averages, "unknown" without /proc
load_average() {
  cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown
}

# cpu_model: the processor's model name, as /proc/cpuinfo gives it (nothing without it)
cpu_model() {
  sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1
}

# await_port PORT [PID]: waits (at most 60 s) until something answers on 127.0.0.1:PORT; false if it does not, or if
# the process PID ends first
await_port() {
  local i
  for i in $(seq 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    [ -z "${2:-}" ] || kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# stop_process PID [SECONDS]: asks process PID to end (SIGTERM), kills it once SECONDS (5) have passed, and reaps it
# when it is this shell's child. Never fails.
stop_process() {
  local i
  kill "$1" 2>/dev/null || true
  for i in $(seq $((${2:-5} * 10))); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# stop_server [SECONDS]: stops the process whose id SERVER_PID holds, if any (stop_process, SECONDS before it is
# killed), and empties SERVER_PID; for the scripts that start one server at a time and set SERVER_PID. Never fails.
stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    stop_process "$SERVER_PID" "${1:-5}"
    SERVER_PID=
  fi
}

# result_value FILE KEY: the value of KEY in the last "RESULT key=value ..." line of FILE (what the probes print)
result_value() {
  grep '^RESULT' "$1" | tail -n 1 | tr ' ' '\n' | sed -n "s/^$2=//p"
}

# median_range: of the numbers on stdin (one a line, blank lines skipped), "median (min–max)" of their whole parts;
# "failed" when there are none
median_range() {
  local values n
  values=$(grep . | sort -n) || true
  [ -n "$values" ] || { echo failed; return; }
  n=$(printf '%s\n' "$values" | wc -l)
  printf '%s (%s–%s)' "$(printf '%s\n' "$values" | sed -n "$(((n + 1) / 2))p" | cut -d. -f1)" \
    "$(printf '%s\n' "$values" | head -n 1 | cut -d. -f1)" "$(printf '%s\n' "$values" | tail -n 1 | cut -d. -f1)"
}

# write_report FILE: copies stdin (the report) to stdout and to FILE, making FILE's folder when missing, then logs
# where it went
write_report() {
  mkdir -p "$(dirname "$1")"
  tee "$1"
  log "written to $1"
}
