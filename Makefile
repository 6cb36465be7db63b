# eventwire: `make demo` and `make test` do all set-up from a fresh clone.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
SEED := $(SHARED)/seed/000_f9efde54cf5625c2.txt

.PHONY: install demo test lint eval bench clean eval-extraction bench-extraction eval-events bench-events

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

test: install lint
	$(BIN)/python -m pytest -q

eval: install
	@echo "no evaluations yet"
	$(MAKE) --no-print-directory eval-extraction
	$(MAKE) --no-print-directory eval-events

# Main-text extraction on L3S-GN1: ours vs plain trafilatura, and WARC vs HTML files.
eval-extraction: install
	$(BIN)/eventwire eval extraction $(SHARED)/corpora/l3s_gn1

bench: install
	@echo "no benchmarks yet"
	$(MAKE) --no-print-directory bench-extraction
	$(MAKE) --no-print-directory bench-events

bench-extraction: install
	$(BIN)/python bench/ingest_extraction.py $(SHARED)/corpora/l3s_gn1

# Event coding on the PLOVER and India police dev sets (docs/events.md).
eval-events: install
	$(BIN)/eventwire eval plover $(SHARED)/gold/plover_gsr_dev.jsonl
	$(BIN)/eventwire eval police $(SHARED)/gold/india_police_events_dev.jsonl

# Event coding time as a share of the spaCy parse time.
bench-events: install
	$(BIN)/python bench/coding_overhead.py $(SHARED)/corpora/world_news_2016_17.jsonl 200

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
