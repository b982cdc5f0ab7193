# Finds a JDK 21 or newer for Picogate. POSIX sh, sourced by ./mvnw and ./picogate; defines functions only.
#
# Order: JAVA_HOME if it is 21+, then `java` on the PATH if it is 21+, then the newest 21+ JDK in the usual
# folders. A JDK's version is read from its `release` file, else from `bin/java -version`.

PICOGATE_MIN_JAVA=21

# picogate_version_of JAVA_HOME_DIR: prints the feature version (17, 21, 25, ...), 0 when unknown.
picogate_version_of() {
  _pg_v=
  if [ -f "$1/release" ]; then
    _pg_v=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$1/release" 2>/dev/null) || _pg_v=
  fi
  if [ -z "$_pg_v" ] && [ -x "$1/bin/java" ]; then
    _pg_v=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p') || _pg_v=
  fi
  case $_pg_v in 1.*) _pg_v=${_pg_v#1.} ;; esac
  _pg_v=${_pg_v%%[!0-9]*}
  printf '%s\n' "${_pg_v:-0}"
}

# picogate_path_java_home: prints the home of the `java` on the PATH (nothing if there is none).
picogate_path_java_home() {
  command -v java >/dev/null 2>&1 || return 0
  java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p' | head -n 1
}

# picogate_find_jdk [javac]: sets PICOGATE_JAVA_HOME and PICOGATE_JAVA_VERSION to a JDK 21+ (with javac when
# asked) and returns 0; returns 1 if there is none. Also sets PICOGATE_DEFAULT_JAVA_HOME and
# PICOGATE_DEFAULT_JAVA_VERSION to what JAVA_HOME, else the PATH, gives (empty and 0 if nothing).
picogate_find_jdk() {
  _pg_tool=${1:-java}
  PICOGATE_JAVA_HOME= PICOGATE_JAVA_VERSION=0 PICOGATE_DEFAULT_JAVA_HOME= PICOGATE_DEFAULT_JAVA_VERSION=0
  for _pg_home in "${JAVA_HOME-}" "$(picogate_path_java_home)"; do
    [ -n "$_pg_home" ] && [ -x "$_pg_home/bin/java" ] || continue
    _pg_v=$(picogate_version_of "$_pg_home")
    if [ -z "$PICOGATE_DEFAULT_JAVA_HOME" ]; then
      PICOGATE_DEFAULT_JAVA_HOME=$_pg_home PICOGATE_DEFAULT_JAVA_VERSION=$_pg_v
    fi
    if [ "$_pg_v" -ge "$PICOGATE_MIN_JAVA" ] && [ -x "$_pg_home/bin/$_pg_tool" ]; then
      PICOGATE_JAVA_HOME=$_pg_home PICOGATE_JAVA_VERSION=$_pg_v
      return 0
    fi
  done
  # JAVA<n>_HOME variables and the usual JDK folders (Linux packages, manual installs, SDKMAN!, IDE downloads,
  # macOS); the newest wins
  case $- in *f*) _pg_noglob=1 ;; *) _pg_noglob= ;; esac
  set +f
  # (in JAVA<n>_HOME values a space becomes '?', which the glob turns back into the space)
  for _pg_home in $(env | sed -n 's/^JAVA[0-9][0-9]*_HOME=//p' | tr ' ' '?') \
    /usr/lib/jvm/* /usr/java/* /opt/java/* "${HOME-}"/.sdkman/candidates/java/* "${HOME-}"/.jdks/* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home "${HOME-}"/Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$_pg_home/bin/java" ] && [ -x "$_pg_home/bin/$_pg_tool" ] || continue
    _pg_v=$(picogate_version_of "$_pg_home")
    if [ "$_pg_v" -ge "$PICOGATE_MIN_JAVA" ] && [ "$_pg_v" -gt "$PICOGATE_JAVA_VERSION" ]; then
      PICOGATE_JAVA_HOME=$_pg_home PICOGATE_JAVA_VERSION=$_pg_v
    fi
  done
  [ -z "$_pg_noglob" ] || set -f
  [ -n "$PICOGATE_JAVA_HOME" ]
}

# picogate_no_jdk: the one message printed when no JDK 21+ is found.
picogate_no_jdk() {
  if [ -n "$PICOGATE_DEFAULT_JAVA_HOME" ]; then
    _pg_had="the default is Java $PICOGATE_DEFAULT_JAVA_VERSION in $PICOGATE_DEFAULT_JAVA_HOME"
  else
    _pg_had="no java on the PATH and no JAVA_HOME"
  fi
  echo "Picogate needs a JDK $PICOGATE_MIN_JAVA or newer and found none ($_pg_had; also searched JAVA<n>_HOME, /usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman, ~/.jdks and /Library/Java). Install one (e.g. Temurin 21+ or the openjdk-21-jdk package) or set JAVA_HOME to it." >&2
}

# picogate_build_jdk: for ./mvnw. Maven itself runs on the default Java when that is 17+ (bnd's Maven plugins
# need 17), and maven-toolchains-plugin compiles and tests on a JDK 21+ it discovers (JAVA<n>_HOME points it at
# the one found here). With an older default Java, or none, Maven runs on the JDK found here.
picogate_build_jdk() {
  picogate_find_jdk javac || { picogate_no_jdk; return 1; }
  [ "$PICOGATE_JAVA_HOME" != "$PICOGATE_DEFAULT_JAVA_HOME" ] || return 0
  if [ "$PICOGATE_DEFAULT_JAVA_VERSION" -lt 17 ]; then
    JAVA_HOME=$PICOGATE_JAVA_HOME
    export JAVA_HOME
  fi
  eval "JAVA${PICOGATE_JAVA_VERSION}_HOME=\$PICOGATE_JAVA_HOME; export JAVA${PICOGATE_JAVA_VERSION}_HOME"
}
