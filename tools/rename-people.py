#!/usr/bin/env python3
"""Count the findings renaming the people of clean articles brings: copy that is new to newslint.

The dev set and PolNeAR name the same few people again and again (Trump,
Clinton, Sanders); an article from another newsroom names others. This
tool copies each article of a folder of clean articles (../polnear-train
as ../shared/eval/polnear-train.py builds it, or any folder of .txt
files) into a temporary folder (or --work), renaming every person newslint
names in full: each first name the name data (people/data/given.txt) give
one gender becomes another first name of that gender, mostly a given name,
and each surname becomes a common surname the article does not use, the
same replacement for every use of the word in the article (--unisex:
first names the data give neither gender, so that only the article's
words tell who is a man or a woman). Genders,
pronouns and the text's structure are unchanged, so a finding on a copy
that its original does not have is a false alarm that the names alone
bring. It prints, per rule, the findings on the originals and on the
copies, and lists the copies' findings of --rule (default
pronoun-consistency) that the originals do not have.

Usage (from the repository, after go build -o newslint ./cmd/newslint):

    python3 tools/rename-people.py [--articles ../polnear-train] [--newslint ./newslint]
                                   [--seed 1] [--work DIR] [--rule RULE]

Never commit the copies: they are other newsrooms' articles.
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# First names that are also words of dates: a name like "Tuesday" would
# test the calendar, not the people.
CALENDAR = set('Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June '
               'July August September October November December'.split())


def load_names():
    given = {}
    for line in open(os.path.join(HERE, '..', 'people', 'data', 'given.txt'), encoding='utf-8'):
        parts = line.rstrip('\n').split('\t')
        if len(parts) >= 2 and len(parts[1]) >= 2:
            given[parts[0]] = parts[1]
    by_gender = {g: sorted(n for n, c in given.items() if c[0] == g and c[1] == 'G' and n not in CALENDAR) for g in 'mfu'}
    # Surnames that are also a legal form ("Corp"), a place or an
    # organisation's name, or a pronoun ("Her"), would test those, not
    # people.
    other = {'he', 'her', 'him', 'his', 'she', 'hers', 'it', 'we', 'you', 'they'}
    for name in ('legalforms.txt', 'places.txt', 'orgs.txt'):
        for line in open(os.path.join(HERE, '..', 'people', 'data', name), encoding='utf-8'):
            other.add(line.split('\t')[0].lower())
    surnames = []
    for line in open(os.path.join(HERE, '..', 'people', 'data', 'surnames.txt'), encoding='utf-8'):
        parts = line.rstrip('\n').split('\t')
        if len(parts) == 2 and parts[1] in ('1', '2') and parts[0].isalpha() and parts[0] not in given and parts[0].lower() not in other:
            surnames.append(parts[0])
    return given, by_gender, surnames


def inspect(binary, path):
    out = subprocess.run([binary, 'inspect', '--format', 'json', path], capture_output=True, check=False).stdout
    return json.loads(out)


def rename(text, entities, rng, given, by_gender, surnames, unisex=False):
    """The article with its fully named people renamed; with unisex, to
    first names the data give neither gender (Casey, Jordan)."""
    firsts, lasts = {}, {}
    for e in entities:
        words = e['name'].split()
        code = given.get(words[0]) if len(words) >= 2 else None
        if e['kind'] not in ('person', 'unknown') or not code or code[0] not in 'mf':
            continue
        firsts.setdefault(words[0], rng.choice(by_gender['u' if unisex else code[0]]))
        last = words[-1]
        if last not in lasts and last.isalpha() and last not in given:
            while True:
                new = rng.choice(surnames)
                if new not in text and new not in lasts.values():
                    break
            lasts[last] = new
    table = {**firsts, **lasts}
    if not table:
        return text
    pattern = re.compile(r'\b(' + '|'.join(map(re.escape, sorted(table, key=len, reverse=True))) + r')\b')
    return pattern.sub(lambda m: table[m.group(1)], text)


def findings(binary, folder, files):
    out = subprocess.run([binary, '--format', 'json'] + [os.path.join(folder, f) for f in files],
                         capture_output=True, check=False).stdout
    result = collections.defaultdict(list)
    for f in json.loads(out)['files']:
        for x in f.get('findings', []):
            result[x['rule']].append((os.path.basename(f['path']), x['line'], x['message']))
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--articles', default=os.path.join(HERE, '..', '..', 'polnear-train'))
    ap.add_argument('--newslint', default='./newslint')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--work', help='where the copies go (default: a new temporary folder)')
    ap.add_argument('--rule', default='pronoun-consistency')
    ap.add_argument('--unisex', action='store_true', help='rename first names to ones the data give neither gender')
    args = ap.parse_args()
    given, by_gender, surnames = load_names()
    rng = random.Random(args.seed)
    work = args.work or tempfile.mkdtemp(prefix='renamed-')
    os.makedirs(work, exist_ok=True)
    files = sorted(f for f in os.listdir(args.articles) if f.endswith('.txt'))
    for f in files:
        path = os.path.join(args.articles, f)
        text = open(path, encoding='utf-8').read()
        copy = rename(text, inspect(args.newslint, path)['entities'], rng, given, by_gender, surnames, args.unisex)
        with open(os.path.join(work, f), 'w', encoding='utf-8') as out:
            out.write(copy)
    before = findings(args.newslint, args.articles, files)
    after = findings(args.newslint, work, files)
    print(f'{len(files)} articles, renamed copies in {work}')
    print(f'{"rule":28} {"originals":>9} {"renamed":>8}')
    for rule in sorted(set(before) | set(after)):
        print(f'{rule:28} {len(before[rule]):9} {len(after[rule]):8}')
    old = collections.Counter((f, line) for f, line, _ in before[args.rule])
    print(f'\n{args.rule} findings on the copies that their originals do not have:')
    for f, line, msg in after[args.rule]:
        if old[(f, line)] > 0:
            old[(f, line)] -= 1
            continue
        print(f'  {f}:{line}: {msg}')


if __name__ == '__main__':
    main()
