# eventwire: `make demo` and `make test` do all set-up from a fresh clone.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
SEED := $(SHARED)/seed/000_f9efde54cf5625c2.txt

.PHONY: install demo test lint eval bench clean eval-geo eval-time bench-gazetteer

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
	$(MAKE) --no-print-directory eval-geo eval-time

# Toponym resolution on GeoWebNews (accuracy within 161 km); date normalisation on TimeBank.
eval-geo: install
	$(BIN)/eventwire eval-geo $(SHARED)/gold/geowebnews.xml

eval-time: install
	$(BIN)/eventwire eval-time $(SHARED)/gold/timebank_tml

bench: install
	@echo "no benchmarks yet"
	$(MAKE) --no-print-directory bench-gazetteer

bench-gazetteer: install
	$(BIN)/python bench/bench_gazetteer.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
