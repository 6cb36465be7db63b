# eventwire: `make demo` and `make test` do all set-up from a fresh clone.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
SEED := $(SHARED)/seed/000_f9efde54cf5625c2.txt

.PHONY: install demo test lint eval bench clean eval-extraction bench-extraction browser bench-dashboard

# The venv is rebuilt whenever pyproject.toml changes.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

demo: install
	@if [ -f $(SEED) ]; then \
		$(BIN)/eventwire code $(SEED) --format table; \
	else \
		$(BIN)/eventwire code examples/demo_article.txt --format table; \
	fi

lint: install
	$(BIN)/ruff check src tests scripts bench

test: install lint browser
	$(BIN)/python -m pytest -q

# Headless Chromium for the dashboard's end-to-end tests (Playwright drives Debian's chromium and
# downloads no browser). Without root or a mirror the browser tests skip and say why.
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium) \
		|| echo "make browser: chromium could not be installed; the browser tests will skip"

eval: install
	@echo "no evaluations yet"
	$(MAKE) --no-print-directory eval-extraction

# Main-text extraction on L3S-GN1: ours vs plain trafilatura, and WARC vs HTML files.
eval-extraction: install
	$(BIN)/eventwire eval extraction $(SHARED)/corpora/l3s_gn1

bench: install
	@echo "no benchmarks yet"
	$(MAKE) --no-print-directory bench-extraction
	@if [ -f events.duckdb ]; then $(MAKE) --no-print-directory bench-dashboard; \
	else echo "bench-dashboard: no events.duckdb (make demo builds it)"; fi

# First meaningful paint of the dashboard's overview in headless Chromium, on a store that
# `make demo` (or `eventwire ingest`) built: make bench-dashboard DB=events.duckdb
bench-dashboard: install browser
	$(BIN)/python bench/dashboard_paint.py $(or $(DB),events.duckdb)

bench-extraction: install
	$(BIN)/python bench/ingest_extraction.py $(SHARED)/corpora/l3s_gn1

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
