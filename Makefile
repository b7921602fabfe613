# The two commands of the README: `make run` and `make test`. Everything else they need
# (the virtualenv, the packages, the database schema) is set up on the way.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test install migrate lint manifest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

install: $(STAMP)

migrate: install
	$(BIN)/ragbot migrate

run: migrate
	$(BIN)/ragbot run

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/hadolint Dockerfile

test: lint
	$(BIN)/python -m pytest

manifest: install
	$(BIN)/python -m manifest.package

bench: install
	$(BIN)/python -m bench.startup
	$(BIN)/python -m bench.dates
	$(BIN)/python -m bench.scheduler

clean:
	rm -rf $(VENV) build dist *.egg-info
