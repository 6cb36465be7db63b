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
	$(BIN)/eventwire eval-actors $(SHARED)/gold/actor_resolution_cases.jsonl
	$(BIN)/eventwire eval-actors $(SHARED)/gold/plover_gsr_dev.jsonl

bench: install
	$(BIN)/python -m eventwire.actors.bench --phoenix $(SHARED)/reference/phoenix_dictionaries

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
