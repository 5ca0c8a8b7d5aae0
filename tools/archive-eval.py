#!/usr/bin/env python3
"""Measure name-spelling with a newsroom's archive, leave-fold-out.

The originals of the development set (gold.jsonl entries whose
"mutation" is null; the injected copies are skipped) are the archive.
They are split into FOLDS folds by a stable hash of their file names; an
authority is built for each fold (newslint archive build), and each
article is checked against the merge of the other folds (newslint archive
merge), so that no article is ever checked against an authority that
holds it (stricter than leave-one-out: the other articles of its fold are
out too).

Mutants: in each original, every person the article names once (newslint
inspect --format json: one mention, in full, with a title or an
honorific) whose full name the fold's authority knows in MIN_ARTICLES
articles or more (newslint archive lookup), gets its surname misspelt by
one edit, as the development set's name-spelling mutations are made (a
vowel changed, a letter dropped, two neighbours swapped; never the first
letter), at most PER_ARTICLE per article, chosen with a fixed seed.

Recall: the share of mutants on which name-spelling reports the mutated
word (its offset) with --archive the fold's authority. False alarms: the
name-spelling findings on the clean originals with --archive that are not
there without it, per 100 articles. Both are printed, with every miss and
every false alarm.

Usage (from the repository, after go build -o newslint ./cmd/newslint):

    python3 tools/archive-eval.py [--dev ../shared/eval/dev] [--newslint ./newslint]
                                  [--work DIR] [--folds 10] [--per-article 2] [--seed 22]

Temporary files go under --work (default: a new temporary directory,
removed at the end); never into the repository.
"""

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

VOWELS = "aeiou"


def run(cmd, ok=(0, 1)):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in ok:
        sys.exit(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr}")
    return p.stdout


def fold_of(name, folds):
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % folds


def misspell(word, rng):
    """One edit of word as the development set's mutations make them: a
    vowel changed for another (about half), a letter dropped (a third),
    two neighbours swapped; never the first letter."""
    for _ in range(50):
        kind = rng.choices(["vowel", "drop", "swap"], weights=[53, 30, 17])[0]
        if kind == "vowel":
            at = [i for i in range(1, len(word)) if word[i] in VOWELS]
            if not at:
                continue
            i = rng.choice(at)
            out = word[:i] + rng.choice([v for v in VOWELS if v != word[i]]) + word[i + 1:]
        elif kind == "drop":
            i = rng.randrange(1, len(word))
            out = word[:i] + word[i + 1:]
        else:
            at = [i for i in range(1, len(word) - 1) if word[i] != word[i + 1]]
            if not at:
                continue
            i = rng.choice(at)
            out = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if out.lower() != word.lower():
            return out, kind
    return None, None


SURNAME_RE = re.compile(r"([^\W\d_][\w'’.-]*?)(?:['’]s)?$")


def single_mentions(report):
    """The people an inspect report names exactly once by name, in full:
    (full name, surname start offset, surname)."""
    out = []
    for e in report["entities"]:
        if e["kind"] != "person":
            continue
        names = [m for m in e["mentions"] if m["form"] in ("full-name", "titled", "honorific", "surname")]
        if len(names) != 1 or len(e["name"].split()) < 2:
            continue
        m = names[0]
        text = m["text"]
        # The surname is the mention's last word (possessive left out).
        mt = SURNAME_RE.search(text)
        if not mt or not mt.group(1)[:1].isupper():
            continue
        sur = mt.group(1)
        if not sur.isalpha() or len(sur) < 4 or sur.isupper():
            continue
        if e["name"].split()[-1] != sur:
            continue
        out.append((e["name"], m["offset"] + len(text[: mt.start(1)].encode()), sur))
    return out


def lint(newslint, paths, archive=None):
    """name-spelling findings of a run, by path: {path: {offset: message}}."""
    cmd = [newslint, "--format", "json", "--quiet", "--enable", "name-spelling"]
    if archive:
        cmd += ["--archive", archive]
    out = json.loads(run(cmd + paths))
    res = {}
    for f in out["files"]:
        res[os.path.realpath(f["path"])] = {x["offset"]: x["message"] for x in f.get("findings", []) if x["rule"] == "name-spelling"}
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dev", default="../shared/eval/dev")
    ap.add_argument("--newslint", default="./newslint")
    ap.add_argument("--work", help="directory for temporary files (default: a new temporary directory, removed)")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--per-article", type=int, default=2)
    ap.add_argument("--min-articles", type=int, default=3)
    ap.add_argument("--seed", type=int, default=22)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--errata", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "archive-eval-errata.tsv"),
                    help="findings on the originals read by hand (set, path, line, rule, verdict, note): those whose verdict is real are published errors, not false alarms")
    args = ap.parse_args()
    newslint = os.path.abspath(args.newslint)
    work = args.work or tempfile.mkdtemp(prefix="archive-eval-")
    os.makedirs(work, exist_ok=True)
    try:
        evaluate(args, newslint, os.path.abspath(work))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


def load_errata(path, set_name):
    real = set()
    if not os.path.exists(path):
        return real
    for line in open(path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if line.startswith("#") or len(cols) < 5 or cols[0] != set_name:
            continue
        if cols[4] == "real":
            real.add((cols[1], int(cols[2]), cols[3]))
    return real


def evaluate(args, newslint, work):
    gold = [json.loads(line) for line in open(os.path.join(args.dev, "gold.jsonl"))]
    errata = load_errata(args.errata, os.path.basename(os.path.normpath(args.dev)))
    originals = sorted(g["path"] for g in gold if g["mutation"] is None)
    folds = [[] for _ in range(args.folds)]
    for name in originals:
        folds[fold_of(name, args.folds)].append(name)
    # The originals of each fold, copied (the archive), and its authority.
    for k, names in enumerate(folds):
        d = os.path.join(work, f"fold-{k}")
        os.makedirs(d, exist_ok=True)
        for n in names:
            shutil.copyfile(os.path.join(args.dev, n), os.path.join(d, n))
    with ThreadPoolExecutor(args.jobs) as ex:
        list(ex.map(lambda k: run([newslint, "archive", "build", "--quiet", os.path.join(work, f"fold-{k}"), "-o",
                                   os.path.join(work, f"fold-{k}.nla")], ok=(0,)), range(args.folds)))
        list(ex.map(lambda k: run([newslint, "archive", "merge", "--quiet"] +
                                  [os.path.join(work, f"fold-{j}.nla") for j in range(args.folds) if j != k] +
                                  ["-o", os.path.join(work, f"without-{k}.nla")], ok=(0,)), range(args.folds)))

        def inspect(name):
            k = fold_of(name, args.folds)
            return name, json.loads(run([newslint, "inspect", "--format", "json", os.path.join(work, f"fold-{k}", name)], ok=(0,)))
        reports = dict(ex.map(inspect, originals))

    # Candidates: single mentions whose full name the fold's authority
    # knows in min-articles articles or more.
    rng = random.Random(args.seed)
    mutants = []  # (fold, name, path, offset, original, mutated, kind)
    for k, names in enumerate(folds):
        cands = [(n, c) for n in names for c in single_mentions(reports[n])]
        known = {}
        queries = sorted({c[0] for _, c in cands})
        for i in range(0, len(queries), 200):
            out = json.loads(run([newslint, "archive", "lookup", "--format", "json", os.path.join(work, f"without-{k}.nla")] + queries[i:i + 200]))
            for q in out["names"]:
                known[q["query"]] = max([e["articles"] for e in q["entities"] if e["kind"] == "person"], default=0)
        mdir = os.path.join(work, f"mutants-{k}")
        os.makedirs(mdir, exist_ok=True)
        for n in names:
            mine = [c for m, c in cands if m == n and known.get(c[0], 0) >= args.min_articles]
            rng.shuffle(mine)
            data = open(os.path.join(args.dev, n), "rb").read()
            made = 0
            for full, off, sur in mine:
                if made == args.per_article:
                    break
                if data[off:off + len(sur.encode())] != sur.encode():
                    continue
                bad, kind = misspell(sur, rng)
                if not bad:
                    continue
                path = os.path.join(mdir, f"{n[:-4]}-m{made}.txt")
                with open(path, "wb") as f:
                    f.write(data[:off] + bad.encode() + data[off + len(sur.encode()):])
                mutants.append((k, n, path, off, sur, bad, kind, full))
                made += 1

    found, misses = 0, []
    false_alarms = []
    by_kind = {}
    for k in range(args.folds):
        auth = os.path.join(work, f"without-{k}.nla")
        mine = [m for m in mutants if m[0] == k]
        if mine:
            res = lint(newslint, [os.path.join(work, f"mutants-{k}")], auth)
            for m in mine:
                hit = m[3] in res.get(os.path.realpath(m[2]), {})
                found += hit
                t = by_kind.setdefault(m[6], [0, 0])
                t[0] += hit
                t[1] += 1
                if not hit:
                    misses.append(m)
        clean = [os.path.join(work, f"fold-{k}")]
        with_a, without = lint(newslint, clean, auth), lint(newslint, clean)
        for path, fs in with_a.items():
            for off, msg in fs.items():
                if off not in without.get(path, {}):
                    name = os.path.basename(path)
                    line = open(path, "rb").read()[:off].count(b"\n") + 1
                    false_alarms.append((name, line, off, msg, (name, line, "name-spelling") in errata))

    n = len(mutants)
    print(f"archive: {len(originals)} originals in {args.folds} folds; each checked against the other {args.folds - 1} folds")
    print(f"mutants: {n} single-mention names known in >= {args.min_articles} articles, misspelt by one edit")
    print(f"recall: {found}/{n} = {found / max(n, 1):.3f}")
    for kind, (h, t) in sorted(by_kind.items()):
        print(f"  {kind}: {h}/{t}")
    real = [fa for fa in false_alarms if fa[4]]
    false = [fa for fa in false_alarms if not fa[4]]
    per100 = lambda n: 100 * n / len(originals)
    print(f"archive-based findings on the clean originals: {len(false_alarms)} = {per100(len(false_alarms)):.2f} per 100 articles")
    print(f"  real errors in the published text (read by hand, {os.path.basename(args.errata)}): {len(real)}")
    print(f"  false alarms: {len(false)} = {per100(len(false)):.2f} per 100 articles")
    for m in misses:
        print(f"miss: {os.path.basename(m[2])} offset {m[3]}: {m[4]} -> {m[5]} ({m[6]}; {m[7]})")
    for fa in false_alarms:
        print(f"{'real error' if fa[4] else 'false alarm'}: {fa[0]}:{fa[1]} (offset {fa[2]}): {fa[3]}")


if __name__ == "__main__":
    main()
