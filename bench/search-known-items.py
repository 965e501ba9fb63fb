#!/usr/bin/env python3
"""Builds the known-item set for search quality, deterministically, from the IndoSum articles in
../shared/corpora/indonesian: 1,000 articles (every third by id) and 300 citizen-style queries,
each meant to find one article. Queries take 1-4 words of the article's human-written summary
(so often another word form than the text's), some with a different suffix, some with a typo, some
quoted. Output: tests/SatuPintu.Tests/Search/Fixtures/known-items.tsv (article ids, then queries)."""
import json, random, re, sys, os, math
from collections import Counter

corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'corpora', 'indonesian')
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '..', 'tests', 'SatuPintu.Tests', 'Search', 'Fixtures', 'known-items.tsv')
rows = [json.loads(l) for l in open(os.path.join(corpus, 'indosum', 'articles.jsonl'), encoding='utf-8')]
rows.sort(key=lambda r: r['id'])
articles = rows[::3][:1000]
stop = set(w.strip() for w in open(os.path.join(corpus, 'stopwords-iso', 'stopwords-id.txt'), encoding='utf-8'))
word = re.compile(r'[a-z]+')
def words(t): return word.findall(t.lower())
vocab = Counter(w for r in rows for w in set(words(r['text'])))
df = Counter(w for a in articles for w in set(words(a['text'])))
rnd = random.Random(20261201)

def variant(w):
    forms = []
    if w.endswith('nya'): forms.append(w[:-3])
    else: forms.append(w + 'nya')
    if w.endswith('an'): forms.append(w[:-2])
    else: forms.append(w + 'an')
    for a, b in (('mem', 'pem'), ('men', 'pen'), ('meng', 'peng'), ('ber', 'per'), ('di', 'me')):
        if w.startswith(a): forms.append(b + w[len(a):])
    forms = [f for f in forms if f != w and vocab[f] >= 2]
    return forms[0] if forms else None

def typo(w):
    i = rnd.randrange(2, len(w) - 1)
    return w[:i] + w[i + 1:] if rnd.random() < 0.5 else w[:i - 1] + w[i] + w[i - 1] + w[i + 1:]

queries = []
order = list(range(len(articles)))
rnd.shuffle(order)
for idx in order:
    if len(queries) == 300: break
    a = articles[idx]
    summary = [w for w in words(a['summary']) if len(w) >= 4 and w not in stop and df[w] >= 2]
    cands = sorted(set(summary), key=lambda w: -math.log(1000 / df[w]))[:8]
    if len(cands) < 2: continue
    n = rnd.choice([1, 2, 2, 3, 3, 4])
    picked = rnd.sample(cands, min(n, len(cands)))
    kind = rnd.random()
    if kind < 0.10:
        text = a['text'].lower()
        seq = words(a['summary'])
        pairs = [f'{x} {y}' for x, y in zip(seq, seq[1:]) if x not in stop and y not in stop and f'{x} {y}' in text]
        if pairs:
            picked = ['"' + rnd.choice(pairs) + '"'] + picked[:1]
    elif kind < 0.30:
        j = rnd.randrange(len(picked)); v = variant(picked[j])
        if v: picked[j] = v
    elif kind < 0.45:
        j = rnd.randrange(len(picked))
        if len(picked[j]) >= 6: picked[j] = typo(picked[j])
    queries.append((' '.join(picked), a['id']))

with open(out, 'w', encoding='utf-8') as f:
    f.write('# Known-item set (bench/search-known-items.py): "article" lines name the 1,000 indexed IndoSum\n')
    f.write('# articles (CC BY-SA 4.0, Kurniawan & Louvan 2018; text read from ../shared/corpora), "query" lines a query and its one article.\n')
    for a in articles: f.write(f"article\t{a['id']}\n")
    for q, i in queries: f.write(f"query\t{q}\t{i}\n")
print(len(articles), len(queries), out)
