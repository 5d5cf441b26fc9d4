# Ombuds developer tasks. Needs only Python 3.11+ and make (npm only for `make vendor`).
#
#   make demo          the demo at http://127.0.0.1:8000 (demo accounts, password "demo"),
#                      with the task worker alongside; PORT=8001 when 8000 is taken
#   make test          the test suite except browser tests (honours DATABASE_URL)
#   make test-browser  end-to-end tests in headless Chromium (Debian's /usr/bin/chromium)
#   make lint          ruff, and the configuration reference must be current
#   make bench         gunicorn + PostgreSQL under load, SCALE cases (default 100000;
#                      needs PostgreSQL: BENCH_PG, default postgres://postgres@127.0.0.1:5432)
#   make vendor        re-copy the NL Design System CSS and htmx from npm
#   make clean         remove the virtualenv and caches (the data directory stays)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA_DIR ?= $(or $(OMBUDS_DATA_DIR),var)
# The demo's port; links in e-mail (status and partner links, the digest) follow it.
PORT ?= 8000
DEMO_URL := http://127.0.0.1:$(PORT)
DEMO_ENV := OMBUDS_DEMO_MODE=1 OMBUDS_BASE_URL=$(or $(OMBUDS_BASE_URL),$(DEMO_URL))
# Commands that need no secret of their own (lint, bench) use the test settings.
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=ombuds.config.settings_test
SCALE ?= 100000
VENDOR_DIR := src/ombuds/core/static/ombuds/vendor
NPM_VENDOR := @utrecht/component-library-css@9.0.4 \
	@nl-design-system-unstable/voorbeeld-design-tokens@7.4.1 htmx.org@2.0.11

.PHONY: install demo test test-browser lint bench vendor clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Ombuds needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

# Re-install only when the dependencies change.
$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@# A taken port fails here, before the slow steps, with the way out.
	@$(BIN)/python -c 'import socket; socket.create_server(("127.0.0.1", $(PORT))).close()' \
	  2>/dev/null || { echo "Port $(PORT) is in use. Start the demo on another port:" \
	  "make demo PORT=$$(( $(PORT) + 1 ))"; exit 1; }
	mkdir -p $(DATA_DIR)
	@# Marks this data directory as the demo's, so `.venv/bin/ombuds …` works here without
	@# exporting OMBUDS_DEMO_MODE (e.g. `ombuds report` on the demo data).
	echo "This data directory holds the Ombuds demo (fictional data)." > $(DATA_DIR)/DEMO
	$(DEMO_ENV) $(BIN)/ombuds migrate --noinput
	$(DEMO_ENV) $(BIN)/ombuds collectstatic --noinput --verbosity 0
	$(DEMO_ENV) $(BIN)/ombuds load_demo
	@echo
	@echo "  Ombuds demo: $(DEMO_URL)/werk/  (stop with Ctrl-C)"
	@echo "  Log in as ombudsman, secretariaat, coordinator, beleid, beheer or"
	@echo "  ombudsman-westerveld, password: demo"
	@echo "  The task worker runs alongside (imports, reports, e-mail to this console)."
	@echo
	@# Ctrl-C reaches the worker itself (it finishes its task and stops); when the server
	@# stops any other way, the trap stops the worker.
	$(DEMO_ENV) $(BIN)/ombuds db_worker --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT TERM; \
	$(DEMO_ENV) $(BIN)/ombuds runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest -q

test-browser: $(STAMP)
	$(BIN)/python -m pytest -q -m browser

lint: $(STAMP)
	$(BIN)/ruff check src scripts
	$(TEST_SETTINGS) $(BIN)/ombuds config_reference --check

# Loads SCALE cases into the scratch database ombuds_h_bench (dropped first), runs gunicorn
# and a load process, prints every scenario against its target (docs/performance.md).
bench: $(STAMP)
	SCALE=$(SCALE) $(BIN)/python scripts/bench.py

vendor:
	@command -v npm >/dev/null || { echo "make vendor needs npm"; exit 1; }
	rm -rf build/vendor && mkdir -p build/vendor
	cd build/vendor && npm install --no-save --no-package-lock --ignore-scripts --silent $(NPM_VENDOR)
	cp build/vendor/node_modules/@utrecht/component-library-css/dist/index.css $(VENDOR_DIR)/utrecht/index.css
	cp build/vendor/node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css $(VENDOR_DIR)/voorbeeld/theme.css
	cp build/vendor/node_modules/htmx.org/dist/htmx.min.js $(VENDOR_DIR)/htmx/htmx.min.js
	rm -rf build/vendor
	@echo "Copied into $(VENDOR_DIR); update the versions in its README.md when they change."

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache test-results $(DATA_DIR)/static
	find src scripts -name __pycache__ -type d -prune -exec rm -rf {} +
