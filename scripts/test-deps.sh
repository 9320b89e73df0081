#!/usr/bin/env bash
# What the tests need besides a JDK, so that `make test` is the same suite on every machine: found
# here, or installed, or named in one line. `make test` and .ci/run both call it first.
#
#   Debian's headless Chromium and its driver, /usr/bin/chromium and /usr/bin/chromedriver:
#     HtmlReportBrowserTest opens report.html and compare.html in them.
#   /usr/bin/python3 with Flask, Gunicorn, Quart, Hypercorn, aiohttp and requests, and curl:
#     PythonTargetsTest benches examples/python (its run.sh needs curl).
#   kubectl 1.27 or newer on the PATH: KubernetesSchemaTest builds deploy/kubernetes with its
#     kustomize. Debian's kubectl (kubernetes-client 1.20) cannot build the manifests' replacements,
#     so kubectl is only looked for, never installed.
#
# What is missing is installed with apt-get when that needs no password (root, or sudo -n).
# Otherwise, or with --check, it prints one line naming what is missing and the command that
# installs it, and exits 1. A test whose prerequisite is missing fails; none skips.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
case $mode in
    "" | --check) ;;
    *) echo "usage: scripts/test-deps.sh [--check]" >&2; exit 2 ;;
esac

PY_MODULES="flask, gunicorn, quart, hypercorn, aiohttp, requests"
PY_PACKAGES="python3-flask gunicorn python3-quart python3-hypercorn python3-aiohttp python3-requests"

missing() {   # the Debian packages of what is not there, space-separated
    local need=""
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then need="$need chromium chromium-driver"; fi
    if ! /usr/bin/python3 -c "import $PY_MODULES" 2>/dev/null; then need="$need $PY_PACKAGES"; fi
    if ! command -v curl >/dev/null 2>&1; then need="$need curl"; fi
    printf '%s' "${need# }"
}

if ! kubectl kustomize deploy/kubernetes/distributed >/dev/null 2>&1; then
    echo "the manifest test needs kubectl 1.27 or newer on the PATH (its kustomize builds deploy/kubernetes): install it as https://kubernetes.io/docs/tasks/tools/ says, then run make test again" >&2
    exit 1
fi

need=$(missing)
[ -z "$need" ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo="none"; fi
fi
if [ "$mode" = --check ] || [ "$sudo" = none ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "the tests need Debian's $need: install them with 'sudo apt-get install $need' (or run scripts/test-deps.sh as root), then run make test again" >&2
    exit 1
fi

echo "Installing $need for the browser test (report.html) and the Python example test"
$sudo apt-get update -qq
# shellcheck disable=SC2086 # a list of package names
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need >/dev/null
need=$(missing)
if [ -n "$need" ]; then
    echo "the tests need $need, still missing after apt-get install" >&2
    exit 1
fi
