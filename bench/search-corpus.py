#!/usr/bin/env python3
"""Bench data for bench/search.sh, deterministic: N articles recombined from the IndoSum corpus
(each takes a headline-like title from one article's summary and three paragraphs of others, so
the text is real Indonesian and no two are the same), written as tab-separated rows for a bulk
load; and 200 citizen-style queries (1-3 words, some quoted, some misspelt) as a wrk Lua list.
Usage: search-corpus.py N rows.tsv queries.lua [corpus dir]"""
import json, os, random, re, sys
n, rows_out, queries_out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
corpus = sys.argv[4] if len(sys.argv) > 4 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'corpora', 'indonesian')
arts = sorted((json.loads(l) for l in open(os.path.join(corpus, 'indosum', 'articles.jsonl'), encoding='utf-8')), key=lambda r: r['id'])
paras = [p.strip() for a in arts for p in a['text'].split('\n') if len(p.strip()) > 80]
stop = set(w.strip() for w in open(os.path.join(corpus, 'stopwords-iso', 'stopwords-id.txt'), encoding='utf-8'))
rnd = random.Random(20261201)
clean = lambda s: s.replace('\t', ' ').replace('\n', ' ').replace('\\', ' ')
with open(rows_out, 'w', encoding='utf-8') as f:
    for i in range(n):
        a = arts[i % len(arts)]
        title = ' '.join(a['summary'].split()[:10]).rstrip('.,')
        body = ''.join(f'<p>{clean(p)}</p>' for p in [a['text'].split('\n')[0]] + rnd.sample(paras, 3))
        f.write(f"{i}\t{clean(title)[:280]}\t{clean(a['summary'])[:900]}\t{body}\n")
word = re.compile(r'[a-z]{4,}')
queries = []
while len(queries) < 200:
    a = rnd.choice(arts)
    ws = [w for w in word.findall(a['summary'].lower()) if w not in stop]
    if len(ws) < 3: continue
    k = rnd.choice([1, 2, 2, 3])
    start = rnd.randrange(len(ws) - k + 1)
    q = ws[start:start + k]
    roll = rnd.random()
    if roll < 0.10 and k >= 2: q = ['"' + ' '.join(q) + '"']
    elif roll < 0.25 and len(q[0]) >= 6: i = rnd.randrange(2, len(q[0]) - 1); q[0] = q[0][:i] + q[0][i + 1:]
    queries.append(' '.join(q))
with open(queries_out, 'w', encoding='utf-8') as f:
    f.write('queries = {\n')
    for q in queries:
        f.write('  "/cari?q=' + ''.join(c if c.isalnum() else '%%%02X' % ord(c) for c in q) + '",\n')
    f.write('}\ni = 0\nrequest = function()\n  i = i % #queries + 1\n  return wrk.format("GET", queries[i])\nend\n')
print(n, len(queries))
