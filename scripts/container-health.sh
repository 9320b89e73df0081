#!/bin/bash
# The container's health check, without a second JVM beside the one it checks (the image's
# HEALTHCHECK and the compose file run it as /app/healthcheck.sh): GET /health on the port a
# serve-* command wrote to $IOBENCH_HEALTH_FILE, through bash's /dev/tcp, so the image needs no
# curl. The contract of `iobench healthcheck`: exit 0 on HTTP 200, and also when there is no port
# file (the container runs bench or check, not a server); 1 when the server does not answer 200
# within IOBENCH_HEALTH_TIMEOUT_S seconds (default 5); 2 when the file holds no port.
set -u
file=${IOBENCH_HEALTH_FILE:-}
if [ -z "$file" ] || [ ! -f "$file" ]; then
    echo "no server to check"
    exit 0
fi
port=""
read -r port <"$file"
case $port in
    '' | *[!0-9]*) echo "$file holds no port number: '$port'"; exit 2 ;;
esac
if ! exec 3<>"/dev/tcp/127.0.0.1/$port"; then
    echo "nothing listens on port $port"
    exit 1
fi 2>/dev/null
printf 'GET /health HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$port" >&3
status=""
IFS= read -r -t "${IOBENCH_HEALTH_TIMEOUT_S:-5}" status <&3
exec 3<&-
status=${status%$'\r'}
case $status in
    "HTTP/1."[01]" 200"*) echo "port $port answered 200"; exit 0 ;;
    "") echo "port $port did not answer /health in ${IOBENCH_HEALTH_TIMEOUT_S:-5} s"; exit 1 ;;
    *) echo "port $port answered '$status' on /health"; exit 1 ;;
esac
