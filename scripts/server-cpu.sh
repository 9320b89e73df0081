#!/usr/bin/env bash
# CPU per call of one server, measured from outside with wrk (docs/performance.md, "CPU per call").
#
#   scripts/server-cpu.sh ROLE [WARM_S] [MEASURE_S] [BURSTS]
#
# Starts serve-sim and serve-ROLE (sync, async or virtual) from target/iobench.jar on free
# loopback ports, drives /benchmark/io-test?delay=0.025&concurrent=1 with `wrk -c40 -t1` for
# WARM_S seconds (default 100: long enough for C2 to settle), then prints the server's CPU per call
# (utime+stime from /proc, 10 ms ticks) over MEASURE_S seconds (default 15) of continuous load, split
# by thread name, and then for BURSTS (default 3) one-second bursts with 5 s of idle before each,
# the shape of one `bench --isolate` repetition. Needs wrk (Debian: apt-get install wrk) and Linux.
# SERVER_JVM_FLAGS (default: none) are given to serve-ROLE's JVM only, e.g. "-Xmx192m -XX:+UseSerialGC".
set -euo pipefail
ROLE=${1:?usage: scripts/server-cpu.sh sync|async|virtual [WARM_S] [MEASURE_S] [BURSTS]}
WARM_S=${2:-100}
MEASURE_S=${3:-15}
BURSTS=${4:-3}
case "$ROLE" in sync|async|virtual) ;; *) echo "server-cpu.sh: ROLE '$ROLE' is not allowed; expected sync, async or virtual" >&2; exit 2 ;; esac
command -v wrk >/dev/null || { echo "server-cpu.sh: wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
cd "$(dirname "$0")/.."
JAVA_HOME=$(scripts/find-jdk.sh)
JAR=target/iobench.jar
[ -f "$JAR" ] || { echo "server-cpu.sh: $JAR is missing; run make build first" >&2; exit 2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
SIM_PORT=$(free_port)
PORT=$(free_port)
"$JAVA_HOME/bin/java" -jar "$JAR" serve-sim --port "$SIM_PORT" >/dev/null 2>&1 &
SIM=$!
# shellcheck disable=SC2086 # SERVER_JVM_FLAGS is a list of flags
"$JAVA_HOME/bin/java" ${SERVER_JVM_FLAGS:-} -jar "$JAR" "serve-$ROLE" --port "$PORT" --sim-url "http://127.0.0.1:$SIM_PORT" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SIM $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.2; done
URL="http://127.0.0.1:$PORT/benchmark/io-test?delay=0.025&concurrent=1"

ticks() { awk '{print $14+$15}' "/proc/$SERVER/stat"; }
threads() { for t in /proc/$SERVER/task/*; do printf '%s %s %s\n' "$(tr ' ' '_' < "$t/comm")" "$(awk '{print $14+$15}' "$t/stat")" "${t##*/}"; done 2>/dev/null | sort -k3; }
requests() { awk '/requests in/{print $1}'; }

wrk -c40 -t1 -d"${WARM_S}s" "$URL" >/dev/null
threads > /tmp/server-cpu.$$.0
c0=$(ticks)
n=$(wrk -c40 -t1 -d"${MEASURE_S}s" "$URL" | requests)
c1=$(ticks)
threads > /tmp/server-cpu.$$.1
echo "$ROLE, continuous ${MEASURE_S} s after ${WARM_S} s of warm-up: $n calls, $(( (c1 - c0) * 10000 / n )) us of CPU per call; by thread (us per call):"
join -1 3 -2 3 /tmp/server-cpu.$$.0 /tmp/server-cpu.$$.1 \
    | awk -v n="$n" '{d=$5-$3; if (d>0) s[$2]+=d} END {for (k in s) printf "  %-18s %6.1f\n", k, s[k]*10000/n}' | sort -k2 -rn
rm -f /tmp/server-cpu.$$.0 /tmp/server-cpu.$$.1
for i in $(seq "$BURSTS"); do
    sleep 5
    c0=$(ticks)
    n=$(wrk -c40 -t1 -d1s "$URL" | requests)
    c1=$(ticks)
    echo "$ROLE, 1 s burst $i after 5 s idle (new wrk connections): $n calls, $(( (c1 - c0) * 10000 / n )) us of CPU per call"
done
