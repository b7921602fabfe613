# The commands of the README: `make run`, `make playground` and `make test`. Everything else they need
# (the virtualenv, the packages, the database schema) is set up on the way.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

E2E := tests/e2e
E2E_STAMP := $(E2E)/node_modules/.installed-stamp
CHROMIUM := /usr/bin/chromium

.PHONY: run playground test install migrate lint manifest bench bench-all clean e2e-tools chromium

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

# The bot and Microsoft 365 Agents Playground (a local Teams, config in bot/playground/) together;
# it prints the address to open. Needs Node and npm for the playground's package.
playground: migrate $(E2E_STAMP)
	$(BIN)/python -m bot.playground

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/hadolint Dockerfile

# The end-to-end suite's tools: Node packages pinned by the lockfile, and Debian's Chromium
# (Playwright drives it; it never downloads a browser of its own).
$(E2E_STAMP): $(E2E)/package.json $(E2E)/package-lock.json
	cd $(E2E) && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

chromium:
	@test -x $(CHROMIUM) || apt-get install -y chromium || \
		(apt-get update && apt-get install -y chromium) || \
		{ echo "The end-to-end tests need Debian's chromium at $(CHROMIUM), and apt-get could not install it here. Install it (apt-get install chromium) and run make test again."; exit 1; }

e2e-tools: $(E2E_STAMP) chromium

test: lint e2e-tools
	$(BIN)/python -m pytest

manifest: install
	$(BIN)/python -m manifest.package

# The bot against botbuilder's echo bot sample, side by side (README "Performance"), then
# the date parser, the scheduler's tick and its CPU per post delivered; bench-all adds start-up details and reliability (~5 min).
bench: install
	$(BIN)/python -m bench.turns
	$(BIN)/python -m bench.dates
	$(BIN)/python -m bench.scheduler
	$(BIN)/python -m bench.delivery

bench-all: bench
	$(BIN)/python -m bench.startup
	$(BIN)/python -m bench.reliability

clean:
	rm -rf $(VENV) build dist *.egg-info $(E2E)/node_modules tests/artifacts
