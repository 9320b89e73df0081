"""Flask contender for iobench: blocking calls to the sim, served by Gunicorn (4 workers x 2 threads).

    GET /benchmark/flask-io-test?delay=&concurrent=   the original suite's path and answer
    GET /benchmark/io-test?delay=&concurrent=&strategy=sequential|parallel   iobench's contract
    GET /health

Each thread has its own requests.Session (connections kept alive to the sim). `sequential`
(the default, as the original) makes the calls one after another on the request thread;
`parallel` sends them through this worker process's pool of IOBENCH_PY_FANOUT_THREADS threads
(default 8), so K calls take ceil(K / threads) delays.
"""

import concurrent.futures
import math
import os
import threading
import time

import requests
from flask import Flask, jsonify, request

import contract

SIM_URL = contract.sim_url()
MAX_DELAY_S = contract.max_delay_s()
MAX_CONCURRENT = contract.max_concurrent()
FANOUT_THREADS = contract.fanout_threads()
# Per call: the delay plus this, as the original (delay + 5 s).
TIMEOUT_EXTRA_S = 5.0

ENDPOINTS = [
    "GET /health",
    f"GET /benchmark/flask-io-test?delay=SECONDS({contract.ORIGINAL_MIN_DELAY_S:g}..{contract.ORIGINAL_MAX_DELAY_S:g})"
    f"&concurrent=K(1..{contract.ORIGINAL_MAX_CONCURRENT})",
    f"GET /benchmark/io-test?delay=SECONDS(0..{MAX_DELAY_S:g})&concurrent=K(1..{MAX_CONCURRENT})"
    "&strategy=sequential|parallel",
]

app = Flask(__name__, static_folder=None)
app.json.sort_keys = False  # keep the answer in the order written

_local = threading.local()
_pool = None
_pool_lock = threading.Lock()


def _session():
    """One Session per thread: requests.Session is not meant to be shared between threads."""
    session = getattr(_local, "session", None)
    if session is None:
        session = requests.Session()
        _local.session = session
    return session


def _fanout_pool():
    """Made on first use, inside the Gunicorn worker process (never before the fork)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = concurrent.futures.ThreadPoolExecutor(FANOUT_THREADS, thread_name_prefix="flask-fanout")
        return _pool


def _kind(error):
    """Sorts a requests failure into iobench's error kinds."""
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return contract.CONNECT_TIMEOUT
    if isinstance(error, requests.exceptions.Timeout):
        return contract.TIMEOUT
    text = str(error).lower()
    if isinstance(error, requests.exceptions.ChunkedEncodingError):
        return contract.RESET
    if isinstance(error, requests.exceptions.ConnectionError):
        if "refused" in text:
            return contract.REFUSED
        if any(word in text for word in ("reset", "aborted", "remotedisconnected", "closed", "broken pipe")):
            return contract.RESET
    return contract.IO


def _call(index, delay, prefix):
    url = contract.slow_io_url(SIM_URL, delay, f"{prefix}-{index}")
    start = time.perf_counter()
    try:
        response = _session().get(url, timeout=delay + TIMEOUT_EXTRA_S)
        response.content  # read the whole answer
        return contract.http_status_call(index, response.status_code, time.perf_counter() - start)
    except requests.exceptions.RequestException as error:
        return contract.Call(index, 0, time.perf_counter() - start, _kind(error), f"{type(error).__name__}: {error}")


def _sequential(delay, concurrent, prefix):
    return [_call(i, delay, prefix) for i in range(concurrent)]


def _parallel(delay, concurrent, prefix):
    pool = _fanout_pool()
    return list(pool.map(lambda i: _call(i, delay, prefix), range(concurrent)))


@app.errorhandler(contract.BadParameter)
def _bad_parameter(error):
    return jsonify(error.to_json()), 400


@app.errorhandler(404)
@app.errorhandler(405)
def _not_found(error):
    return jsonify(contract.not_found(request.method, request.path)), error.code


@app.errorhandler(Exception)
def _unexpected(error):
    code = getattr(error, "code", None)
    if isinstance(code, int) and 400 <= code < 600:
        return jsonify({"error": str(error)}), code
    app.logger.exception("unexpected error")
    return jsonify({"error": f"internal error: {type(error).__name__}"}), 500


@app.get("/health")
def health():
    return jsonify({
        "status": "ok",
        "role": "flask",
        "server": "Flask on Gunicorn (gthread), blocking requests calls",
        "pid": os.getpid(),
        "sim_url": SIM_URL,
        "max_delay_s": MAX_DELAY_S,
        "max_concurrent": MAX_CONCURRENT,
        "fanout_threads": FANOUT_THREADS,
        "endpoints": ENDPOINTS,
    })


@app.get("/benchmark/flask-io-test")
def flask_io_test():
    delay = contract.delay_s("delay", request.args.getlist("delay"),
                             contract.ORIGINAL_MIN_DELAY_S, contract.ORIGINAL_MAX_DELAY_S)
    concurrent = contract.int_in_range("concurrent", request.args.getlist("concurrent"),
                                       1, contract.ORIGINAL_MAX_CONCURRENT)
    start = time.perf_counter()
    calls = _sequential(delay, concurrent, "flask")
    total = time.perf_counter() - start
    return jsonify(contract.original_answer("flask", delay, concurrent, total, calls, asynchronous=False)), \
        contract.http_status(calls)


@app.get("/benchmark/io-test")
def io_test():
    delay = contract.delay_s("delay", request.args.getlist("delay"), 0.0, MAX_DELAY_S)
    concurrent = contract.int_in_range("concurrent", request.args.getlist("concurrent"), 1, MAX_CONCURRENT)
    strategy = contract.one_of("strategy", request.args.getlist("strategy"), ["sequential", "parallel"], "sequential")
    start = time.perf_counter()
    if strategy == "sequential":
        calls = _sequential(delay, concurrent, "flask")
        expected = round(delay * concurrent, 3)
    else:
        calls = _parallel(delay, concurrent, "flask")
        expected = round(math.ceil(concurrent / FANOUT_THREADS) * delay, 3)
    total = time.perf_counter() - start
    answer = contract.io_test_answer("flask", strategy, delay, concurrent, expected, total, calls)
    return jsonify(answer), contract.http_status(calls)
