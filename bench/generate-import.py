#!/usr/bin/env python3
"""Writes a file in Parley's import format (docs/IMPORT.md) of about SIZE megabytes to standard output.

Each block is a small story: two new people (with an alias and a role), a meeting between them and a curated state,
three statements (each responding to the one before), and an attestation line for each encounter and statement;
every tenth block adds a source. References point back to earlier lines or to the curated data set (by key,
Wikidata ID or name). Same size, same file: the random generator is seeded.

    python3 bench/generate-import.py 100 > import-100mb.jsonl
"""
import json
import random
import sys

size = int(sys.argv[1]) * 1_000_000 if len(sys.argv) > 1 else 100_000_000
rng = random.Random(7)
states = ["russia", "north-korea", "Q30", "south-korea", "Q148", "japan"]
words = ("delegation talks agreement cooperation minister envoy summit sanctions security visit treaty economic "
         "military exchange statement press officials border trade pledge support relations regional").split()


def text(n):
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


written = 0
block = 0
source = None
out = sys.stdout
while written < size:
    lines = []
    if block % 10 == 0:
        source = f"bench-source-{block // 10}"
        lines.append({"type": "source", "key": source, "title": text(8), "publisher": "Bench Wire",
                      "url": f"https://bench.example.org/{block // 10}", "publishedOn": f"20{10 + block % 15}-0{1 + block % 9}",
                      "language": "en", "reliabilityNote": text(20)})
    people = []
    for side in "ab":
        key = f"bench-person-{block}-{side}"
        people.append(key)
        country = rng.choice(states)
        lines.append({"type": "actor", "key": key, "kind": "PERSON", "name": f"Bench Person {block} {side.upper()}",
                      "aliases": [f"B. Person {block}{side}"], "description": text(15), "country": country,
                      "roles": [{"title": "Envoy " + text(2), "organization": country, "start": f"20{10 + block % 10}",
                                 "end": None, "source": source}]})
    encounter = f"bench-meeting-{block}"
    lines.append({"type": "encounter", "key": encounter, "kind": "MEETING", "title": "Bench meeting " + str(block),
                  "summary": text(45), "status": "HELD", "start": f"20{10 + block % 15}-0{1 + block % 9}-1{block % 10}",
                  "place": {"name": "Bench Hall " + str(block % 100), "locality": None, "country": "russia",
                            "latitude": 55.75, "longitude": 37.61},
                  "participants": [{"actor": people[0], "role": "HOST", "note": None},
                                   {"actor": people[1], "role": "GUEST", "note": text(6)},
                                   {"actor": rng.choice(["Vladimir Putin", "kim-jong-un", "Q7747"]), "role": "ATTENDEE",
                                    "note": None}]})
    lines.append({"type": "attestation", "source": source, "encounter": encounter, "excerpt": text(30),
                  "note": None, "reportedDate": None})
    previous = None
    for n in range(3):
        key = f"bench-statement-{block}-{n}"
        lines.append({"type": "statement", "key": key, "text": text(40), "mode": "PARAPHRASE",
                      "kind": rng.choice(["CLAIM", "DENIAL", "PLEDGE", "ASSESSMENT"]), "speaker": people[n % 2],
                      "speakerLabel": None, "saidOn": None, "encounter": encounter, "about": [rng.choice(states)],
                      "respondsTo": previous})
        lines.append({"type": "attestation", "source": source, "statement": key, "excerpt": text(25), "note": None,
                      "reportedDate": None})
        previous = key
    for line in lines:
        encoded = json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"
        out.write(encoded)
        written += len(encoded.encode("utf-8"))
    block += 1
