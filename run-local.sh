#!/usr/bin/env bash
# Builds CareThread and runs the whole platform on this machine: PostgreSQL, Kafka, Keycloak, the five
# services, the staff gateway (http://localhost:8080) and the sandbox carrier (http://localhost:8090).
# Ctrl+C stops everything it started.
#
#   ./run-local.sh                  build, then run
#   ./run-local.sh --no-build       run what was built last time
#   ./run-local.sh --skip-services  infrastructure, gateway and sandbox carrier only
#   ./run-local.sh --fresh          start from empty databases and an empty Kafka
#   ./run-local.sh --help           every launcher option
set -euo pipefail
cd "$(dirname "$0")"

build=true
launcher_args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    *) launcher_args+=("$arg") ;;
  esac
done

if [ -x ./mvnw ]; then
  mvn_cmd=(./mvnw)
elif command -v mvn >/dev/null 2>&1; then
  mvn_cmd=(mvn)
else
  echo "Neither ./mvnw nor mvn is available: install Maven or restore the Maven wrapper." >&2
  exit 1
fi

java_cmd=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_cmd="$JAVA_HOME/bin/java"
fi
if ! "$java_cmd" -version >/dev/null 2>&1; then
  echo "No Java found: CareThread needs a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless)." >&2
  exit 1
fi

if $build; then
  build_log="${TMPDIR:-/tmp}/carethread-build-$$.log"
  echo "==> Building CareThread (${mvn_cmd[*]} -B install -DskipTests); full log: $build_log"
  started=$SECONDS
  # Show the reactor's progress lines only; the whole log stays in the file.
  set +e
  "${mvn_cmd[@]}" -B -ntp install -DskipTests 2>&1 | tee "$build_log" \
    | grep --line-buffered -E '^\[INFO\] Building |BUILD (SUCCESS|FAILURE)|^\[ERROR\]' \
    | grep --line-buffered -vE '^\[INFO\] Building (jar|war|zip|tar|ear)' \
    | sed -u -e 's/^\[INFO\] Building /    building /' -e 's/ *\[\([0-9]*\/[0-9]*\)\]$/  (\1)/'
  status=${PIPESTATUS[0]}
  set -e
  if [ "$status" -ne 0 ]; then
    echo "The build failed (exit $status). Last lines of $build_log:" >&2
    tail -n 40 "$build_log" >&2
    exit "$status"
  fi
  rm -f "$build_log"
  echo "==> Built in $((SECONDS - started)) s"
fi

classpath_file=platform-launcher/target/launcher.classpath
if [ ! -f "$classpath_file" ] || [ ! -d platform-launcher/target/classes ]; then
  echo "The launcher is not built ($classpath_file is missing): run ./run-local.sh without --no-build." >&2
  exit 1
fi

# exec: the launcher gets Ctrl+C directly; its shutdown hook stops every process it started.
exec "$java_cmd" -Xmx256m -cp "platform-launcher/target/classes:$(cat "$classpath_file")" \
  org.carethread.launcher.CareThreadPlatform "${launcher_args[@]+"${launcher_args[@]}"}"
