# zhfacts: `make run` sets up and extracts the bundled corpus; `make test` sets up and runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
EXTRAS := dev,cluster,postgres,compare

.PHONY: setup run test train bench compare schema clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[$(EXTRAS)]'
	rm -f $(VENV)/.installed-*
	touch $@

run: setup
	mkdir -p out
	$(BIN)/zhfacts extract corpus -o out/facts.jsonl --errors out/errors.jsonl
	$(BIN)/zhfacts evaluate --gold corpus/gold/seeds.jsonl out/facts.jsonl
	$(BIN)/zhfacts report out/facts.jsonl -o out/report.html
	$(BIN)/zhfacts load out/facts.jsonl --db out/facts.db --show 5

test: setup
	$(BIN)/pytest

train: setup
	$(BIN)/python scripts/train_ner.py

compare: setup
	$(BIN)/python scripts/compare.py

bench: setup
	$(BIN)/python scripts/bench.py

schema: setup
	$(BIN)/zhfacts schema

clean:
	rm -rf out .pytest_cache .hypothesis
