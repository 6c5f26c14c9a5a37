# The two commands a user needs: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint bench clean browser screenshots bench-html accuracy soak fuzz

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q extract graph >/dev/null  # bytecode, as pip writes it for installed packages
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/councilgraph build corpus/herefordshire --out output
	@echo "Built output/: graph.ttl (Turtle), graph.nt, store/ (Oxigraph), facts/ (one file per document),"
	@echo "problems.jsonl. Try: $(BIN)/councilgraph query --help"
	@echo "Open the pages: $(CURDIR)/output/html/index.html"

lint: $(STAMP)
	$(BIN)/ruff check extract graph tests bench scripts
	$(BIN)/ruff format --check extract graph tests bench scripts
	$(BIN)/mypy extract graph

test: lint browser
	$(BIN)/pytest -q

# Speed, memory and the long reliability runs (not timed tests): one table, then `pytest -m slow`.
# the bench corpus and its builds; the saved queries are then timed with parameters drawn from the 1,000-document build
BENCH_WORK ?= /tmp/councilgraph-bench

bench: $(STAMP)
	$(BIN)/python bench/bench_build.py --work $(BENCH_WORK)
	$(BIN)/python bench/bench_store.py
	$(BIN)/python bench/bench_store.py --saved $(BENCH_WORK)/out-1000 --repeat 3
	$(BIN)/python bench/bench_serve.py --queries 2000 --clients 8
	$(BIN)/python bench/bench_serve.py $(BENCH_WORK)/out-1000 --saved --repeat 3
	$(BIN)/pytest -q -m slow

# A coverage-guided campaign (atheris) over the text reader and the fact rules, FUZZ_SECONDS long, seeded with
# the development corpus and small hostile documents. A crash, a broken invariant or an input slower than 20 s
# stops it and lands in tests/data/fuzz/, which `make test` replays (tests/test_hostile_input.py). Results:
# docs/reliability.md, "Hostile documents".
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	mkdir -p output/fuzz-corpus tests/data/fuzz
	cp corpus/dev/docs/*.txt output/fuzz-corpus/
	$(BIN)/python bench/hostile_docs.py output/fuzz-corpus --scale 0.02 >/dev/null
	$(BIN)/python bench/fuzz_reader.py output/fuzz-corpus -max_total_time=$(FUZZ_SECONDS) -timeout=20 \
		-max_len=20000 -artifact_prefix=tests/data/fuzz/ -print_final_stats=1

# Debian's Chromium for the browser tests and screenshots; where it cannot be installed the
# browser tests skip and say so.
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -q && apt-get install -y -q chromium) \
		|| echo "chromium could not be installed: the browser tests will be skipped"

# Screenshots of the HTML pages at 1366x768 (the board, a person page, the timelines, turnover, the network, ...)
# -> output/screenshots/, and the four the README shows -> docs/img/; from a build of the bundled corpus in
# output/site (re-runs reuse its facts files)
screenshots: $(STAMP) browser
	$(BIN)/councilgraph build corpus --out output/site --wait
	$(BIN)/python scripts/screenshots.py output/site output/screenshots "Tina Russell" --readme docs/img

# Page open times in Chromium: the network page at 500, 2,000 and 10,000 nodes, then the landing page
# (and turnover, timelines, network) of the bundled corpus's build (`make screenshots` builds it)
bench-html: $(STAMP) browser
	$(BIN)/python bench/bench_html.py 500 2000 10000
	$(BIN)/councilgraph build corpus --out output/site --wait
	$(BIN)/python bench/bench_html.py --build output/site

bench: bench-html

# What the graph gets right on every corpus with gold (seeds, dev, dev2, each pool batch): one table.
# Where ../shared is missing it says so and exits 0. `scripts/accuracy.py --no-manifest` builds without manifests.
accuracy: $(STAMP)
	$(BIN)/python scripts/accuracy.py

# The endpoint under users and attackers at once: 20,000 requests from 8 clients, 2 of them hostile (loopback only)
soak: $(STAMP)
	$(BIN)/python -m bench.soak_serve --queries 20000 --clients 8 --attackers 2

clean:
	rm -rf output $(VENV)
