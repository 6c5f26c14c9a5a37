#!/usr/bin/env bash
# Build the seeds and the dev corpus separately and score each against its gold (the shared scorer).
set -u
cd "$(dirname "$0")/.."
S=../shared
B=.venv/bin
$B/councilgraph build corpus/herefordshire --out /tmp/cg-seeds "$@" 2>/tmp/cg-seeds.log >/dev/null
$B/councilgraph build corpus/dev/docs --out /tmp/cg-dev "$@" 2>/tmp/cg-dev.log >/dev/null
echo "== seeds"; $B/python $S/tools/score.py /tmp/cg-seeds/graph.ttl $S/gold/seed_001.jsonl $S/gold/seed_others.jsonl
echo "== dev"; $B/python $S/tools/score.py /tmp/cg-dev/graph.ttl $S/gold/dev.jsonl
