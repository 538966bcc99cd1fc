# policy-corpus: `make build` builds the dataset, `make test` runs lint and tests.
# Both set everything up on a fresh machine (virtual environment from the committed lock).

PYTHON ?= python3
UV_VERSION := 0.13.9
INPUT ?= seeds
OUTPUT ?= outputs
HOST ?= 127.0.0.1
PORT ?= 3000

VENV := .venv
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
# Dagster's state is kept per output folder (.dagster_home/<folder>-<hash>, see
# pipelines/paths.py), so that the UI of one dataset never shows another's runs; an exported
# DAGSTER_HOME overrides it.
export DAGSTER_DISABLE_TELEMETRY := 1
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: setup build test lint eval bench ui clean

setup: $(VENV)/.installed

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: pyproject.toml uv.lock | $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $@

## Build the dataset: every asset materialised, outputs/ written (INPUT=dir OUTPUT=dir to choose).
build: setup
	$(VENV)/bin/python -m pipelines.build --input "$(INPUT)" --output "$(OUTPUT)"

## Lint and run the tests.
test: setup lint
	$(VENV)/bin/python -m pytest

lint: setup
	$(VENV)/bin/ruff check pipelines tests
	$(VENV)/bin/ruff format --check pipelines tests

## Quality of the text stages on the hand-written fixtures.
eval: setup
	$(VENV)/bin/python -m pipelines.evaluation

## Full builds of generated corpora (1x, 30x, 1,000 small files, 300x): wall, MB/s, peak RSS,
## per-stage seconds, against plain jieba.lcut; writes .cache/bench/bench.json (SIZES=, WORKERS=).
SIZES ?= 1,30,small,300
WORKERS ?= 1,2
bench: setup
	$(VENV)/bin/python -m pipelines.benchmark --sizes "$(SIZES)" --workers "$(WORKERS)"

## The Dagster UI on http://$(HOST):$(PORT) with this code location (Ctrl-C stops it), on the
## Dagster state of OUTPUT (the same that `make build OUTPUT=…` records its runs in).
ui: setup
	@home="$${DAGSTER_HOME:-$$($(VENV)/bin/python -m pipelines.paths dagster-home "$(OUTPUT)")}"; \
	echo "Dagster state of $(OUTPUT): $$home"; \
	DAGSTER_HOME="$$home" POLICY_CORPUS_INPUT="$(INPUT)" POLICY_CORPUS_OUTPUT="$(OUTPUT)" \
	exec $(VENV)/bin/dagster dev -m pipelines.definitions -h $(HOST) -p $(PORT)

clean:
	rm -rf $(VENV) .tools .cache .dagster_home .pytest_cache .ruff_cache .hypothesis outputs/.work outputs/.staging outputs/.previous
