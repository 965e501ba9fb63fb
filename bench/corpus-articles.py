#!/usr/bin/env python3
"""Deterministic Indonesian articles and search queries from the IndoSum corpus, for benchmarks that
must index the same text on different systems (SatuPintu's /cari, WordPress's /?s=).

    bench/corpus-articles.py articles 100000 > articles.jsonl
    bench/corpus-articles.py queries 200 > queries.txt

Corpus: ../shared/corpora/indonesian beside the repository (or $SATUPINTU_CORPUS).
Article n (0-based) is IndoSum article n mod 3,463 (in id order); from the second lap on, its
paragraphs are mixed with those of another article and its title gets a distinct tail, so no two
articles are the same text. One JSON object a line:
    {"n", "title", "summary", "body" (paragraphs separated by a blank line), "category", "tags", "date"}
(tags: up to two of the 300 commonest longer summary words); dates are ISO 8601 UTC, growing with n over 2017-01-01 .. 2026-06-30.
Queries: one a line, 1-3 words of an article's human-written summary; 10% a quoted two-word
phrase, 15% with one typo, the rest plain (the same mix as bench/search-known-items.py)."""
import json, os, random, re, sys
from collections import Counter
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.environ.get('SATUPINTU_CORPUS') or os.path.join(HERE, '..', '..', 'shared', 'corpora', 'indonesian')
WORD = re.compile(r'[a-z]+')
TAILS = ['di Kabupaten Kepahiang', 'Tahun Ini', 'Menurut Pemerintah', 'Pekan Ini', 'di Bengkulu', 'Kembali Dibahas',
         'Jadi Sorotan', 'Terus Berlanjut', 'untuk Warga', 'di Daerah']


def load():
    path = os.path.join(CORPUS, 'indosum', 'articles.jsonl')
    if not os.path.exists(path):
        sys.exit(f'corpus-articles.py: {path} not found (set SATUPINTU_CORPUS)')
    rows = [json.loads(line) for line in open(path, encoding='utf-8')]
    rows.sort(key=lambda r: r['id'])
    stop = set(w.strip() for w in open(os.path.join(CORPUS, 'stopwords-iso', 'stopwords-id.txt'), encoding='utf-8'))
    return rows, stop


def title_of(row, words=10):
    first = re.split(r'(?<=[.!?])\s', row['summary'].strip(), maxsplit=1)[0].rstrip('.!? ')
    ws = first.split()
    return ' '.join(ws[:words]) if ws else row['id']


def articles(n):
    rows, stop = load()
    r = len(rows)
    start = datetime(2017, 1, 1, tzinfo=timezone.utc)
    span = (datetime(2026, 6, 30, tzinfo=timezone.utc) - start).total_seconds()
    out = sys.stdout
    # Tags from a fixed vocabulary (the 300 commonest longer words of the summaries), as sites have.
    df = Counter(w for row in rows for w in set(WORD.findall(row['summary'].lower())) if len(w) >= 5 and w not in stop)
    vocab = {w for w, _ in df.most_common(300)}
    for i in range(n):
        base = rows[i % r]
        lap = i // r
        rnd = random.Random(20261201 + i)
        paras = [p for p in base['text'].split('\n\n') if p.strip()]
        title = title_of(base)
        if lap:
            other = rows[(i * 7919 + lap) % r]
            extra = [p for p in other['text'].split('\n\n') if p.strip()]
            rnd.shuffle(extra)
            paras = paras[:max(1, len(paras) // 2)] + extra[:max(1, len(extra) // 2)]
            title = f'{title} {TAILS[(lap + i) % len(TAILS)]} ({lap + 1})'
        words = [w for w in dict.fromkeys(WORD.findall(base['summary'].lower())) if w in vocab]
        tags = sorted(rnd.sample(words, min(2, len(words))))
        date = start + timedelta(seconds=int(span * i / max(n, 1)) + rnd.randrange(3600))
        out.write(json.dumps({'n': i, 'title': title, 'summary': base['summary'].strip(), 'body': '\n\n'.join(paras),
                              'category': base['category'].title(), 'tags': [t.title() for t in tags],
                              'date': date.strftime('%Y-%m-%dT%H:%M:%SZ')}, ensure_ascii=False) + '\n')


def typo(rnd, w):
    i = rnd.randrange(2, len(w) - 1)
    return w[:i] + w[i + 1:] if rnd.random() < 0.5 else w[:i - 1] + w[i] + w[i - 1] + w[i + 1:]


def queries(n):
    rows, stop = load()
    rnd = random.Random(200)
    seen = set()
    while len(seen) < n:
        row = rows[rnd.randrange(len(rows))]
        seq = WORD.findall(row['summary'].lower())
        cands = [w for w in seq if len(w) >= 4 and w not in stop]
        if len(cands) < 3:
            continue
        kind = rnd.random()
        if kind < 0.10:
            text = row['text'].lower()
            pairs = [f'{a} {b}' for a, b in zip(seq, seq[1:]) if a not in stop and b not in stop and f'{a} {b}' in text]
            if not pairs:
                continue
            q = f'"{rnd.choice(pairs)}"'
        else:
            picked = rnd.sample(cands, rnd.choice([1, 1, 2, 2, 2, 3]))
            if kind < 0.25:
                j = rnd.randrange(len(picked))
                if len(picked[j]) >= 6:
                    picked[j] = typo(rnd, picked[j])
            q = ' '.join(picked)
        if q not in seen:
            seen.add(q)
            print(q)


if __name__ == '__main__':
    if len(sys.argv) != 3 or sys.argv[1] not in ('articles', 'queries'):
        sys.exit(__doc__)
    (articles if sys.argv[1] == 'articles' else queries)(int(sys.argv[2]))
