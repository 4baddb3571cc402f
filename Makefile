# Two commands for a newcomer: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench screenshots dist clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: setup
	$(BIN)/cardwall demo

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/screenshots_panel.py

# The double-click app for facilitators: dist/Cardwall/ and its archive (packaging/build.py).
dist: setup
	$(BIN)/python packaging/build.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build dist
