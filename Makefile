# Carers Hub: every task an editor or developer needs. Run `make help` to list them.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Hide the theme's notice about a future MkDocs: it is not about this site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: lint help serve edit tidy site leaflets new-page new-service import-directory check check-site pr-report freshness check-external-links system-packages build-packages wheel test test-fast test-other-site test-calendar test-any-input baselines ci-replay ci-wheels docs bench bench-build bench-national lock clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# Python packages come in three locked layers (requirements/*.txt, with hashes): what the site needs, what the
# tests add, what the benchmarks add. Each target installs only the layer it needs, once.
SITE_DEPS := $(VENV)/.site-deps
TEST_DEPS := $(VENV)/.test-deps
BENCH_DEPS := $(VENV)/.bench-deps

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# The generator itself (pyproject.toml: hooks/ and overrides/ as the package carers-hub) is installed in
# place, so an edit to hooks/ needs no reinstall; its dependencies are the locked ones just installed.
$(SITE_DEPS): requirements/site.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/site.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation --editable .
	@touch $@

$(TEST_DEPS): requirements/test.txt $(SITE_DEPS)
	$(BIN)/pip install --quiet --require-hashes -r requirements/test.txt
	@touch $@

$(BENCH_DEPS): requirements/bench.txt $(TEST_DEPS)
	$(BIN)/pip install --quiet --require-hashes -r requirements/bench.txt
	@touch $@

# The browser editor (Decap CMS, pinned in package.json) is copied into every build's admin/ from node_modules.
NODE_DEPS := node_modules/.package-lock.json

serve: $(SITE_DEPS) $(NODE_DEPS) ## Preview the site at http://127.0.0.1:8000 (reloads when you save a file)
	$(BIN)/carers-hub serve $(PORT)

edit: $(SITE_DEPS) $(NODE_DEPS) ## Edit pages and services in your browser, on this copy (no GitHub account): http://127.0.0.1:8000/admin/
	$(BIN)/carers-hub edit $(PORT)

tidy: $(SITE_DEPS) $(NODE_DEPS) ## Write data/*.yaml and the pages' front matter in the style the browser editor saves
	$(BIN)/carers-hub tidy

site: $(SITE_DEPS) $(NODE_DEPS) ## Build the finished site into site/ (only a complete, checked build replaces it)
	$(BIN)/carers-hub site

leaflets: site ## Make the PDF leaflets (easy-read pages and the crisis page) into site/leaflets/
	@ls -l site/leaflets/

# The wheel a council installs: built from a copy, with the browser editor's files (node_modules, as locked) put
# into its hooks/editor/npm/ (hooks/editor/shipped.py), so a council's site needs no npm to build.
wheel: $(SITE_DEPS) $(NODE_DEPS) ## Build the carers-hub wheel into dist/, the browser editor's files inside it
	rm -rf .cache/wheel-source && mkdir -p .cache/wheel-source/requirements
	cp -r pyproject.toml README.md LICENSE hooks overrides .cache/wheel-source/ && cp requirements/site.in .cache/wheel-source/requirements/
	find .cache/wheel-source -name __pycache__ -prune -exec rm -rf {} +
	$(BIN)/python -m carers_hub.editor.shipped node_modules .cache/wheel-source/hooks/editor/npm package-lock.json
	$(BIN)/pip wheel --quiet --no-deps --no-build-isolation -w dist .cache/wheel-source
	@ls -l dist/carers_hub-*.whl

new-page: $(SITE_DEPS) ## Start a page: make new-page PAGE=support/new-page TITLE="Page title"
	$(BIN)/carers-hub new-page "$(PAGE)" "$(TITLE)"

new-service: $(SITE_DEPS) ## Start a service: make new-service ID=carers-cafe NAME="Carers cafe"
	$(BIN)/carers-hub new-service "$(ID)" "$(NAME)"

# IMPORT_OPTIONS for import-directory (docs/editors/bring-in-your-directory.md): --rate N (requests a second, 5),
# --timeout S (seconds for each whole answer, 30), --max-size MB (one answer or saved file, 50), --retries N (3),
# --workers N (4), --details auto|always|never, --dry-run (the report only), --fresh (ignore an interrupted
# import's saved answers), --accept-removals (import a feed that lost more than a fifth of its services).
import-directory: $(SITE_DEPS) ## Bring in an Open Referral directory for review: make import-directory SOURCE=https://... (or a saved .json)
	@if [ -z "$(SOURCE)" ]; then echo 'Give the feed: make import-directory SOURCE=https://example.org/api/services'; exit 2; fi
	$(BIN)/carers-hub import-directory "$(SOURCE)" $(IMPORT_OPTIONS)

check: $(SITE_DEPS) $(NODE_DEPS) ## Build, then check the finished site: promises on every page, reading level, links, review dates
	$(BIN)/carers-hub check

check-site: $(SITE_DEPS) ## Check the site already built in site/ (what CI publishes), without building it again
	$(BIN)/carers-hub check --site site

pr-report: $(SITE_DEPS) $(NODE_DEPS) ## Build and check as on a pull request; write the report an editor sees there (checks-report.md)
	$(BIN)/carers-hub pr-report --out checks-report.md

freshness: $(SITE_DEPS) ## List the pages, services and contacts due for review in the next 60 days
	$(BIN)/carers-hub freshness

check-external-links: site ## Check links to other websites (needs the internet; CI runs it weekly)
	$(BIN)/python -c "import sys; from pathlib import Path; from carers_hub.checks.links import check_site; \
	r = check_site(Path('site'), external=True); print(r.stdout); sys.exit(r.returncode)"

# Node.js and npm: installed from Debian when missing and run as root (CI's containers), else the command is shown.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || if [ "$$(id -u)" -eq 0 ]; then \
	  echo "Installing Node.js and npm (the browser editor's files come from npm)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; \
	else echo "The site needs Node.js and npm (for the browser editor). Install them once with:"; \
	  echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends nodejs npm"; exit 1; fi
	npm ci --no-audit --no-fund --loglevel=error

bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error

system-packages: ## Install the Debian packages the tests need (as root), or say the one command to run
	@bash tests/support/system-packages

build-packages: ## Install only the Debian packages building the site needs (PDF leaflets, Node.js), as root, or say the command
	@bash tests/support/system-packages build

# The code's own rules (tests/test_code_rules.py runs the same three): style (ruff), types on core/ and data/
# (mypy --strict), and the layers of docs/developers/how-it-works.md (import-linter; pyproject.toml has them all).
# mypy and lint-imports read this checkout's hooks/ as carers_hub through a link, as the tests do.
LINT_PATH := .cache/this-checkout
lint: $(TEST_DEPS) ## Check the code's style, its types (core/, data/) and that each layer imports only those below it
	@mkdir -p $(LINT_PATH) && ln -sfn ../../hooks $(LINT_PATH)/carers_hub
	$(BIN)/ruff check hooks tests bench
	MYPYPATH=$(LINT_PATH) $(BIN)/mypy -p carers_hub.core -p carers_hub.data
	PYTHONPATH=$(LINT_PATH) $(BIN)/lint-imports

WORKERS ?= auto  # one test process a core (two on the machines this is built for)
# A module's tests that share a site built once for the module run on one worker (tests/conftest.py groups them).
XDIST := -n $(WORKERS) --dist loadgroup

test: system-packages $(TEST_DEPS) node_modules/.package-lock.json ## Run every test, browser tests included
	$(BIN)/python -m pytest $(XDIST)

# Tests that launch Chromium or build a site are found by what they use (tests/support/fast.py).
test-fast: system-packages $(TEST_DEPS) node_modules/.package-lock.json ## The edit-and-test loop: every test that launches no browser and builds no site (about a minute)
	$(BIN)/python -m pytest $(XDIST) -q -m "not browser and not whole_site and not built_site"

# The generator's tests on another council's site (tests/fixtures/sites/): proof that they test the generator and
# not the example's words. The tests marked `example`, which check the City of London's own pages, are left out.
OTHER_SITE ?= tests/fixtures/sites/second-council
test-other-site: system-packages $(TEST_DEPS) node_modules/.package-lock.json ## The generator's tests on a second council's site instead of the example (OTHER_SITE=folder)
	CARERS_HUB_TEST_SITE=$(OTHER_SITE) $(BIN)/python -m pytest $(XDIST) -q -m "not example"

test-calendar: system-packages $(TEST_DEPS) node_modules/.package-lock.json ## The whole suite as if today were 2027-06-01, then 2030-01-01 (CI: weekly)
	datefudge 2027-06-01 $(BIN)/python -m pytest -q $(XDIST)
	datefudge 2030-01-01 $(BIN)/python -m pytest -q $(XDIST)

# tests/test_any_input.py puts every kind of value into every field: the suite tries 150 (each for data/ and for
# front matter), this ten times as many.
ANY_INPUT_EXAMPLES ?= 1500
test-any-input: system-packages $(TEST_DEPS) ## Every data and front-matter field given ten times the suite's values of every kind, none a traceback (CI: weekly)
	ANY_INPUT_EXAMPLES=$(ANY_INPUT_EXAMPLES) $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_any_input.py -k any_value

baselines: system-packages $(TEST_DEPS) node_modules/.package-lock.json ## Redraw the screenshots and screen-reader snapshots in tests/baselines/ (review the changes, then commit them)
	UPDATE_BASELINES=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_how_it_looks.py tests/test_screen_reader_tree.py -k "reviewed"
	git status --short tests/baselines

# The publishing workflow's jobs, replayed here in a fresh clone with GitHub's environment (hooks/ci/replay.py).
JOB ?= test-and-build
EVENT ?= push
BASE ?= HEAD~1

ci-replay: $(SITE_DEPS) ## Replay CI's jobs here before GitHub runs them: make ci-replay JOB=report EVENT=pull_request (JOB=a,b runs several; WARM=1: caches found)
	$(BIN)/python -m carers_hub.tools.ci_replay --job "$(JOB)" --event "$(EVENT)" --base "$(BASE)" $(if $(OUT),--out "$(OUT)") $(if $(WARM),--warm)

ci-wheels: $(SITE_DEPS) ## Download the locked Python packages into .cache/ci-wheels, so replays install with no network (needs the network)
	$(BIN)/python -m carers_hub.ci.workspace

docs: $(SITE_DEPS) ## Rewrite the macros reference, the list of described service fields, and the errors page from its catalogue
	$(BIN)/python -m carers_hub.tools.macro_docs > docs/editors/macros.md
	$(BIN)/python -m carers_hub.tools.field_docs docs/editors/services.md
	$(BIN)/python -m carers_hub.tools.errors_doc > docs/errors.md

bench: bench-build bench/node_modules/.package-lock.json ## Every benchmark: page weight, Lighthouse, search and the preview's reload in Chromium (the example and 5,000 services), then bench-build
	$(BIN)/python bench/page_weight.py
	$(BIN)/python bench/page_weight.py 5000
	$(BIN)/python bench/search.py
	$(BIN)/python bench/search_parts.py
	$(BIN)/python bench/serve_rebuild.py

bench-national: $(BENCH_DEPS) ## A national directory: the build at 1,000, 5,000, 20,000 and 50,000 services (time, memory, size)
	$(BIN)/python bench/directory.py 1000 5000 20000 50000

bench-build: $(BENCH_DEPS) $(NODE_DEPS) ## Build benchmarks: 100 to 5,000 services, against stock mkdocs-material, import
	$(BIN)/python bench/directory.py
	$(BIN)/python bench/build_speed.py
	$(BIN)/python bench/import_directory.py

UV_VERSION := 0.13.9
LOCK_PYTHON := 3.11.7
INDEX_URL ?= https://pypi.org/simple

lock: ## Re-lock requirements/{site,test,bench}.txt with hashes from requirements/*.in (UPGRADE=--upgrade moves pins)
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet uv==$(UV_VERSION)
	set -e; cd requirements && for layer in site test bench; do \
	  ../.venv-lock/bin/uv pip compile --quiet --no-config --index-url $(INDEX_URL) \
	    --python-version $(LOCK_PYTHON) --python-platform x86_64-unknown-linux-gnu \
	    --generate-hashes --custom-compile-command 'make lock' $(UPGRADE) \
	    $$layer.in --output-file $$layer.txt; \
	done
	rm -rf .venv-lock

clean: ## Remove the built site and caches
	rm -rf site site.old-* .site-build .cache .pytest_cache checks-report.md
