#!/usr/bin/env python3
"""peer.py -- a Python reference for bench/run.sh: the same job, done simply.

Reads every transcript file given (directories are walked for *.xml) with
lxml's iterparse, runs one regular expression per pattern of rapport's rule
files (Python `re`, caseless, as many as rapport compiles: each "pattern"
line and each lexicon line), tags every utterance with the rules whose
pattern matches and writes one JSON line per utterance to stdout. No
sentence logic, no context, no statistics: a floor for "tag with regexes
in a scripting language", to which `make bench` compares rapport.

usage: peer.py RULES_DIR INPUT...
Exit status 2 when python3-lxml is missing (bench/run.sh then skips it).
"""
import json
import os
import re
import sys

try:
    from lxml import etree
except ImportError:
    sys.stderr.write("peer.py: python3-lxml not installed\n")
    sys.exit(2)


def patterns(rules_dir):
    """(rule name, compiled regex) for every pattern of the rule files."""
    out = []
    for name in sorted(os.listdir(rules_dir)):
        if not name.endswith(".rules"):
            continue
        rule, lexicon = None, False
        with open(os.path.join(rules_dir, name), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                key, _, val = line.partition(" ")
                if key == "rule":
                    rule, lexicon = val.strip(), False
                    continue
                if key == "lexicon":
                    lexicon = True
                    continue
                if lexicon:
                    parts = [p.strip() for p in line.split("|")]
                    src = parts[2] if len(parts) > 2 and parts[2] else \
                        r"\b" + re.escape(parts[0]) + r"(?:e?s)?\b"
                    out.append(("jargon." + parts[0].lower(), src))
                elif key == "pattern" and rule is not None:
                    out.append((rule, val.strip().replace("'", "['\u2019]")))
    compiled = []
    for rule, src in out:
        try:
            rx = re.compile(src, re.IGNORECASE)
        except re.error:
            # PCRE2 syntax Python lacks: keep the count with a pattern of
            # the same kind (a few words at a word boundary).
            words = re.findall(r"[a-z]{3,}", src)[:3] or ["zzz"]
            rx = re.compile(r"\b(?:" + "|".join(words) + r")\b",
                            re.IGNORECASE)
        compiled.append((rule, rx))
    return compiled


def inputs(args):
    for a in args:
        if os.path.isdir(a):
            for root, _, files in os.walk(a):
                for f in sorted(files):
                    if f.endswith(".xml"):
                        yield os.path.join(root, f)
        else:
            yield a


def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: peer.py RULES_DIR INPUT...\n")
        return 2
    rules = patterns(sys.argv[1])
    out = sys.stdout
    for path in inputs(sys.argv[2:]):
        session, index = None, 0
        for ev, el in etree.iterparse(path, events=("start", "end")):
            if ev == "start":
                if el.tag == "session":
                    session, index = el.get("id"), 0
                continue
            if el.tag == "u":
                text = "".join(el.itertext())
                tags = []
                for rule, rx in rules:
                    m = rx.search(text)
                    if m:
                        tags.append({"rule": rule, "start": m.start(),
                                     "end": m.end()})
                out.write(json.dumps({"session": session, "index": index,
                                      "who": el.get("who"), "tags": tags})
                          + "\n")
                index += 1
                el.clear()
            elif el.tag == "session":
                el.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
