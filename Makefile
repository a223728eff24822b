# SSO token broker. `make` lists the targets.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The Node tools of the contract and clients (redocly, @hey-api/openapi-ts, tsc), pinned by tools/package-lock.json.
NODE_TOOLS := tools/node_modules/.installed

.DEFAULT_GOAL := help
.PHONY: help run test test-fast lint fmt clients translations bench clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# Installed again only when package.json or the lock file is newer than the stamp (npm ci: exactly the lock file).
$(NODE_TOOLS): tools/package.json tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_TOOLS)

run: $(STAMP) ## Start the broker with dev defaults (emulator, SQLite) and print how to call it
	$(PY) -m service.dev.run

.PHONY: browser
browser: ## Install Debian's Chromium for the browser tests (apt-get; quiet when present)
	@bash scripts/install-browser

test: $(STAMP) $(NODE_TOOLS) browser ## Install what tests need, run them all, measure branch coverage (fails under the gate)
	$(PY) -m pytest --cov --cov-report=term-missing:skip-covered

test-fast: $(STAMP) ## Run the unit tests only (tests/unit): no browser, PostgreSQL, Redis or gunicorn
	$(PY) -m pytest tests/unit

lint: $(STAMP) $(NODE_TOOLS) ## ruff, format check, mypy --strict; redocly lint; both client generators, no drift
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) scripts/clients.py check

clients: $(STAMP) $(NODE_TOOLS) ## Regenerate clients/python and clients/typescript from openapi.yaml
	$(PY) scripts/clients.py generate

fmt: $(STAMP) ## Format the code
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

translations: $(STAMP) ## Re-extract the messages of pages and mails, update the nb and nn catalogues and their review checklist (docs/translations.md)
	$(VENV)/bin/pybabel --quiet extract -F service/locales/babel.cfg -o service/locales/messages.pot \
		--project="SSO token broker" --add-comments=Translators: --strip-comments --sort-by-file .
	$(VENV)/bin/pybabel --quiet update -i service/locales/messages.pot -d service/locales \
		--no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date
	$(PY) -m service.locales.checklist

bench: $(STAMP) ## Measure generateJWT under gunicorn against /healthz and node-oidc-provider (not a test)
	$(PY) -m bench.run

clean: ## Remove the virtualenv and local state
	rm -rf $(VENV) instance .pytest_cache .ruff_cache tools/node_modules clients/typescript/test/build
