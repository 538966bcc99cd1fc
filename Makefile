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

.PHONY: setup build test lint eval bench verify ui clean

setup: $(VENV)/.installed

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: pyproject.toml uv.lock | $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $@

## Build the dataset: every asset materialised, outputs/ written (INPUT=dir OUTPUT=dir to choose;
## WORKERS=n processes per shard, EXECUTOR=ray RAY_ADDRESS=… a Ray cluster, STRICT=1 fail on quarantine).
build: setup
	$(VENV)/bin/python -m pipelines.build --input "$(INPUT)" --output "$(OUTPUT)" \
	  $(if $(WORKERS),--workers $(WORKERS)) $(if $(EXECUTOR),--executor $(EXECUTOR)) \
	  $(if $(RAY_ADDRESS),--ray-address "$(RAY_ADDRESS)") $(if $(filter 1 yes true,$(STRICT)),--strict)

## Check a published dataset: every file against checksums.sha256 and datapackage.json,
## every expectation again on its tables (and conservation against INPUT).
verify: setup
	$(VENV)/bin/python -m pipelines.verify --output "$(OUTPUT)" --input "$(INPUT)"

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
## per-stage seconds, against plain jieba.lcut; writes .cache/bench/bench.json
## (SIZES=1,30,small,300 and BENCH_WORKERS=1,2 by default).
SIZES ?= 1,30,small,300
BENCH_WORKERS ?= 1,2
bench: setup
	$(VENV)/bin/python -m pipelines.benchmark --sizes "$(SIZES)" --workers "$(BENCH_WORKERS)"

## The Dagster UI on http://$(HOST):$(PORT) with this code location (Ctrl-C stops it), on the
## Dagster state of OUTPUT (the same that `make build OUTPUT=…` records its runs in).
ui: setup
	@home="$${DAGSTER_HOME:-$$($(VENV)/bin/python -m pipelines.paths dagster-home "$(OUTPUT)")}"; \
	echo "Dagster state of $(OUTPUT): $$home"; \
	DAGSTER_HOME="$$home" POLICY_CORPUS_INPUT="$(INPUT)" POLICY_CORPUS_OUTPUT="$(OUTPUT)" \
	exec $(VENV)/bin/dagster dev -m pipelines.definitions -h $(HOST) -p $(PORT)

clean:
	rm -rf $(VENV) .tools .cache .dagster_home .pytest_cache .ruff_cache .hypothesis outputs/.work outputs/.staging outputs/.previous outputs/.lock
