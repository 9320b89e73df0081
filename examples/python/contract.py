"""What the Flask and Quart apps share: settings, parameter checks, error kinds, answers.

Both apps accept or refuse a parameter the same way as iobench's Java servers
(src/main/java/iobench/http/QueryParams.java) and answer /benchmark/io-test with
the JSON that iobench's bench parses (FanOutReport.java, ServerAnswer.java).
Nothing here does IO; the apps make the calls.
"""

import math
import os
import urllib.parse

# The sim is taken from the environment at start-up, never from a request.
SIM_URL_ENV = "IOBENCH_PY_SIM_URL"
DEFAULT_SIM_URL = "http://127.0.0.1:8001"

# Caps of /benchmark/io-test: the defaults of iobench's servers (config/iobench.yaml:
# max-delay-s 60, max-concurrent 1000).
MAX_DELAY_S_ENV = "IOBENCH_PY_MAX_DELAY_S"
MAX_CONCURRENT_ENV = "IOBENCH_PY_MAX_CONCURRENT"
DEFAULT_MAX_DELAY_S = 60.0
DEFAULT_MAX_CONCURRENT = 1000

# Limits of the original suite's own paths (/benchmark/flask-io-test, /benchmark/quart-io-test).
ORIGINAL_MIN_DELAY_S = 0.1
ORIGINAL_MAX_DELAY_S = 10.0
ORIGINAL_MAX_CONCURRENT = 100

# How many errors (then one per further kind) and calls an answer shows in full, as FanOutReport.
DETAILS_SHOWN = 5

# Error kinds, with the labels iobench's ErrorKind uses.
REFUSED = "refused"
CONNECT_TIMEOUT = "connect-timeout"
TIMEOUT = "timeout"
RESET = "reset"
HTTP_STATUS = "http-status"
IO = "io"


class SettingError(Exception):
    """A bad environment setting: the app refuses to start and names it."""


def _env_number(name, default, minimum, maximum, cast):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = cast(raw.strip())
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or value < minimum or value > maximum:
        raise SettingError(f"{name}={raw!r} is invalid; allowed: {minimum}..{maximum}")
    return value


def sim_url():
    """The sim's base URL, checked: http:// with a host, no query."""
    raw = os.environ.get(SIM_URL_ENV) or DEFAULT_SIM_URL
    parts = urllib.parse.urlsplit(raw)
    if parts.scheme != "http" or not parts.hostname or parts.query or parts.fragment:
        raise SettingError(f"{SIM_URL_ENV}={raw!r} is invalid; allowed: an http:// URL such as {DEFAULT_SIM_URL}")
    return raw.rstrip("/")


def max_delay_s():
    return _env_number(MAX_DELAY_S_ENV, DEFAULT_MAX_DELAY_S, 0.0, 3600.0, float)


def max_concurrent():
    return _env_number(MAX_CONCURRENT_ENV, DEFAULT_MAX_CONCURRENT, 1, 100_000, int)


def fanout_threads():
    """Threads of the Flask app's `parallel` strategy, per worker process."""
    return _env_number("IOBENCH_PY_FANOUT_THREADS", 8, 1, 1024, int)


def check_settings():
    """Raises SettingError for the first bad setting; run.sh calls it before starting anything."""
    sim_url()
    max_delay_s()
    max_concurrent()
    fanout_threads()


def slow_io_url(base, delay_s, request_id):
    """Built only from the configured base and numbers already checked."""
    return f"{base}/slow-io?delay={delay_s:.3f}&request_id={urllib.parse.quote(request_id)}"


class BadParameter(Exception):
    """A missing, malformed or out-of-range parameter: a 400 naming it, never a 500."""

    def __init__(self, parameter, value, allowed):
        said = "is missing" if value is None else f"has value '{value}'"
        super().__init__(f"parameter '{parameter}' {said}; allowed: {allowed}")
        self.parameter = parameter
        self.value = value
        self.allowed = allowed

    def to_json(self):
        return {"error": str(self), "parameter": self.parameter, "value": self.value, "allowed": self.allowed}


def _format_seconds(seconds):
    return str(int(seconds)) if float(seconds).is_integer() else f"{seconds:g}"


def _single(name, values, allowed):
    if not values or values[0] is None or values[0].strip() == "":
        raise BadParameter(name, None, allowed)
    if len(values) > 1:
        raise BadParameter(name, ",".join(values), allowed + ", given once")
    return values[0]


def _number(name, raw, allowed, parse):
    """raw parsed by float or int (spaces around it ignored); not a number is a bad parameter."""
    try:
        return parse(raw.strip())
    except ValueError:
        raise BadParameter(name, raw, allowed) from None


def delay_s(name, values, minimum_s, maximum_s):
    """A delay in seconds such as 0.25, rounded to the millisecond as the Java servers do."""
    allowed = f"a number of seconds from {_format_seconds(minimum_s)} to {_format_seconds(maximum_s)}"
    raw = _single(name, values, allowed)
    seconds = _number(name, raw, allowed, float)
    if not math.isfinite(seconds) or seconds < minimum_s or seconds > maximum_s:
        raise BadParameter(name, raw, allowed)
    return round(seconds * 1000) / 1000.0


def int_in_range(name, values, minimum, maximum):
    allowed = f"an integer from {minimum} to {maximum}"
    raw = _single(name, values, allowed)
    value = _number(name, raw, allowed, int)
    if value < minimum or value > maximum:
        raise BadParameter(name, raw, allowed)
    return value


def one_of(name, values, choices, default):
    if not values:
        return default
    allowed = "one of " + ", ".join(choices)
    raw = _single(name, values, allowed)
    word = raw.strip().lower()
    if word not in choices:
        raise BadParameter(name, raw, allowed)
    return word


class Call:
    """One downstream call: index, HTTP status (0 when none came), seconds, and why it failed."""

    __slots__ = ("index", "status", "duration_s", "kind", "message")

    def __init__(self, index, status, duration_s, kind=None, message=None):
        self.index = index
        self.status = status
        self.duration_s = duration_s
        self.kind = kind
        self.message = message

    @property
    def ok(self):
        return self.kind is None


def http_status_call(index, status, duration_s):
    """A call that got an answer: ok on 2xx, else an http-status failure."""
    if 200 <= status < 300:
        return Call(index, status, duration_s)
    return Call(index, status, duration_s, HTTP_STATUS, f"the sim answered HTTP {status}")


def _counts(calls):
    successful = sum(1 for c in calls if c.ok)
    by_kind = {}
    for c in calls:
        if not c.ok:
            by_kind[c.kind] = by_kind.get(c.kind, 0) + 1
    return successful, len(calls) - successful, by_kind


def _shown_errors(calls):
    """The first failed calls, then the first of every further kind (one message per kind)."""
    shown, kinds = [], set()
    for c in calls:
        if not c.ok and (len(shown) < DETAILS_SHOWN or c.kind not in kinds):
            error = {"call": c.index, "kind": c.kind}
            if c.status:
                error["status"] = c.status
            error["message"] = c.message
            shown.append(error)
            kinds.add(c.kind)
    return shown


def _call_details(calls):
    return [{"call": c.index, "status": c.status, "duration": c.duration_s, "ok": c.ok}
            for c in calls[:DETAILS_SHOWN]]


def http_status(calls):
    """200 when at least one call succeeded, 502 when every call failed."""
    return 200 if not calls or any(c.ok for c in calls) else 502


def io_test_answer(server_type, strategy, delay, concurrent, expected_s, total_s, calls):
    """/benchmark/io-test's answer, field for field as FanOutReport.toJson."""
    successful, failed, by_kind = _counts(calls)
    if failed:
        note = f"{failed} of {len(calls)} downstream calls failed; this timing is not comparable"
    elif strategy == "sequential":
        note = f"calls made one after another on the request thread; expected {concurrent} x delay"
    else:
        note = "calls made all at once; expected about one delay"
    return {
        "server_type": server_type,
        "strategy": strategy,
        "delay": delay,
        "concurrent": concurrent,
        "timing": {
            "total_duration": total_s,
            "expected_duration": expected_s,
            "requests_per_second": concurrent / total_s if total_s > 0 else 0.0,
        },
        "results": {"successful": successful, "failed": failed, "total": len(calls)},
        "errors_by_kind": by_kind,
        "errors": _shown_errors(calls),
        "calls": _call_details(calls),
        "note": note,
    }


def original_answer(server_type, delay, concurrent, total_s, calls, asynchronous):
    """The original suite's answer (flask-io-test / quart-io-test), plus errors_by_kind."""
    successful, failed, by_kind = _counts(calls)
    timing = {
        "total_duration": total_s,
        "expected_duration_sync": round(delay * concurrent, 3),
    }
    if asynchronous:
        timing["expected_duration_async"] = delay
    timing["requests_per_second"] = concurrent / total_s if total_s > 0 else 0.0
    if asynchronous:
        timing["speedup_factor"] = delay * concurrent / total_s if total_s > 0 else 0.0
    if failed:
        note = f"{failed} of {len(calls)} downstream calls failed; this timing is not comparable"
    elif asynchronous:
        note = "all calls made at once (asyncio.gather); expected about one delay"
    else:
        note = "calls made one after another, each blocking; expected concurrent x delay"
    return {
        "server_type": server_type,
        "delay": delay,
        "concurrent": concurrent,
        "timing": timing,
        "results": {"successful": successful, "failed": failed, "total": len(calls)},
        "errors_by_kind": by_kind,
        "sample_results": _call_details(calls),
        "errors": _shown_errors(calls),
        "note": note,
    }


def not_found(method, path):
    return {"error": f"no endpoint {method} {path}; GET /health lists the endpoints"}
