"""Quart contender for iobench: every call to the sim at once, served by Hypercorn (4 asyncio workers).

    GET /benchmark/quart-io-test?delay=&concurrent=   the original suite's path and answer
    GET /benchmark/io-test?delay=&concurrent=[&strategy=parallel]   iobench's contract
    GET /health

Each worker process has one aiohttp ClientSession, made when it starts serving and closed
when it stops; a request's calls go out together (asyncio.gather). The strategy is always
`parallel`, as iobench's async server: `strategy=sequential` is a 400.
"""

import asyncio
import errno
import os
import time

import aiohttp
from quart import Quart, jsonify, request
from werkzeug.exceptions import HTTPException

import contract

SIM_URL = contract.sim_url()
MAX_DELAY_S = contract.max_delay_s()
MAX_CONCURRENT = contract.max_concurrent()
# Per call: the delay plus this, as the original (delay + 10 s).
TIMEOUT_EXTRA_S = 10.0

ENDPOINTS = [
    "GET /health",
    f"GET /benchmark/quart-io-test?delay=SECONDS({contract.ORIGINAL_MIN_DELAY_S:g}..{contract.ORIGINAL_MAX_DELAY_S:g})"
    f"&concurrent=K(1..{contract.ORIGINAL_MAX_CONCURRENT})",
    f"GET /benchmark/io-test?delay=SECONDS(0..{MAX_DELAY_S:g})&concurrent=K(1..{MAX_CONCURRENT})&strategy=parallel",
]

app = Quart(__name__, static_folder=None)
app.json.sort_keys = False  # keep the answer in the order written

_session = None


@app.before_serving
async def _open_session():
    global _session
    # limit=0: no cap on connections to the sim, so K calls really go out at once
    # (aiohttp's default of 100 would queue the rest).
    _session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))


@app.after_serving
async def _close_session():
    if _session is not None:
        await _session.close()


def _kind(error):
    """Sorts an aiohttp failure into iobench's error kinds."""
    if isinstance(error, asyncio.TimeoutError):
        return contract.TIMEOUT
    if isinstance(error, aiohttp.ClientConnectorError):
        return contract.REFUSED if error.os_error.errno == errno.ECONNREFUSED else contract.IO
    if isinstance(error, (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError)):
        return contract.RESET
    if isinstance(error, aiohttp.ClientOSError) and error.errno in (errno.ECONNRESET, errno.EPIPE):
        return contract.RESET
    return contract.IO


async def _call(index, delay, prefix):
    url = contract.slow_io_url(SIM_URL, delay, f"{prefix}-{index}")
    start = time.perf_counter()
    try:
        timeout = aiohttp.ClientTimeout(total=delay + TIMEOUT_EXTRA_S)
        async with _session.get(url, timeout=timeout) as response:
            await response.read()
            return contract.http_status_call(index, response.status, time.perf_counter() - start)
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
        if isinstance(error, asyncio.TimeoutError):
            message = f"no answer within {delay + TIMEOUT_EXTRA_S:g} s"
        else:
            message = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        return contract.Call(index, 0, time.perf_counter() - start, _kind(error), message)


async def _all_at_once(delay, concurrent, prefix):
    return list(await asyncio.gather(*(_call(i, delay, prefix) for i in range(concurrent))))


@app.errorhandler(contract.BadParameter)
async def _bad_parameter(error):
    return jsonify(error.to_json()), 400


@app.errorhandler(HTTPException)
async def _http_error(error):
    if error.code in (404, 405):
        return jsonify(contract.not_found(request.method, request.path)), error.code
    return jsonify({"error": error.description}), error.code


@app.errorhandler(Exception)
async def _unexpected(error):
    app.logger.exception("unexpected error")
    return jsonify({"error": f"internal error: {type(error).__name__}"}), 500


@app.get("/health")
async def health():
    return jsonify({
        "status": "ok",
        "role": "quart",
        "server": "Quart on Hypercorn (asyncio), aiohttp calls all at once",
        "pid": os.getpid(),
        "sim_url": SIM_URL,
        "max_delay_s": MAX_DELAY_S,
        "max_concurrent": MAX_CONCURRENT,
        "endpoints": ENDPOINTS,
    })


@app.get("/benchmark/quart-io-test")
async def quart_io_test():
    delay = contract.delay_s("delay", request.args.getlist("delay"),
                             contract.ORIGINAL_MIN_DELAY_S, contract.ORIGINAL_MAX_DELAY_S)
    concurrent = contract.int_in_range("concurrent", request.args.getlist("concurrent"),
                                       1, contract.ORIGINAL_MAX_CONCURRENT)
    start = time.perf_counter()
    calls = await _all_at_once(delay, concurrent, "quart")
    total = time.perf_counter() - start
    return jsonify(contract.original_answer("quart", delay, concurrent, total, calls, asynchronous=True)), \
        contract.http_status(calls)


@app.get("/benchmark/io-test")
async def io_test():
    delay = contract.delay_s("delay", request.args.getlist("delay"), 0.0, MAX_DELAY_S)
    concurrent = contract.int_in_range("concurrent", request.args.getlist("concurrent"), 1, MAX_CONCURRENT)
    strategy = contract.one_of("strategy", request.args.getlist("strategy"), ["parallel"], "parallel")
    start = time.perf_counter()
    calls = await _all_at_once(delay, concurrent, "quart")
    total = time.perf_counter() - start
    answer = contract.io_test_answer("quart", strategy, delay, concurrent, delay, total, calls)
    return jsonify(answer), contract.http_status(calls)
