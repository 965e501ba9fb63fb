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
    """Another form of the word that the corpus uses: a suffix or possessive added or taken off, or the prefix changed."""
    forms = [w[:-3] if w.endswith('nya') else w + 'nya', w[:-2] if w.endswith('an') else w + 'an', w[:-3] if w.endswith('kan') else w + 'kan',
             w[2:] if w.startswith('di') else 'di' + w]
    for a, b in (('mem', 'pem'), ('men', 'pen'), ('meng', 'peng'), ('ber', 'per'), ('di', 'me'), ('pem', 'mem'), ('pen', 'men'), ('peng', 'meng')):
        if w.startswith(a): forms.append(b + w[len(a):])
    forms = sorted(set(f for f in forms if f != w and len(f) >= 4 and vocab[f] >= 2))
    return rnd.choice(forms) if forms else None

def typo(w):
    i = rnd.randrange(2, len(w) - 1)
    return w[:i] + w[i + 1:] if rnd.random() < 0.5 else w[:i - 1] + w[i] + w[i - 1] + w[i + 1:]

def matches(picked, a):
    """How many of the 1,000 articles hold every picked word (and phrase) as written."""
    plain = [w for w in picked if not w.startswith('"')]
    quoted = [w.strip('"') for w in picked if w.startswith('"')]
    return sum(1 for b in articles if all(w in sets[b['id']] for w in plain) and all(q in lowered[b['id']] for q in quoted))

# A known item is one a person could name: the words picked (before any typo or other word form)
# must together point at that one article, as a citizen's words would. Words shared by many
# articles are fine on their own; a query is kept only when no other article holds all of them.
sets = {a['id']: set(words(a['text'])) for a in articles}
lowered = {a['id']: ' '.join(words(a['text'])) for a in articles}
queries = []
order = list(range(len(articles)))
rnd.shuffle(order)
for idx in order:
    if len(queries) == 300: break
    a = articles[idx]
    summary = [w for w in words(a['summary']) if len(w) >= 4 and w not in stop and w in sets[a['id']] and vocab[w] >= 2]
    # What the article is about: words it repeats that few other articles use (tf x idf), the
    # words a reader remembers, rather than the rarest word forms of its summary.
    tf = Counter(words(a['text']))
    cands = sorted(set(summary), key=lambda w: (-tf[w] * math.log(1000 / df[w]), w))[:5]
    if len(cands) < 2: continue
    n = rnd.choice([1, 2, 2, 3, 3, 4])
    picked = rnd.sample(cands, min(n, len(cands)))
    kind = rnd.random()
    if kind < 0.10:
        seq = words(a['summary'])
        pairs = [f'{x} {y}' for x, y in zip(seq, seq[1:]) if x not in stop and y not in stop and f'{x} {y}' in lowered[a['id']]]
        if pairs:
            picked = ['"' + rnd.choice(pairs) + '"'] + picked[:1]
    # Widen an ambiguous query with the article's next most distinctive words, up to four words.
    rest = [w for w in cands if w not in picked]
    while matches(picked, a) > 1 and rest and len(' '.join(picked).split()) < 4:
        picked.append(rest.pop(0))
    if matches(picked, a) != 1 or len(' '.join(picked).split()) > 4: continue
    if kind >= 0.10 and kind < 0.45:
        j = rnd.randrange(len(picked)); v = variant(picked[j])
        if v: picked[j] = v
    elif kind >= 0.45 and kind < 0.60:
        j = rnd.randrange(len(picked))
        if len(picked[j]) >= 6 and not picked[j].startswith('"'): picked[j] = typo(picked[j])
    queries.append((' '.join(picked), a['id']))

with open(out, 'w', encoding='utf-8') as f:
    f.write('# Known-item set (bench/search-known-items.py): "article" lines name the 1,000 indexed IndoSum\n')
    f.write('# articles (CC BY-SA 4.0, Kurniawan & Louvan 2018; text read from ../shared/corpora), "query" lines a query and its one article.\n')
    for a in articles: f.write(f"article\t{a['id']}\n")
    for q, i in queries: f.write(f"query\t{q}\t{i}\n")
print(len(articles), len(queries), out)
