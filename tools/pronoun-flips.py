#!/usr/bin/env python3
"""Measure pronoun-consistency's recall on political copy: one flipped pronoun per copy.

The articles are PolNeAR's train split as ../shared/eval/polnear-train.py
builds them (../polnear-train, outside the repository; never commit
them or the copies made here). For every article, newslint inspect
--format json lists the gendered pronouns outside quotations (those it
resolves and those it leaves open) and the people with the gender it
gives them. N of those pronouns, drawn with a fixed seed, are flipped,
one per copy (he/she, him/her, his/her, himself/herself; "her" becomes
"his"), and the copies are written to WORK (a temporary folder by
default).

Each copy is then linted; a flip is found when pronoun-consistency
reports the flipped word (its offset). A person's gender is the one a
reader gives them: inspect's (a gendered title or honorific), else that
of the pronouns inspect resolves to them (the flipped one aside) when
they agree, else a first name people/data/given.txt gives one gender.
Recall is printed for all flips and for "tier A": after the flip nobody
of the pronoun's new gender is named, called by a gendered noun, or
referred to by a pronoun in its paragraph up to it or in the paragraph
before, nobody of unknown gender is named there, and someone of its old
gender is; a reader sees the slip at once. The other flips are often
ambiguous (a woman in view when "he" became "she"). "Dev-like" flips
are those the dev set's mutations would pick: the person named last
before the pronoun in its own sentence has its old gender. Findings of
the rule elsewhere in the copies are counted too.

Usage (from the repository, after go build -o newslint ./cmd/newslint):

    python3 tools/pronoun-flips.py [--articles ../polnear-train] [--newslint ./newslint]
                                   [--inspect BIN] [--seed 7] [-n 900] [--work DIR] [--misses FILE] [--elsewhere FILE]

--inspect chooses the build whose inspect picks the pronouns (by default
the one measured): give an older build to compare two builds on the same
flips.
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile

SWAP = {'he': 'she', 'she': 'he', 'him': 'her', 'her': 'his', 'his': 'her',
        'himself': 'herself', 'herself': 'himself', 'hers': 'his'}
FEMALE_PRONOUNS = {'she', 'her', 'hers', 'herself'}
GENDER_WORDS = {
    'female': set('she her hers herself woman women wife mother daughter sister girl lady chairwoman '
                  'congresswoman spokeswoman businesswoman grandmother aunt niece widow queen actress mrs ms madam'.split()),
    'male': set('he him his himself man men husband father son brother boy gentleman chairman congressman '
                'spokesman businessman grandfather uncle nephew widower king actor mr sir'.split()),
}


def inspect(binary, path):
    out = subprocess.run([binary, 'inspect', '--format', 'json', path], capture_output=True, check=False).stdout
    return json.loads(out)


def given_genders():
    """The one-sided given names of people/data/given.txt (m or f)."""
    out = {}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'people', 'data', 'given.txt')
    for line in open(path, encoding='utf-8'):
        name, code = line.rstrip('\n').split('\t')[:2]
        if code[0] in 'mf':
            out[name] = 'male' if code[0] == 'm' else 'female'
    return out


GIVEN = None


def established(e, skip):
    """The gender the article gives person e, the pronoun at offset skip
    aside: a gendered honorific or title, else the pronouns resolved to
    them when they agree, else a one-sided given name."""
    if e.get('gender'):
        return e['gender']
    said = {('female' if p['text'].lower() in FEMALE_PRONOUNS else 'male')
            for p in e.get('pronouns', []) if p['offset'] != skip and p['text'].lower() in SWAP}
    if len(said) == 1:
        return said.pop()
    if said:
        return None
    words = e['name'].split()
    return GIVEN.get(words[0]) if len(words) >= 2 else None


def candidates(binary, folder, name):
    path = os.path.join(folder, name)
    d = inspect(binary, path)
    raw = open(path, 'rb').read()
    paras = [0] + [m.end() for m in re.finditer(rb'\n\n', raw)]
    people = [e for e in d.get('entities', []) if e['kind'] == 'person']
    quotes = [(q['offset'], q['endOffset']) for q in d.get('quotes', [])]
    pronouns = [m for e in d.get('entities', []) for m in e.get('pronouns', [])] + d.get('unresolvedPronouns', [])
    out = []
    for m in pronouns:
        o = m['offset']
        word = raw[o:m['endOffset']].decode('utf-8')
        if word.lower() not in SWAP or any(a <= o < z for a, z in quotes):
            continue
        old = 'female' if word.lower() in FEMALE_PRONOUNS else 'male'
        new = 'male' if old == 'female' else 'female'
        mentions = [(x['offset'], established(e, o)) for e in people for x in e['mentions']]
        k = max(i for i, s in enumerate(paras) if s <= o)
        start = paras[k - 1] if k > 0 else 0
        in_view = [g for off, g in mentions if start <= off < o]
        words = set(re.findall(r'[a-z]+', raw[start:o].decode('utf-8', 'replace').lower()))
        tier_a = old in in_view and new not in in_view and None not in in_view and not words & GENDER_WORDS[new]
        # Dev-like: as the dev set's mutations pick them, the person
        # named last before the pronoun in its own sentence is of its
        # old gender.
        ends = [x.end() for x in re.finditer(rb'[.?!]["\x27\xe2\x80\x9d]*\s+(?=[A-Z"\xe2])', raw[start:o])]
        sent = start + max(ends, default=0)
        named = sorted((off, g) for off, g in mentions if sent <= off < o)
        dev_like = bool(named) and named[-1][1] == old
        out.append((name, o, m['endOffset'], word, tier_a, dev_like))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--articles', default='../polnear-train')
    ap.add_argument('--newslint', default='./newslint')
    ap.add_argument('--inspect', help='the build whose inspect picks the pronouns (default: --newslint)')
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('-n', type=int, default=900)
    ap.add_argument('--work', help='where the copies go (default: a new temporary folder)')
    ap.add_argument('--misses', help='write the flips not found here, as JSON')
    ap.add_argument('--elsewhere', help='write the findings of the rule elsewhere in the copies, as JSON')
    args = ap.parse_args()
    global GIVEN
    GIVEN = given_genders()
    names = sorted(f for f in os.listdir(args.articles) if f.endswith('.txt'))
    if not names:
        sys.exit('no articles in %s: build them with ../shared/eval/polnear-train.py' % args.articles)
    cands = []
    for name in names:
        cands.extend(candidates(args.inspect or args.newslint, args.articles, name))
    random.Random(args.seed).shuffle(cands)
    work = args.work or tempfile.mkdtemp(prefix='newslint-flips-')
    os.makedirs(work, exist_ok=True)
    made = []
    for i, (name, o, z, word, tier_a, dev_like) in enumerate(cands[:args.n]):
        raw = open(os.path.join(args.articles, name), 'rb').read()
        new = SWAP[word.lower()]
        if word[0].isupper():
            new = new.capitalize()
        copy = 'flip-%04d.txt' % i
        with open(os.path.join(work, copy), 'wb') as f:
            f.write(raw[:o] + new.encode() + raw[z:])
        made.append(dict(file=copy, article=name, offset=o, old=word, new=new, tierA=tier_a, devLike=dev_like))
    out = json.loads(subprocess.run([args.newslint, '--format', 'json', work], capture_output=True).stdout)
    found = collections.defaultdict(set)
    messages = {}
    for f in out['files']:
        for x in f['findings']:
            if x['rule'] == 'pronoun-consistency':
                found[os.path.basename(f['path'])].add(x['offset'])
                messages[(os.path.basename(f['path']), x['offset'])] = x['message']
    hits, totals, elsewhere, misses = collections.Counter(), collections.Counter(), 0, []
    for m in made:
        tier = 'A' if m['tierA'] else 'B'
        totals[tier] += 1
        if m['devLike']:
            totals['D'] += 1
        if m['offset'] in found[m['file']]:
            hits[tier] += 1
            hits['D'] += m['devLike']
        else:
            misses.append(m)
        elsewhere += len(found[m['file']] - {m['offset']})
    for tier, label in (('A', 'tier A (nobody of the new gender in view)'), ('B', 'the others'),
                        ('D', 'dev-like (named last in its sentence)')):
        print('%-45s %4d / %4d  %.3f' % (label, hits[tier], totals[tier], hits[tier] / max(1, totals[tier])))
    total = totals['A'] + totals['B']
    print('%-45s %4d / %4d  %.3f' % ('all flips', hits['A'] + hits['B'], total, (hits['A'] + hits['B']) / max(1, total)))
    print('other pronoun-consistency findings in the copies: %d' % elsewhere)
    print('copies in %s' % work)
    if args.elsewhere:
        with open(args.elsewhere, 'w') as f:
            json.dump([dict(file=m['file'], flip=m['offset'], offset=o, message=messages[(m['file'], o)])
                       for m in made for o in sorted(found[m['file']] - {m['offset']})], f, indent=1)
    if args.misses:
        with open(args.misses, 'w') as f:
            json.dump(misses, f, indent=0)


if __name__ == '__main__':
    main()
