#!/usr/bin/env python3
"""The clients of bench/abuse.sh (standard library only). Three commands:

    abuse.py data                               the import file: one source attesting 5,000 statements (stdout)
    abuse.py largest-fan-out URL                the most fan-out aliases (up to 30) the service accepts
    abuse.py hostile URL SECONDS OUT.json       fan-out, field-merge and slow export clients (HOSTILE_* counts)
    abuse.py light URL HEALTH PID UNLOADED LOADED OUT.json [START_FILE]
                                                the light client, liveness probe, RSS and load average samplers

The hostile and the light clients run as separate processes so that parsing large answers never delays the light
client's clock. Every wait is bounded: the hostile process stops its clients at its deadline (sockets closed, threads
are daemons), each light request and probe has a timeout.
"""
import http.client
import json
import os
import re
import socket
import sys
import threading
import time
import urllib.parse
from collections import Counter

STATEMENTS = 5000
LIGHT_QUERY = '{ actors(first: 1) { nodes { name } } }'


def fan_out_query(aliases):
    """(a) aliases of a source with its statements and their attestations: the issue's fan-out used 30."""
    return "{ " + " ".join(f"s{i}: sources(first: 1) {{ nodes {{ statements {{ text attestations {{ excerpt }} }} }} }}"
                           for i in range(aliases)) + " }"

# (b) one field repeated 4,900 times: graphql-java's field merging works on each pair
FIELD_MERGE_QUERY = "{ actors(first: 100) { nodes { " + "name " * 4900 + "} } }"
CODE = re.compile(rb'"code"\s*:\s*"([A-Z_]+)"')


def data():
    """One source, dated before every curated one so that `sources(first: 1)` returns it, attesting 5,000 statements."""
    out = sys.stdout
    source = "abuse-bench-source"
    out.write(json.dumps({"type": "source", "key": source, "title": "Abuse bench source with many statements",
                          "publisher": "Bench Wire", "url": "https://bench.example.org/abuse",
                          "publishedOn": "1990-01-01", "language": "en"}) + "\n")
    for n in range(STATEMENTS):
        key = f"abuse-bench-statement-{n}"
        out.write(json.dumps({"type": "statement", "key": key,
                              "text": f"Bench statement {n}: the delegations pledged further cooperation on trade.",
                              "mode": "PARAPHRASE", "kind": "CLAIM", "speaker": "vladimir-putin",
                              "encounter": "kim-putin-vostochny-summit-2023", "about": ["north-korea"]}) + "\n")
        out.write(json.dumps({"type": "attestation", "source": source, "statement": key,
                              "excerpt": f"Excerpt {n}: officials said both sides agreed to deepen trade ties.",
                              "note": None, "reportedDate": None}) + "\n")


def largest_fan_out(url, most=30):
    """The most aliases of the fan-out query (up to `most`) that the service accepts rather than refuses as too
    costly; cost grows with the aliases, so a bisection finds it. 0 when even one is refused."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        status, body = post(url, fan_out_query(middle), 60)
        if answer_label(status, body) == "200":
            low = middle
        else:
            high = middle - 1
    return low


def post(url, query, timeout, token=None):
    """POSTs a GraphQL query (with a bearer token if given); returns (status, body bytes)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        conn.request("POST", parts.path, json.dumps({"query": query}), headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def answer_label(status, body):
    """'200', '200 TIMEOUT', '429 RATE_LIMITED', ...: the status and the first error code of the answer."""
    match = CODE.search(body[:65536]) or CODE.search(body[-65536:])
    return f"{status} {match.group(1).decode()}" if match else str(status)


def hostile(url, seconds, out_path):
    counts = {kind: int(os.environ.get(f"HOSTILE_{kind.upper().replace('-', '_')}", default))
              for kind, default in (("fan-out", 6), ("field-merge", 6), ("export", 4))}
    deadline = time.monotonic() + seconds
    answers = {kind: Counter() for kind in counts}
    sizes = Counter()
    lock = threading.Lock()
    sockets = set()

    def record(kind, label, size=0):
        with lock:
            answers[kind][label] += 1
            sizes[kind] += size

    fan_out = fan_out_query(int(os.environ.get("FAN_OUT_ALIASES", 30)))

    def graphql_client(kind, query):
        while time.monotonic() < deadline:
            try:
                status, body = post(url, query, timeout=max(1.0, deadline - time.monotonic() + 5))
                if time.monotonic() < deadline + 5:
                    record(kind, answer_label(status, body), len(body))
            except (socket.timeout, TimeoutError):
                record(kind, "client timeout")
            except OSError as e:
                record(kind, f"connection error ({type(e).__name__})")
                time.sleep(0.1)

    def export_client():
        # a reader at about 50 KB/s, like `curl --limit-rate 50k`; the stream is cut at the deadline
        parts = urllib.parse.urlsplit(url)
        while time.monotonic() < deadline:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            try:
                conn.request("GET", "/export")
                response = conn.getresponse()
                with lock:
                    sockets.add(conn)
                read = 0
                while time.monotonic() < deadline:
                    chunk = response.read(5000)
                    if not chunk:
                        break
                    read += len(chunk)
                    time.sleep(0.1)
                finished = time.monotonic() < deadline
                label = str(response.status) if response.status != 200 else (
                    "200 complete" if finished else "200 cut at the deadline")
                if response.status != 200:
                    label = answer_label(response.status, response.read(65536))
                record("export", label, read)
            except (socket.timeout, TimeoutError):
                record("export", "client timeout")
            except OSError as e:
                record("export", f"connection error ({type(e).__name__})")
                time.sleep(0.1)
            finally:
                with lock:
                    sockets.discard(conn)
                conn.close()

    threads = []
    for _ in range(counts["fan-out"]):
        threads.append(threading.Thread(target=graphql_client, args=("fan-out", fan_out), daemon=True))
    for _ in range(counts["field-merge"]):
        threads.append(threading.Thread(target=graphql_client, args=("field-merge", FIELD_MERGE_QUERY), daemon=True))
    for _ in range(counts["export"]):
        threads.append(threading.Thread(target=export_client, daemon=True))
    for t in threads:
        t.start()
    # requests still running at the deadline get 5 s to answer; then the process ends and its sockets close
    for t in threads:
        t.join(max(0.0, deadline + 5 - time.monotonic()))
    with lock:
        result = {"clients": counts, "fan-out aliases": int(os.environ.get("FAN_OUT_ALIASES", 30)), "answers": {k: dict(v) for k, v in answers.items()}, "bytes": dict(sizes),
                  "still running at the end": sum(t.is_alive() for t in threads)}
        json.dump(result, open(out_path, "w"), indent=1)
    print(json.dumps(result), file=sys.stderr)
    sys.stdout.flush()
    os._exit(0)  # daemon threads may sit in a blocking read: end without waiting for them


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def light(url, health_url, pid, unloaded_s, loaded_s, out_path, start_file=None):
    """Phase 1 (unloaded), then touches START_FILE and runs phase 2 (loaded) while the hostile clients run."""
    samples = {"unloaded": [], "loaded": []}
    errors = Counter()
    probes = {"ok": 0, "total": 0, "slowest_ms": 0.0}
    rss = []
    loadavg = []
    phase = {"name": "unloaded"}
    stop = threading.Event()

    def light_loop(duration):
        # a request every 100 ms for `duration` seconds; a request slower than that skips the ticks it missed, so a
        # stall counts once (the number of requests answered shows how many ticks were lost)
        start = time.monotonic()
        end = start + duration
        due = start
        while due < end:
            now = time.monotonic()
            if now < due:
                time.sleep(due - now)
            sent = time.monotonic()
            try:
                # the light client is another client than the hostile ones, all on 127.0.0.1: its own token subject
                # gives it its own admission budget (LIGHT_TOKEN, minted by abuse.sh)
                status, body = post(url, LIGHT_QUERY, timeout=10, token=os.environ.get("LIGHT_TOKEN"))
                if status != 200 or b'"errors"' in body:
                    errors[f"{phase['name']}: {answer_label(status, body)}"] += 1
            except OSError as e:
                errors[f"{phase['name']}: {type(e).__name__}"] += 1
            samples[phase["name"]].append((time.monotonic() - sent) * 1000)
            due += 0.1
            while due < time.monotonic():
                due += 0.1

    def probe_loop(end):
        parts = urllib.parse.urlsplit(health_url)
        while not stop.is_set() and time.monotonic() < end:
            started = time.monotonic()
            ok = False
            try:
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=1)
                conn.request("GET", parts.path)
                response = conn.getresponse()
                response.read()
                conn.close()
                ok = response.status == 200 and time.monotonic() - started <= 1.0
            except OSError:
                pass
            elapsed = (time.monotonic() - started) * 1000
            probes["total"] += 1
            probes["ok"] += ok
            probes["slowest_ms"] = max(probes["slowest_ms"], elapsed)
            stop.wait(max(0.0, 1.0 - (time.monotonic() - started)))

    def sample_loop():
        while not stop.is_set():
            try:
                rss.append(rss_mb(pid))
            except OSError:
                rss.append(0.0)
            loadavg.append(float(open("/proc/loadavg").read().split()[0]))
            stop.wait(1.0)

    samplers = [threading.Thread(target=sample_loop, daemon=True)]
    samplers[0].start()
    light_loop(unloaded_s)
    if start_file:
        open(start_file, "w").close()
    phase["name"] = "loaded"
    rss_before = max(rss) if rss else 0.0
    # probed while the hostile clients run, not during the light client's last request after them
    probe = threading.Thread(target=probe_loop, args=(time.monotonic() + loaded_s,), daemon=True)
    probe.start()
    light_loop(loaded_s)
    stop.set()
    probe.join(2)
    samplers[0].join(2)
    result = {
        "unloaded": {"n": len(samples["unloaded"]), "p50": percentile(samples["unloaded"], 50),
                     "p99": percentile(samples["unloaded"], 99)},
        "loaded": {"n": len(samples["loaded"]), "p50": percentile(samples["loaded"], 50),
                   "p99": percentile(samples["loaded"], 99), "max": max(samples["loaded"], default=0)},
        "light errors": dict(errors),
        "liveness": probes,
        "expected per phase": {"unloaded": round(unloaded_s * 10), "loaded": round(loaded_s * 10)},
        "rss max MB": max(rss, default=0), "rss before load MB": rss_before,
        "load average": {"min": min(loadavg, default=0), "max": max(loadavg, default=0),
                         "mean": sum(loadavg) / len(loadavg) if loadavg else 0},
    }
    json.dump(result, open(out_path, "w"), indent=1)
    print(json.dumps(result), file=sys.stderr)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "data":
        data()
    elif command == "largest-fan-out":
        print(largest_fan_out(sys.argv[2]))
    elif command == "hostile":
        hostile(sys.argv[2], float(sys.argv[3]), sys.argv[4])
    elif command == "light":
        light(sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), sys.argv[7],
              sys.argv[8] if len(sys.argv) > 8 else None)
    else:
        sys.exit(f"unknown command {command}")
