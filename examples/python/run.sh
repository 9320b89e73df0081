#!/usr/bin/env bash
# Starts the Python contenders for iobench, or stops them:
#   Flask on Gunicorn (4 workers x 2 threads, 8 requests at once) on 127.0.0.1:8002
#   Quart on Hypercorn (4 asyncio workers)                        on 127.0.0.1:8003
# both calling the sim at IOBENCH_PY_SIM_URL (default http://127.0.0.1:8001).
#
#   examples/python/run.sh [start]   start both, wait until both /health answer, write their PIDs
#   examples/python/run.sh status    say whether each runs and answers /health
#   examples/python/run.sh stop      stop both (SIGTERM, then SIGKILL after IOBENCH_PY_STOP_TIMEOUT)
#
# Settings (environment):
#   IOBENCH_PY_SIM_URL      the sim's base URL                      http://127.0.0.1:8001
#   IOBENCH_PY_HOST         address both bind                       127.0.0.1
#   IOBENCH_PY_FLASK_PORT   Gunicorn's port                         8002
#   IOBENCH_PY_QUART_PORT   Hypercorn's port                        8003
#   IOBENCH_PY_WORKERS      processes of each server                4
#   IOBENCH_PY_THREADS      threads per Gunicorn worker             2
#   IOBENCH_PY_WORKER_CONNECTIONS  connections a Gunicorn worker takes  1000 (Gunicorn's default)
#                           (a gthread worker accepts connections beyond its threads and queues them, so
#                           clients wait unevenly; 2 makes each worker take only what its threads serve)
#   IOBENCH_PY_KEEP_ALIVE   seconds both keep an idle connection    unset: each server's own default
#                           (Gunicorn 2 s, Hypercorn 5 s), as users run them; iobench's generator sends a
#                           request that meets a connection they closed idle again on a new one and
#                           counts it (stale_retries)
#   IOBENCH_PY_RUN_DIR      PID files and logs                      examples/python/run
#   IOBENCH_PY_PYTHON       Debian's interpreter (not a pyenv one)  /usr/bin/python3
#   IOBENCH_PY_HEALTH_TIMEOUT  seconds to wait for /health          30
#   IOBENCH_PY_STOP_TIMEOUT    seconds to wait after SIGTERM         15
# The apps also read IOBENCH_PY_MAX_DELAY_S (60), IOBENCH_PY_MAX_CONCURRENT (1000) and, for
# Flask's parallel strategy, IOBENCH_PY_FANOUT_THREADS (8).
#
# Exit codes: 0 done; 2 invalid input (a command or setting); 3 could not run (packages or curl
# missing, already running, a server that did not answer /health in time).
set -eu

DIR=$(cd "$(dirname "$0")" && pwd)
HOST=${IOBENCH_PY_HOST:-127.0.0.1}
FLASK_PORT=${IOBENCH_PY_FLASK_PORT:-8002}
QUART_PORT=${IOBENCH_PY_QUART_PORT:-8003}
WORKERS=${IOBENCH_PY_WORKERS:-4}
THREADS=${IOBENCH_PY_THREADS:-2}
WORKER_CONNECTIONS=${IOBENCH_PY_WORKER_CONNECTIONS:-1000}
KEEP_ALIVE=${IOBENCH_PY_KEEP_ALIVE:-}
RUN_DIR=${IOBENCH_PY_RUN_DIR:-$DIR/run}
PYTHON=${IOBENCH_PY_PYTHON:-/usr/bin/python3}
HEALTH_TIMEOUT=${IOBENCH_PY_HEALTH_TIMEOUT:-30}
STOP_TIMEOUT=${IOBENCH_PY_STOP_TIMEOUT:-15}
export IOBENCH_PY_SIM_URL=${IOBENCH_PY_SIM_URL:-http://127.0.0.1:8001}

PACKAGES="python3-flask gunicorn python3-quart python3-hypercorn python3-aiohttp python3-requests"
INSTALL="sudo apt-get install -y $PACKAGES"

say() { printf 'run.sh: %s\n' "$*" >&2; }

require_number() { # name value min max
    case $2 in
        '' | *[!0-9]*) say "$1=$2 is invalid; allowed: an integer from $3 to $4"; exit 2 ;;
    esac
    if [ "$2" -lt "$3" ] || [ "$2" -gt "$4" ]; then
        say "$1=$2 is invalid; allowed: an integer from $3 to $4"; exit 2
    fi
}

check_settings() {
    require_number IOBENCH_PY_FLASK_PORT "$FLASK_PORT" 1 65535
    require_number IOBENCH_PY_QUART_PORT "$QUART_PORT" 1 65535
    require_number IOBENCH_PY_WORKERS "$WORKERS" 1 64
    require_number IOBENCH_PY_THREADS "$THREADS" 1 1000
    require_number IOBENCH_PY_WORKER_CONNECTIONS "$WORKER_CONNECTIONS" 1 100000
    if [ -n "$KEEP_ALIVE" ]; then require_number IOBENCH_PY_KEEP_ALIVE "$KEEP_ALIVE" 1 3600; fi
    require_number IOBENCH_PY_HEALTH_TIMEOUT "$HEALTH_TIMEOUT" 1 600
    require_number IOBENCH_PY_STOP_TIMEOUT "$STOP_TIMEOUT" 1 600
    if [ "$FLASK_PORT" = "$QUART_PORT" ]; then
        say "IOBENCH_PY_FLASK_PORT and IOBENCH_PY_QUART_PORT are both $FLASK_PORT; give them different ports"; exit 2
    fi
}

check_packages() {
    missing=""
    if command -v dpkg-query >/dev/null 2>&1; then
        for p in $PACKAGES; do
            status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
            case $status in *" installed") ;; *) missing="$missing $p" ;; esac
        done
    fi
    if [ ! -x "$PYTHON" ]; then
        say "no Python at $PYTHON (IOBENCH_PY_PYTHON); Debian's is /usr/bin/python3"; exit 3
    fi
    if [ -n "$missing" ]; then
        say "missing Debian packages:$missing"
        say "install them with: $INSTALL"
        exit 3
    fi
    if ! error=$("$PYTHON" -c 'import flask, gunicorn, quart, hypercorn, aiohttp, requests' 2>&1); then
        say "$PYTHON cannot import the apps' modules: $(printf '%s\n' "$error" | tail -n 1)"
        say "use Debian's interpreter (IOBENCH_PY_PYTHON=/usr/bin/python3; a pyenv or venv python3 does not see"
        say "Debian's packages), and install the packages with: $INSTALL"
        exit 3
    fi
}

check_app_settings() { # the apps' own environment settings, checked before anything starts
    if ! error=$(cd "$DIR" && "$PYTHON" -c 'import contract; contract.check_settings()' 2>&1); then
        say "$(printf '%s\n' "$error" | tail -n 1 | sed 's/^contract.SettingError: //')"
        exit 2
    fi
}

check_curl() { # start and status ask through curl; without it every port would look taken, every server down
    if ! command -v curl >/dev/null 2>&1; then
        say "curl is missing: sudo apt-get install curl"; exit 3
    fi
}

port_free() { # port: nothing answers a TCP connection there (curl's exit code 7: could not connect)
    rc=0
    curl -s -o /dev/null --max-time 2 "http://$HOST:$1/" 2>/dev/null || rc=$?
    [ "$rc" -eq 7 ]
}

pid_of() { # name -> the PID in its file if that process runs, else nothing
    f="$RUN_DIR/$1.pid"
    [ -f "$f" ] || return 0
    pid=$(cat "$f" 2>/dev/null || true)
    case $pid in '' | *[!0-9]*) return 0 ;; esac
    kill -0 "$pid" 2>/dev/null && echo "$pid" || true
}

healthy() { # name port: /health answers 200 with our role (not some other server on that port)
    curl -fsS --max-time 2 "http://$HOST:$2/health" 2>/dev/null | grep -Eq "\"role\": *\"$1\""
}

start() {
    check_curl
    check_settings
    check_packages
    check_app_settings
    for name in flask quart; do
        pid=$(pid_of "$name")
        if [ -n "$pid" ]; then
            say "$name already runs (PID $pid, $RUN_DIR/$name.pid); run.sh stop first"; exit 3
        fi
    done
    for port in "$FLASK_PORT" "$QUART_PORT"; do
        if ! port_free "$port"; then
            say "something already listens on $HOST:$port; stop it or choose another port (IOBENCH_PY_FLASK_PORT, IOBENCH_PY_QUART_PORT)"
            exit 3
        fi
    done
    mkdir -p "$RUN_DIR"
    cd "$DIR"
    # Each PID is the server's master process: Gunicorn's arbiter, Hypercorn's parent of its workers.
    PYTHONPATH="$DIR" nohup "$PYTHON" -m gunicorn --chdir "$DIR" -w "$WORKERS" --threads "$THREADS" -k gthread \
        --worker-connections "$WORKER_CONNECTIONS" ${KEEP_ALIVE:+--keep-alive "$KEEP_ALIVE"} -b "$HOST:$FLASK_PORT" \
        --timeout 120 --graceful-timeout 10 flask_app:app \
        >"$RUN_DIR/flask.log" 2>&1 &
    echo $! >"$RUN_DIR/flask.pid"
    PYTHONPATH="$DIR" nohup "$PYTHON" -m hypercorn -w "$WORKERS" -k asyncio -b "$HOST:$QUART_PORT" \
        ${KEEP_ALIVE:+--keep-alive "$KEEP_ALIVE"} --graceful-timeout 10 quart_app:app \
        >"$RUN_DIR/quart.log" 2>&1 &
    echo $! >"$RUN_DIR/quart.pid"

    deadline=$(( $(date +%s) + HEALTH_TIMEOUT ))
    for pair in "flask:$FLASK_PORT" "quart:$QUART_PORT"; do
        name=${pair%%:*}
        port=${pair#*:}
        until healthy "$name" "$port"; do
            if [ -z "$(pid_of "$name")" ]; then
                say "$name ended before answering /health; the end of $RUN_DIR/$name.log:"
                tail -n 15 "$RUN_DIR/$name.log" >&2 || true
                stop >/dev/null 2>&1 || true
                exit 3
            fi
            if [ "$(date +%s)" -ge "$deadline" ]; then
                say "$name did not answer http://$HOST:$port/health within $HEALTH_TIMEOUT s; see $RUN_DIR/$name.log"
                stop >/dev/null 2>&1 || true
                exit 3
            fi
            sleep 0.2
        done
    done
    echo "flask: http://$HOST:$FLASK_PORT (Gunicorn, $WORKERS workers x $THREADS threads, PID $(cat "$RUN_DIR/flask.pid"))"
    echo "quart: http://$HOST:$QUART_PORT (Hypercorn, $WORKERS asyncio workers, PID $(cat "$RUN_DIR/quart.pid"))"
    echo "both call $IOBENCH_PY_SIM_URL; PIDs and logs in $RUN_DIR; stop with: $0 stop"
}

stop_one() { # name
    pid=$(pid_of "$1")
    if [ -z "$pid" ]; then
        rm -f "$RUN_DIR/$1.pid"
        echo "$1: not running"
        return 0
    fi
    # Only a process that is one of ours: a stale PID file must not stop anyone else's process.
    if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -Eq "(gunicorn .*flask_app:app|hypercorn .*quart_app:app)"; then
        say "$1: PID $pid is not our $1 server; left alone (remove $RUN_DIR/$1.pid)"
        return 1
    fi
    children=$(cat /proc/"$pid"/task/*/children 2>/dev/null || true)
    kill -TERM "$pid" 2>/dev/null || true
    waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $(( STOP_TIMEOUT * 5 )) ]; do
        sleep 0.2
        waited=$(( waited + 1 ))
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "$1: PID $pid still runs after $STOP_TIMEOUT s; SIGKILL to it and its workers ($children)"
        kill -KILL "$pid" $children 2>/dev/null || true
    fi
    rm -f "$RUN_DIR/$1.pid"
    echo "$1: stopped (PID $pid)"
}

stop() {
    rc=0
    stop_one flask || rc=1
    stop_one quart || rc=1
    return $rc
}

status() {
    check_curl
    rc=0
    for pair in "flask:$FLASK_PORT" "quart:$QUART_PORT"; do
        name=${pair%%:*}
        port=${pair#*:}
        pid=$(pid_of "$name")
        if [ -z "$pid" ]; then
            echo "$name: not running"; rc=3
        elif healthy "$name" "$port"; then
            echo "$name: PID $pid, http://$HOST:$port/health answers"
        else
            echo "$name: PID $pid, but http://$HOST:$port/health does not answer"; rc=3
        fi
    done
    return $rc
}

case ${1:-start} in
    start) start ;;
    stop) stop ;;
    status) status ;;
    -h | --help | help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" ;;
    *) say "unknown command '$1'; allowed: start, stop, status"; exit 2 ;;
esac
