# The two commands a user needs: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/councilgraph build corpus --out output
	@echo "Graph: output/graph.ttl  Facts: output/facts/  Problems: output/problems.jsonl"

lint: $(STAMP)
	$(BIN)/ruff check extract graph tests

test: lint
	$(BIN)/pytest -q

clean:
	rm -rf output $(VENV)
