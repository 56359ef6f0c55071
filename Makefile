# Two commands on a fresh machine: `make run` (set up and serve the app) and `make test`
# (set up, lint, run every test). Both create the virtual environment themselves. `make test-fast` is the
# lane without a browser (no chromium, no haproxy; PostgreSQL for the live store): lint, the data package check and
# every other test.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run test test-fast lint validate datapackage clean chromium haproxy postgresql poppler libreoffice bench bench-takeaway bench-growth bench-live serve-scaled screenshots takeaway-images

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), f"Python 3.11 is needed, found {sys.version.split()[0]}"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.app: $(BIN)/python requirements.txt
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.app requirements-dev.txt
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

# The live mode's state folder (its SQLite file): $SME_STATE_DIR if set, else state/ (git-ignored).
STATE_DIR ?= $(or $(SME_STATE_DIR),state)

run: $(VENV)/.app
	mkdir -p "$(STATE_DIR)"
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

# Browser tests need Debian's chromium; install it when missing (as root), or say how.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "The browser tests need Debian's chromium: run 'sudo apt-get install chromium'"; exit 1; fi; }

# The scaling test and `make serve-scaled` need Debian's haproxy; the same: install it as root, or say how.
haproxy:
	@command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq haproxy; \
	  else echo "The scaled set-up needs Debian's haproxy: run 'sudo apt-get install haproxy'"; exit 1; fi; }

# The live store's tests run on PostgreSQL too, in a throwaway cluster (tests/live_postgres.py): they need initdb and
# pg_ctl, in PATH or Debian's /usr/lib/postgresql/*/bin; install Debian's postgresql when missing (as root), or say how.
postgresql:
	@{ command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; } || \
	  ls /usr/lib/postgresql/*/bin/initdb /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq postgresql; \
	  else echo "The live store's tests need Debian's postgresql: run 'sudo apt-get install postgresql'"; exit 1; fi; }

# The tests read the briefs and the deck with Debian's poppler-utils (pdftotext, pdftoppm, pdfinfo); the same.
poppler:
	@command -v pdftotext >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq poppler-utils; \
	  else echo "The tests need Debian's poppler-utils: run 'sudo apt-get install poppler-utils'"; exit 1; fi; }

# The deck's test opens the PowerPoint file in a real office suite: Debian's libreoffice-impress converts it to PDF
# headless (tests/test_deck_office.py); the same.
libreoffice:
	@command -v soffice >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libreoffice-impress; \
	  else echo "The tests need Debian's libreoffice-impress: run 'sudo apt-get install libreoffice-impress'"; exit 1; fi; }

# Two workers (pytest-xdist), one per core; a test file stays on one worker, so its module fixtures (the API's
# server, a broken data copy) are made once. The browser lane runs after the fast lane, on its own two workers;
# tests marked with one xdist_group (the scaled set-up, a shared page load) run on one worker, in order.
XDIST := -n 2 --dist loadfile
BROWSER_XDIST := -n 2 --dist loadgroup

test-fast: $(VENV)/.dev postgresql
	$(BIN)/ruff check .
	$(BIN)/python -m evidence.data.datapackage --check
	$(BIN)/python -m pytest -q $(XDIST) --ignore=tests/browser

test: $(VENV)/.dev chromium haproxy postgresql poppler libreoffice
	$(BIN)/ruff check .
	$(BIN)/python -m evidence.data.datapackage --check
	$(BIN)/python -m pytest -q $(XDIST) --ignore=tests/browser
	$(BIN)/python -m pytest -q $(BROWSER_XDIST) tests/browser

# The README's gallery: the browser tests take their screenshots (into docs/screenshots) only when asked to.
screenshots: $(VENV)/.dev chromium haproxy
	SME_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/browser

# The README's pictures of a brief's page and a deck's slide (docs/takeaway/), built from the data.
takeaway-images: $(VENV)/.app poppler
	$(BIN)/python scripts/takeaway_images.py docs/takeaway

# The median time to build each view's brief and the deck (printed; the lead adds it to BENCHMARKS.md).
bench-takeaway: $(VENV)/.app
	$(BIN)/python scripts/bench_takeaway.py

# The growth table alone (issue 26; `make bench` appends it to BENCHMARKS.md): synthetic folders 1x to 1000x in a
# temporary directory, validate, start, each view's warm rerun and bytes, peak memory (about 5 minutes; printed).
bench-growth: $(VENV)/.dev
	$(BIN)/python scripts/bench_growth.py

# N app processes behind HAProxy on loopback, with cookie affinity and health checks (docs/speed-and-scaling.md).
# Live mode's sessions are shared through one store: the SQLite file in the state folder ($SME_STATE_DIR, else
# state/), or PostgreSQL with SME_LIVE_DB=postgresql://… in the environment.
PROCESSES ?= 2
serve-scaled: $(VENV)/.app haproxy
	$(if $(SME_LIVE_DB),,mkdir -p "$(STATE_DIR)")
	$(BIN)/python scripts/serve_scaled.py --processes $(PROCESSES) --port $(PORT)

# Live mode's section alone (issue 25; `make bench` writes it into BENCHMARKS.md): 100 simulated phones and a
# presenter over Streamlit's websocket protocol, one process and two behind HAProxy, on SQLite and on PostgreSQL (a
# throwaway cluster); about 12 minutes; printed. PHONES=, MOVES= change the room.
PHONES ?= 100
MOVES ?= 6
bench-live: $(VENV)/.dev haproxy postgresql
	$(BIN)/python scripts/bench_live.py --phones $(PHONES) --moves $(MOVES)

# Writes BENCHMARKS.md (about 27 minutes, 10 of them the soak run, 12 live mode's room; SOAK=0 skips the soak). BEFORE: an earlier revision
# whose views are measured beside this one's (6a2526c wrote the figures issue 13 was measured against; BEFORE=
# leaves it out).
SOAK ?= 600
BEFORE ?= 6a2526c
bench: $(VENV)/.dev chromium haproxy postgresql
	$(BIN)/python scripts/bench.py --soak-seconds $(SOAK) $(if $(BEFORE),--before $(BEFORE))

lint: $(VENV)/.dev
	$(BIN)/ruff check .

validate: $(VENV)/.app
	$(BIN)/python -m evidence.data.validate_command $(DATA)

datapackage: $(VENV)/.app
	$(BIN)/python -m evidence.data.datapackage

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build
