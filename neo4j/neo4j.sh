#!/usr/bin/env bash
# The local Neo4j Community server (development and tests), run from Maven Central's jars.
#
#   neo4j/neo4j.sh available          exit 0 when Java >= 17 and Maven are here
#   neo4j/neo4j.sh fetch              download the pinned Neo4j jars into neo4j/target/lib
#   neo4j/neo4j.sh start DIR PORT...  start one DBMS per Bolt port, data and log in DIR
#   neo4j/neo4j.sh stop DIR           clean shutdown (SIGTERM, then wait)
#   neo4j/neo4j.sh status DIR         running or not
#   neo4j/neo4j.sh report DIR         what the servers logged that can explain a failure
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lib="$here/target/lib"

java_major() {
    java -XshowSettings:properties -version 2>&1 |
        sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

available() {
    command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1 || return 1
    local major
    major="$(java_major)"
    [ -n "$major" ] && [ "$major" -ge 17 ]
}

fetch() {
    if [ ! -f "$lib/.fetched" ] || [ "$here/pom.xml" -nt "$lib/.fetched" ]; then
        echo "neo4j: fetching Neo4j Community from Maven Central (first time: ~125 MB)"
        rm -rf "$lib"
        mvn -q -B -Dstyle.color=never -f "$here/pom.xml" package
        touch "$lib/.fetched"
    fi
}

running_pid() {
    local pidfile="$1/neo4j.pid"
    [ -f "$pidfile" ] || return 1
    local pid
    pid="$(cat "$pidfile")"
    kill -0 "$pid" 2>/dev/null && echo "$pid"
}

start() {
    local dir="$1"
    shift
    [ "$#" -ge 1 ] || { echo "usage: neo4j.sh start DIR PORT..." >&2; exit 2; }
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    if pid="$(running_pid "$dir")"; then
        echo "neo4j: already running (pid $pid) in $dir"
        return 0
    fi
    fetch
    local log="$dir/neo4j.log"
    : >"$log"
    # The JVM flags Neo4j 5 ships with (its off-heap buffers and Netty need them), and a log
    # of the JVM's pauses (DIR/gc.log), for telling a slow statement from a stalled server.
    (cd "$here" && exec java -Xms512m -Xmx3g -XX:+UseG1GC \
        "-Xlog:gc:file=$dir/gc.log:uptime" \
        --add-opens=java.base/java.nio=ALL-UNNAMED \
        --add-opens=java.base/java.io=ALL-UNNAMED \
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
        --add-opens=java.base/java.lang=ALL-UNNAMED \
        -Dio.netty.tryReflectionSetAccessible=true \
        -Djcm.conf="$here/neo4j.conf" \
        -cp "$lib/*" Launcher.java "$dir" "$@") >>"$log" 2>&1 </dev/null &
    echo $! >"$dir/neo4j.pid"
    local waited=0
    until grep -q '^ready$' "$log"; do
        if ! running_pid "$dir" >/dev/null; then
            echo "neo4j: failed to start; the end of $log:" >&2
            tail -n 30 "$log" >&2
            exit 1
        fi
        if [ "$waited" -ge 240 ]; then
            echo "neo4j: not ready after 240 s; see $log" >&2
            stop "$dir"
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    echo "neo4j: ready in ${waited} s ($(grep -c '^bolt://' "$log") server(s), log $log)"
    grep '^bolt://' "$log" | sed 's/^/  /'
}

stop() {
    local dir="$1"
    local pid
    if ! pid="$(running_pid "$dir")"; then
        echo "neo4j: not running in $dir"
        rm -f "$dir/neo4j.pid"
        return 0
    fi
    kill -TERM "$pid"
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "neo4j: still running after 60 s; killing it" >&2
        kill -KILL "$pid"
    fi
    rm -f "$dir/neo4j.pid"
    echo "neo4j: stopped"
}

status() {
    if pid="$(running_pid "$1")"; then
        echo "neo4j: running (pid $pid)"
    else
        echo "neo4j: not running"
        return 1
    fi
}

# The JVM's pauses of half a second or more, and the warnings and errors each DBMS logged
# (its debug.log; Community has no query log), for a failed test run.
report() {
    local dir="$1"
    echo "neo4j: JVM pauses of 0.5 s or more ($dir/gc.log):"
    if [ -f "$dir/gc.log" ]; then
        awk '/ Pause / && $NF ~ /ms$/ { v = $NF; sub(/ms$/, "", v); if (v + 0 >= 500) print "  " $0 }' \
            "$dir/gc.log"
    fi
    local log
    for log in "$dir"/bolt-*/logs/debug.log; do
        [ -f "$log" ] || continue
        echo "neo4j: the last warnings and errors of $log:"
        { grep -E '^[0-9-]+ [0-9:.+]+ (WARN|ERROR) ' "$log" || true; } | tail -n 40 | sed 's/^/  /'
    done
}

command="${1:-}"
shift || true
case "$command" in
available) available ;;
fetch) fetch ;;
start) start "$@" ;;
stop) stop "$@" ;;
status) status "$@" ;;
report) report "$@" ;;
*)
    echo "usage: neo4j.sh available|fetch|start DIR PORT...|stop DIR|status DIR|report DIR" >&2
    exit 2
    ;;
esac
