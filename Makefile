# eventwire: `make demo` and `make test` do all set-up from a fresh clone.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
SEED := $(SHARED)/seed/000_f9efde54cf5625c2.txt

.PHONY: install demo test lint eval bench clean eval-extraction bench-extraction bench-throughput

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

# Main-text extraction on L3S-GN1: ours vs plain trafilatura, and WARC vs HTML files.
eval-extraction: install
	$(BIN)/eventwire eval extraction $(SHARED)/corpora/l3s_gn1

bench: install
	@echo "no benchmarks yet"
	$(MAKE) --no-print-directory bench-extraction
	$(MAKE) --no-print-directory bench-throughput

bench-extraction: install
	$(BIN)/python bench/ingest_extraction.py $(SHARED)/corpora/l3s_gn1

# Full pipeline vs spaCy's nlp.pipe on 1 and 2 processes (BENCH_ARTICLES=0: the whole corpus).
BENCH_ARTICLES ?= 300
bench-throughput: install
	$(BIN)/python bench/bench_throughput.py $(SHARED)/corpora/world_news_2016_17.jsonl \
		--articles $(BENCH_ARTICLES) --workers 1,2

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
