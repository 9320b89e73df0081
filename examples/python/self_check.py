"""A hand-run check of the two apps against a running sim (Python standard library only).

    examples/python/run.sh                      # with IOBENCH_PY_SIM_URL set to a running sim
    /usr/bin/python3 examples/python/self_check.py [FLASK_URL] [QUART_URL]

Defaults: http://127.0.0.1:8002 and http://127.0.0.1:8003. Sends about 70 requests in all.
Prints every figure it measured and ends with exit code 0 when every check held, 1 otherwise.
"""

import concurrent.futures
import json
import sys
import time
import urllib.error
import urllib.request

FLASK = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8002"
QUART = sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8003"
failures = []


def get(url):
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    elapsed = time.perf_counter() - start
    try:
        return status, json.loads(body), elapsed
    except ValueError:
        return status, body, elapsed


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def fan_out(base, path, original_fields, minimum_s, maximum_s):
    url = f"{base}{path}?delay=0.1&concurrent=5"
    status, body, elapsed = get(url)
    timing = body.get("timing", {}) if isinstance(body, dict) else {}
    results = body.get("results", {}) if isinstance(body, dict) else {}
    check(status == 200, f"{url}: status {status}")
    check(results == {"successful": 5, "failed": 0, "total": 5}, f"{url}: results {results}")
    check(isinstance(body.get("errors_by_kind"), dict), f"{url}: errors_by_kind {body.get('errors_by_kind')}")
    for field in original_fields:
        check(isinstance(timing.get(field), (int, float)), f"{url}: timing.{field} = {timing.get(field)}")
    total = timing.get("total_duration", -1)
    check(minimum_s <= total <= maximum_s,
          f"{url}: total_duration {total:.3f} s (client {elapsed:.3f} s) within {minimum_s}..{maximum_s} s")


def bad(base, query, parameter, path="/benchmark/io-test"):
    url = f"{base}{path}?{query}"
    status, body, _ = get(url)
    named = isinstance(body, dict) and body.get("parameter") == parameter and "allowed" in body
    check(status == 400 and named, f"{url}: {status} {body}")


def clients(base, n, delay):
    url = f"{base}/benchmark/io-test?delay={delay}&concurrent=1"
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(n) as pool:
        answers = list(pool.map(lambda _: get(url), range(n)))
    wall = time.perf_counter() - start
    statuses = sorted({a[0] for a in answers})
    latencies = sorted(a[2] for a in answers)
    return wall, statuses, latencies


for base in (FLASK, QUART):
    status, body, _ = get(base + "/health")
    check(status == 200 and body.get("status") == "ok", f"{base}/health: {status} role={body.get('role')}")

fan_out(FLASK, "/benchmark/flask-io-test",
        ["total_duration", "expected_duration_sync", "requests_per_second"], 0.5, 0.8)
fan_out(FLASK, "/benchmark/io-test", ["total_duration", "expected_duration", "requests_per_second"], 0.5, 0.8)
fan_out(QUART, "/benchmark/quart-io-test",
        ["total_duration", "expected_duration_sync", "expected_duration_async", "requests_per_second",
         "speedup_factor"], 0.1, 0.25)
fan_out(QUART, "/benchmark/io-test", ["total_duration", "expected_duration", "requests_per_second"], 0.1, 0.25)

for base, original in ((FLASK, "/benchmark/flask-io-test"), (QUART, "/benchmark/quart-io-test")):
    for path in ("/benchmark/io-test", original):
        bad(base, "delay=abc&concurrent=5", "delay", path)
        bad(base, "delay=0.1&concurrent=0", "concurrent", path)
        bad(base, "delay=100&concurrent=5", "delay", path)
        bad(base, "concurrent=5", "delay", path)
        bad(base, "delay=0.1&delay=0.2&concurrent=5", "delay", path)
    bad(base, "delay=0.1&concurrent=1001", "concurrent")
    bad(base, "delay=0.1&concurrent=101", "concurrent", original)
    bad(base, "delay=0.05&concurrent=1", "delay", original)
    bad(base, "delay=0.1&concurrent=1&strategy=bogus", "strategy")
    status, body, _ = get(base + "/nowhere")
    check(status == 404 and "error" in body, f"{base}/nowhere: {status} {body}")
bad(QUART, "delay=0.1&concurrent=1&strategy=sequential", "strategy")

wall, statuses, latencies = clients(FLASK, 20, 0.5)
check(statuses == [200] and wall >= 1.5,
      f"flask, 20 clients x 0.5 s: wall {wall:.3f} s (>= 1.5 s: at most 8 at once, so 3 waves or more), statuses {statuses}, "
      f"latency min {latencies[0]:.3f} median {latencies[10]:.3f} max {latencies[-1]:.3f} s")
wall, statuses, latencies = clients(QUART, 20, 0.5)
check(statuses == [200] and wall < 1.0,
      f"quart, 20 clients x 0.5 s: wall {wall:.3f} s (one wave, about 0.5 s), statuses {statuses}, "
      f"latency min {latencies[0]:.3f} median {latencies[10]:.3f} max {latencies[-1]:.3f} s")

print(f"{len(failures)} check(s) failed" if failures else "every check held")
sys.exit(1 if failures else 0)
