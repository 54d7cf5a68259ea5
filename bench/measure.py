#!/usr/bin/env python3
"""Load measurements for bench/run.sh: checks that a server answers the benchmark queries with the floor's content,
then measures it at each concurrency (wrk for the GraphQL servers, pgbench for the floor) and appends the figures
to bench/out/load/results.jsonl; `report` prints the tables.

  measure.py bodies                            request bodies of every server from bench.param
  measure.py graphql NAME URL PID              check and measure a GraphQL server (NAME: parley or postgraphile)
  measure.py floor                             check the floor SQL, measure it with pgbench
  measure.py count NAME URL                    SQL statements per request of a server whose database connections
                                               go through bench/pgwire_count.py (when pg_stat_statements is not
                                               preloaded; a separate pass, never a timed one)
  measure.py report                            one table per query and concurrency

Settings from the environment: BENCH_DB, BENCH_DURATION (s per point), BENCH_WARMUP (s per warm-up slice),
BENCH_WARMUP_SLICES (at most), BENCH_CONCURRENCY (e.g. "1 8 32"), BENCH_QUERIES (e.g. "q1 q2 q3 q4 q5 q6 q7"),
BENCH_COUNTED (requests per query of the counting pass), BENCH_WIRE_CONTROL (the counting proxy's control port).
"""
import base64
import datetime
import functools
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

DB = os.environ.get("BENCH_DB", "parley_bench")
OUT = "bench/out/load"
QUERIES = os.environ.get("BENCH_QUERIES", "q1 q2 q3 q4 q5 q6 q7").split()
CONCURRENCY = [int(c) for c in os.environ.get("BENCH_CONCURRENCY", "1 8 32").split()]
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "5"))
WARMUP_SLICES = int(os.environ.get("BENCH_WARMUP_SLICES", "8"))
CHECKED = int(os.environ.get("BENCH_CHECKED", "25"))  # parameter rows whose answers are compared before timing
COUNTED = int(os.environ.get("BENCH_COUNTED", "20"))
WIRE_CONTROL = int(os.environ.get("BENCH_WIRE_CONTROL", "38094"))
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def psql(sql):
    return subprocess.run(["psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-d", DB, "-c", sql], check=True,
                          capture_output=True, text=True).stdout


def params():
    rows = psql("select json_agg(p order by n) from bench.param p")
    return json.loads(rows)


def graphql_query(server, query):
    with open(f"bench/queries/{query}.{server}.graphql") as f:
        return f.read()


def global_id(type_name, row_id):
    return base64.urlsafe_b64encode(f"{type_name}:{row_id}".encode()).decode().rstrip("=")


def postgraphile_node_id(type_name, row_id):
    return base64.b64encode(json.dumps([type_name, str(row_id)], separators=(",", ":")).encode()).decode()


def variables(server, query, p):
    if query == "q1":
        return {"from": p["date_from"], "to": p["date_to"]}
    if query == "q2":
        return {"id": global_id("Actor", p["actor_id"]) if server == "parley" else str(p["actor_id"])}
    if query == "q3":
        return {"words": p["words"]}
    if query == "q4":
        if server == "parley":
            return {"id": global_id("Encounter", p["encounter_id"])}
        return {"id": postgraphile_node_id("Encounter", p["encounter_id"])}
    if query == "q5":
        return {"speaker": global_id("Actor", p["speaker_id"]) if server == "parley" else str(p["speaker_id"])}
    if query == "q6":
        return {"id": global_id("Actor", p["speaker_id"]) if server == "parley" else str(p["speaker_id"])}
    if query == "q7":
        return {}  # the first page of sources: the same question every time
    raise ValueError(query)


def bodies_file(server, query):
    return f"{OUT}/bodies/{server}-{query}.jsonl"


def write_bodies():
    os.makedirs(f"{OUT}/bodies", exist_ok=True)
    rows = params()
    for server in ("parley", "postgraphile"):
        for query in QUERIES:
            text = graphql_query(server, query)
            with open(bodies_file(server, query), "w") as f:
                for p in rows:
                    f.write(json.dumps({"query": text, "variables": variables(server, query, p)}) + "\n")


# --- the content of an answer, the same for every server -------------------------------------------------------

def nodes(connection):
    return connection["nodes"]


def canonical(server, query, data):
    """The answer reduced to its content: participants and sources as sorted lists (sets), pages in order."""
    if server == "floor":
        return canonical_floor(query, data)
    if query == "q1":
        encounters = data["encounters"]["nodes"] if server == "parley" else data["benchEncountersIn"]["nodes"]
        result = []
        for e in encounters:
            if server == "parley":
                place, start = e["place"] or {}, e["start"]
                participants = [(p["role"], p["actor"]["name"], p["actor"]["kind"]) for p in e["participants"]]
                sources = [(s["title"], s["publisher"]) for s in e["sources"]]
                item = (e["title"], start["date"], start["precision"], place.get("name"), place.get("locality"),
                        place.get("latitude"), place.get("longitude"))
            else:
                participants = [(p["role"], p["actorByActorId"]["name"], p["actorByActorId"]["kind"])
                                for p in nodes(e["participantsByEncounterId"])]
                sources = [(a["sourceBySourceId"]["title"], a["sourceBySourceId"]["publisher"])
                           for a in nodes(e["attestationsByEncounterId"])]
                item = (e["title"], e["startDate"], e["startPrecision"], e["placeName"], e["placeLocality"],
                        e["latitude"], e["longitude"])
            result.append((item, sorted(participants), sorted(sources)))
        return result
    if query == "q2":
        if server == "parley":
            actor = data["actor"]
            encounters = [(e["title"], sorted(
                (p["role"], p["actor"]["name"],
                 [(s["text"], sorted(x["title"] for x in s["sources"])) for s in p["actor"]["statements"]["nodes"]])
                for p in e["participants"])) for e in actor["encounters"]["nodes"]]
        else:
            actor = data["actorByRowId"]
            encounters = [(pe["encounterByEncounterId"]["title"], sorted(
                (p["role"], p["actorByActorId"]["name"],
                 [(s["text"], sorted(a["sourceBySourceId"]["title"] for a in nodes(s["attestationsByStatementId"])))
                  for s in nodes(p["actorByActorId"]["statementsBySpeakerId"])])
                for p in nodes(pe["encounterByEncounterId"]["participantsByEncounterId"])))
                for pe in nodes(actor["participantsByActorId"])]
        return (actor["name"], encounters)
    if query == "q3":
        if server == "parley":
            return [(s["text"], (s["speaker"] or {}).get("name"), (s["encounter"] or {}).get("title"))
                    for s in data["statements"]["nodes"]]
        return [(s["text"], (s["actorBySpeakerId"] or {}).get("name"), (s["encounterByEncounterId"] or {}).get("title"))
                for s in data["benchSearchStatements"]["nodes"]]
    if query == "q4":
        e = data["node"]
        if server == "parley":
            participants = [(p["role"], p["actor"]["name"]) for p in e["participants"]]
        else:
            participants = [(p["role"], p["actorByActorId"]["name"]) for p in nodes(e["participantsByEncounterId"])]
        return (e["title"], e["status"], sorted(participants))
    if query == "q5":
        return canonical_q5_parley(data) if server == "parley" else canonical_q5_postgraphile(data)
    if query == "q6":
        return canonical_q6_parley(data) if server == "parley" else canonical_q6_postgraphile(data)
    if query == "q7":
        return canonical_q7_parley(data) if server == "parley" else canonical_q7_postgraphile(data)
    raise ValueError(query)


def name_of(thing):
    return (thing or {}).get("name")


def canonical_q5_parley(data):
    """Statements in order; roles, participants and sources as sets."""
    result = []
    for s in data["statements"]["nodes"]:
        speaker, e, r = s["speaker"], s["encounter"], s["respondsTo"]
        result.append((
            s["text"],
            speaker and (speaker["name"], sorted((x["title"], name_of(x["organization"])) for x in speaker["roles"])),
            e and (e["title"], (e["start"] or {}).get("date"), (e["start"] or {}).get("precision"),
                   name_of(e["place"]), sorted(name_of(p["actor"]) or "" for p in e["participants"])),
            sorted((x["title"], x["publisher"]) for x in s["sources"]),
            r and (r["text"], name_of(r["speaker"]))))
    return result


def canonical_q5_postgraphile(data):
    result = []
    for s in nodes(data["actorByRowId"]["statementsBySpeakerId"]) if data["actorByRowId"] else []:
        speaker, e, r = s["actorBySpeakerId"], s["encounterByEncounterId"], s["statementByRespondsToId"]
        result.append((
            s["text"],
            speaker and (speaker["name"], sorted((x["title"], name_of(x["actorByOrganizationId"]))
                                                 for x in nodes(speaker["actorRolesByActorId"]))),
            e and (e["title"], e["startDate"], e["startPrecision"], e["placeName"],
                   sorted(name_of(p["actorByActorId"]) or "" for p in nodes(e["participantsByEncounterId"]))),
            sorted((a["sourceBySourceId"]["title"], a["sourceBySourceId"]["publisher"])
                   for a in nodes(s["attestationsByStatementId"])),
            r and (r["text"], name_of(r["actorBySpeakerId"]))))
    return result


def canonical_q6_parley(data):
    """Aliases and roles as sets (PostGraphile cannot order them by position), statements in order, sources as sets."""
    a = data["actor"]
    if a is None:
        return None
    date = lambda d: (d or {}).get("date")
    precision = lambda d: (d or {}).get("precision")
    return (a["name"], a["kind"], sorted(a["aliases"]),
            sorted((r["title"], name_of(r["organization"]), date(r["start"]), precision(r["start"]), date(r["end"]),
                    precision(r["end"])) for r in a["roles"]),
            [(s["text"], date(s["saidOn"]), (s["encounter"] or {}).get("title"),
              sorted((x["title"], x["publisher"]) for x in s["sources"])) for s in a["statements"]["nodes"]])


def canonical_q6_postgraphile(data):
    a = data["actorByRowId"]
    if a is None:
        return None
    return (a["name"], a["kind"], sorted(x["alias"] for x in nodes(a["actorAliasesByActorId"])),
            sorted((r["title"], name_of(r["actorByOrganizationId"]), r["startDate"], r["startPrecision"],
                    r["endDate"], r["endPrecision"]) for r in nodes(a["actorRolesByActorId"])),
            [(s["text"], s["saidDate"], (s["encounterByEncounterId"] or {}).get("title"),
              sorted((x["sourceBySourceId"]["title"], x["sourceBySourceId"]["publisher"])
                     for x in nodes(s["attestationsByStatementId"]))) for s in nodes(a["statementsBySpeakerId"])])


def instant(timestamp):
    """A timestamp as UTC: Parley prints it in the article's own offset, PostGraphile and the floor in UTC."""
    if timestamp is None:
        return None
    return datetime.datetime.fromisoformat(timestamp).astimezone(datetime.timezone.utc).isoformat()


def canonical_q7_parley(data):
    """Sources in order, each source's attestations in order (as recorded)."""
    return [(s["title"], s["publisher"], s["url"], (s["publishedOn"] or {}).get("date"),
             (s["publishedOn"] or {}).get("precision"), instant(s["publishedAt"]),
             [(a["excerpt"], (a["encounter"] or {}).get("title"), (a["statement"] or {}).get("text"))
              for a in s["attestations"]]) for s in data["sources"]["nodes"]]


def canonical_q7_postgraphile(data):
    return [(s["title"], s["publisher"], s["url"], s["publishedOn"], s["publishedPrecision"], instant(s["publishedAt"]),
             [(a["excerpt"], (a["encounterByEncounterId"] or {}).get("title"),
               (a["statementByStatementId"] or {}).get("text")) for a in nodes(s["attestationsBySourceId"])])
            for s in nodes(data["allSources"])]


def canonical_floor(query, d):
    if query == "q1":
        return [((e["title"], e["start"]["date"], e["start"]["precision"], e["place"]["name"], e["place"]["locality"],
                  e["place"]["latitude"], e["place"]["longitude"]),
                 sorted((p["role"], p["name"], p["kind"]) for p in e["participants"]),
                 sorted((s["title"], s["publisher"]) for s in e["sources"])) for e in d]
    if query == "q2":
        return (d["name"], [(e["title"], sorted((p["role"], p["name"], [(s["text"], sorted(s["sources"]))
                                                                         for s in p["statements"]])
                                                for p in e["participants"])) for e in d["encounters"]])
    if query == "q3":
        return [(s["text"], s["speaker"], s["encounter"]) for s in d]
    if query == "q4":
        return (d["title"], d["status"], sorted((p["role"], p["name"]) for p in d["participants"]))
    if query == "q5":
        return [(s["text"],
                 s["speaker"] and (s["speaker"]["name"], sorted((x["title"], x["organization"])
                                                                for x in s["speaker"]["roles"])),
                 s["encounter"] and (s["encounter"]["title"], s["encounter"]["date"], s["encounter"]["precision"],
                                     s["encounter"]["place"], sorted(n or "" for n in s["encounter"]["participants"])),
                 sorted((x["title"], x["publisher"]) for x in s["sources"]),
                 s["respondsTo"] and (s["respondsTo"]["text"], s["respondsTo"]["speaker"])) for s in d]
    if query == "q6":
        return d and (d["name"], d["kind"], sorted(d["aliases"]),
                      sorted((r["title"], r["organization"], r["start"], r["startPrecision"], r["end"],
                              r["endPrecision"]) for r in d["roles"]),
                      [(s["text"], s["date"], s["encounter"], sorted((x["title"], x["publisher"]) for x in s["sources"]))
                       for s in d["statements"]])
    if query == "q7":
        return [(s["title"], s["publisher"], s["url"], s["publishedOn"], s["precision"], instant(s["publishedAt"]),
                 [(a["excerpt"], a["encounter"], a["statement"]) for a in s["attestations"]]) for s in d]
    raise ValueError(query)


def floor_answer(query, i):
    """The floor's answer for row i, computed once per run (bench/run.sh empties the cache) for all servers."""
    cached = os.path.join(OUT, "floor-answers", f"{query}-{i}.json")
    if os.path.exists(cached):
        with open(cached) as f:
            return json.load(f)
    answer = run_floor_script(query, i)
    os.makedirs(os.path.dirname(cached), exist_ok=True)
    with open(cached, "w") as f:
        json.dump(answer, f)
    return answer


def run_floor_script(query, i):
    """Runs a floor script as pgbench would: a statement ending in \\gset reads the arguments into variables, the
    last statement answers."""
    arguments, buffer, answer = {}, [], None
    with open(f"bench/queries/{query}.floor.sql") as f:
        for line in f.read().splitlines():
            if line.startswith("\\set"):
                continue
            buffer.append(line.replace(":i", str(i)))
            sql = "\n".join(buffer).strip()
            if sql.endswith("\\gset"):
                arguments = json.loads(psql(f"select row_to_json(a) from ({sql[:-len('gset') - 1]}) a"))
                buffer = []
            elif sql.endswith(";"):
                sql = re.sub(r"(?<![:\w]):([a-z_]+)",
                             lambda m: "'" + str(arguments[m.group(1)]).replace("'", "''") + "'", sql)
                answer = json.loads(psql(sql))
                buffer = []
    return answer


def post(url, body):
    request = urllib.request.Request(url, data=body.encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def check(server, url):
    """Before timing: the first CHECKED answers of each query must have the floor's content."""
    for query in QUERIES:
        with open(bodies_file(server, query)) as f:
            bodies = [next(f) for _ in range(CHECKED)]
        empty = 0
        for i, body in enumerate(bodies):
            answer = post(url, body)
            if answer.get("errors"):
                sys.exit(f"{server} {query} row {i}: errors {answer['errors']}")
            got = canonical(server, query, answer["data"])
            expected = canonical("floor", query, floor_answer(query, i))
            if got != expected:
                sys.exit(f"{server} {query} row {i}: the answer differs from the floor's\n  {server}: {got}\n"
                         f"  floor: {expected}")
            empty += 1 if not got else 0
        print(f"  {server} {query}: {CHECKED} answers equal the floor's ({empty} empty)", file=sys.stderr)


# --- measuring ----------------------------------------------------------------------------------------------------

def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


class BackendCpu:
    """CPU time of the PostgreSQL backends connected to the benchmark database, sampled while a point runs (a
    backend that exits between two samples loses at most one interval of its time)."""

    def __init__(self):
        self.first, self.last = {}, {}
        self.running = True
        self.thread = threading.Thread(target=self.sample_loop, daemon=True)

    def backends(self):
        found = {}
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmdline = f.read()
                if cmdline.startswith(b"postgres: ") and f" {DB} ".encode() in cmdline:
                    found[pid] = cpu_seconds(pid)
            except OSError:
                pass
        return found

    def sample_loop(self):
        while self.running:
            self.sample()
            time.sleep(0.25)

    def sample(self):
        for pid, cpu in self.backends().items():
            self.first.setdefault(pid, 0.0)  # a backend that started during the point
            self.last[pid] = cpu

    def __enter__(self):
        for pid, cpu in self.backends().items():
            self.first[pid] = cpu
            self.last[pid] = cpu
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.sample()

    def seconds(self):
        return sum(self.last[pid] - self.first.get(pid, 0.0) for pid in self.last)


@functools.lru_cache(maxsize=None)
def statements_preloaded():
    """Whether pg_stat_statements can count (it needs shared_preload_libraries); otherwise `count` passes do."""
    return "pg_stat_statements" in psql("show shared_preload_libraries")


def reset_statements():
    if statements_preloaded():
        psql(f"select pg_stat_statements_reset(0, (select oid from pg_database where datname = '{DB}'), 0)")


def count_statements():
    if not statements_preloaded():
        return None
    return int(psql(f"select coalesce(sum(calls), 0) from pg_stat_statements where dbid ="
                    f" (select oid from pg_database where datname = '{DB}') and query not like '%pg_stat_statements%'"
                    " and query not like '%bench.param%'"))


def wrk(url, server, query, concurrency, seconds):
    threads = min(concurrency, 2)
    env = dict(os.environ, BENCH_BODIES=bodies_file(server, query))
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(concurrency), "-d", f"{seconds}s", "--timeout", "10s",
                          "-s", "bench/wrk.lua", url], check=True, capture_output=True, text=True, env=env).stdout
    line = [l for l in out.splitlines() if l.startswith("BENCH ")][-1]
    r = json.loads(line[len("BENCH "):])
    return {"requests": r["requests"], "seconds": r["duration_us"] / 1e6, "p50": r["p50_us"] / 1000,
            "p99": r["p99_us"] / 1000, "errors": r["errors"]}


def pgbench(query, concurrency, seconds, log_prefix=None):
    threads = min(concurrency, 2)
    args = ["pgbench", "-n", "-M", "prepared", "-c", str(concurrency), "-j", str(threads), "-T", str(seconds),
            "--random-seed=42", "-f", f"bench/queries/{query}.floor.sql"]
    if log_prefix:
        args += ["-l", f"--log-prefix={log_prefix}"]
    # custom plans, as PostGraphile's unnamed statements get: a generic plan cannot see the search words
    env = dict(os.environ, PGOPTIONS="-c plan_cache_mode=force_custom_plan")
    out = subprocess.run(args + [DB], check=True, capture_output=True, text=True, env=env).stdout
    processed = int(re.search(r"number of transactions actually processed: (\d+)", out).group(1))
    failed = re.search(r"number of failed transactions: (\d+)", out)
    tps = float(re.search(r"tps = ([\d.]+)", out).group(1))
    return {"requests": processed, "seconds": processed / tps if tps else seconds,
            "errors": int(failed.group(1)) if failed else 0}


def pgbench_latencies(log_prefix):
    """p50 and p99 (ms) from pgbench's per-transaction logs (latency in microseconds, third field)."""
    directory, prefix = os.path.split(log_prefix)
    latencies = []
    for name in os.listdir(directory):
        if name.startswith(prefix + "."):
            with open(os.path.join(directory, name)) as f:
                latencies += [int(line.split()[2]) for line in f if line.strip()]
            os.remove(os.path.join(directory, name))
    latencies.sort()
    if not latencies:
        return 0.0, 0.0
    return (latencies[len(latencies) // 2] / 1000, latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] / 1000)


def warm_up(run_slice, label):
    """Runs slices at concurrency 8 until throughput stops rising (two slices within 5%), or WARMUP_SLICES."""
    previous = None
    for n in range(WARMUP_SLICES):
        r = run_slice()
        rps = r["requests"] / r["seconds"]
        print(f"  warm-up {label} slice {n + 1}: {rps:.0f} req/s", file=sys.stderr)
        if previous and abs(rps - previous) <= 0.05 * previous:
            return
        previous = rps


def record(result):
    with open(f"{OUT}/results.jsonl", "a") as f:
        f.write(json.dumps(result) + "\n")
    print(f"  {result['server']} {result['query']} c={result['concurrency']}: {result['rps']:.0f} req/s,"
          f" p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms, errors {result['errors']},"
          f" {'(not counted)' if result['sql_per_request'] is None else format(result['sql_per_request'], '.2f')}"
          " SQL/req", file=sys.stderr)


def measure_graphql(server, url, pid):
    pid = int(pid)
    check(server, url)
    for query in QUERIES:
        warm_up(lambda: wrk(url, server, query, 8, WARMUP), f"{server} {query}")
        for concurrency in CONCURRENCY:
            reset_statements()
            cpu_before = cpu_seconds(pid)
            with BackendCpu() as db:
                r = wrk(url, server, query, concurrency, DURATION)
            cpu = cpu_seconds(pid) - cpu_before
            statements = count_statements()
            record({"server": server, "query": query, "concurrency": concurrency, "rps": r["requests"] / r["seconds"],
                    "p50": r["p50"], "p99": r["p99"], "errors": r["errors"], "requests": r["requests"],
                    "server_cpu_per_1k": 1000 * cpu / max(r["requests"], 1),
                    "db_cpu_per_1k": 1000 * db.seconds() / max(r["requests"], 1), "rss_mb": rss_mb(pid),
                    "sql_per_request": per_request(statements, r["requests"], server, query),
                    "load": os.getloadavg()[0]})


def measure_floor():
    for query in QUERIES:
        warm_up(lambda: pgbench(query, 8, WARMUP), f"floor {query}")
        for concurrency in CONCURRENCY:
            reset_statements()
            log_prefix = os.path.join(tempfile.mkdtemp(prefix="pgbench-"), "log")
            with BackendCpu() as db:
                r = pgbench(query, concurrency, DURATION, log_prefix)
            statements = count_statements()
            if statements is None:  # the script: its argument read (not counted) and one statement
                statements = r["requests"]
            p50, p99 = pgbench_latencies(log_prefix)
            os.rmdir(os.path.dirname(log_prefix))
            record({"server": "floor", "query": query, "concurrency": concurrency, "rps": r["requests"] / r["seconds"],
                    "p50": p50, "p99": p99, "errors": r["errors"], "requests": r["requests"],
                    "server_cpu_per_1k": 1000 * db.seconds() / max(r["requests"], 1),
                    "db_cpu_per_1k": 1000 * db.seconds() / max(r["requests"], 1), "rss_mb": None,
                    "sql_per_request": statements / max(r["requests"], 1), "load": os.getloadavg()[0]})


def per_request(statements, requests, server, query):
    """From pg_stat_statements when it counted; else from the server's counting pass; None when neither did."""
    if statements is not None:
        return statements / max(requests, 1)
    counted = wire_counts(server)
    return counted.get(query)


def wire_counts(server):
    path = f"{OUT}/wire-{server}.json"
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return json.load(f)


def wire_counter():
    import socket
    with socket.create_connection(("127.0.0.1", WIRE_CONTROL), timeout=5) as control:
        return int(control.makefile().readline())


def count_on_wire(server, url):
    """A few requests per query, one at a time, through the counting proxy: the statements each one sent."""
    counts = {}
    for query in QUERIES:
        with open(bodies_file(server, query)) as f:
            bodies = [next(f) for _ in range(COUNTED + 3)]
        for body in bodies[:3]:  # first statements of a connection (prepares, settings) are not the query's
            post(url, body)
        before = wire_counter()
        for body in bodies[3:]:
            answer = post(url, body)
            if answer.get("errors"):
                sys.exit(f"{server} {query}: errors {answer['errors']}")
        counts[query] = (wire_counter() - before) / COUNTED
        print(f"  {server} {query}: {counts[query]:.2f} SQL statements per request (wire, {COUNTED} requests)",
              file=sys.stderr)
    with open(f"{OUT}/wire-{server}.json", "w") as f:
        json.dump(counts, f)


def report():
    results = {}
    with open(f"{OUT}/results.jsonl") as f:
        for line in f:
            r = json.loads(line)
            results[(r["query"], r["concurrency"], r["server"])] = r
    names = {"q1": "Q1 list", "q2": "Q2 deep", "q3": "Q3 search", "q4": "Q4 point", "q5": "Q5 statement page",
             "q6": "Q6 actor page", "q7": "Q7 source page"}
    print("| query | c | server | req/s | p50 ms | p99 ms | errors | server CPU s/1k req | DB CPU s/1k req"
          " | RSS MB | SQL/req |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    ratios = []
    for query in QUERIES:
        for concurrency in CONCURRENCY:
            row = {s: results.get((query, concurrency, s)) for s in ("parley", "postgraphile", "floor")}
            for server, r in row.items():
                if r is None:
                    continue
                rss = "" if r["rss_mb"] is None else f"{r['rss_mb']:.0f}"
                server_cpu = "(=DB)" if server == "floor" else f"{r['server_cpu_per_1k']:.2f}"
                sql = "not counted" if r["sql_per_request"] is None else f"{r['sql_per_request']:.1f}"
                print(f"| {names[query]} | {concurrency} | {server} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f}"
                      f" | {r['errors']} | {server_cpu} | {r['db_cpu_per_1k']:.2f} | {rss} | {sql} |")
            parley, peer, floor = row["parley"], row["postgraphile"], row["floor"]
            ratio = lambda a, b: f"{a['rps'] / b['rps']:.2f}" if a and b and b["rps"] else "-"
            ratios.append(f"| {names[query]} | {concurrency} | {ratio(parley, peer)} | {ratio(parley, floor)} |")
    print()
    if statements_preloaded():
        print("SQL/req: pg_stat_statements, over each point.")
    else:
        print("SQL/req: pg_stat_statements is not preloaded by this PostgreSQL (shared_preload_libraries), so the"
              " GraphQL servers' statements were counted on the wire protocol (bench/pgwire_count.py) in a separate"
              f" pass of {COUNTED} requests per query; the floor's is its script's one statement.")
    print()
    print("| query | c | Parley/PostGraphile (req/s) | Parley/floor (req/s) |")
    print("|---|---|---|---|")
    print("\n".join(ratios))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "bodies":
        write_bodies()
    elif command == "graphql":
        measure_graphql(*sys.argv[2:5])
    elif command == "floor":
        measure_floor()
    elif command == "count":
        count_on_wire(*sys.argv[2:4])
    elif command == "report":
        report()
    else:
        sys.exit(__doc__)
