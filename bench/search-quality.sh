#!/usr/bin/env bash
# Search quality on the known-item set: regenerates the set from ../shared/corpora (deterministic,
# so the fixture must not change) and runs the quality test, which prints success@3 and MRR@10 for
# our search on both backends (through test.sh, for its PostgreSQL) and for the anchors (WordPress-style LIKE, Lucene IndonesianAnalyzer BM25, + fuzzy,
# PostgreSQL's own `indonesian` configuration with all words and with any word).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 bench/search-known-items.py
git diff --exit-code --stat tests/SatuPintu.Tests/Search/Fixtures/known-items.tsv || echo "search-quality: the known-item set changed" >&2
SATUPINTU_QUALITY_GRID=1 ./test.sh --filter "FullyQualifiedName~SearchQualityTests|FullyQualifiedName~StemmerAccuracyTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "success@3|sastrawi|ud |Passed!|Failed!"
