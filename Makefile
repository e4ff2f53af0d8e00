# Carers Hub: every task an editor or developer needs. Run `make help` to list them.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Hide the theme's notice about a future MkDocs: it is not about this site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve site leaflets new-page new-service check freshness check-external-links test docs bench bench-build lock clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/mkdocs: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

serve: $(BIN)/mkdocs ## Preview the site at http://127.0.0.1:8000 (reloads when you save a file)
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:$(PORT)

site: $(BIN)/mkdocs ## Build the finished site into site/ (only a complete, checked build replaces it)
	rm -rf .site-build
	$(BIN)/mkdocs build --strict --site-dir .site-build
	rm -rf site && mv .site-build site
	@echo "Built the site into site/"

leaflets: site ## Make the PDF leaflets (easy-read pages and the crisis page) into site/leaflets/
	@ls -l site/leaflets/

new-page: $(BIN)/mkdocs ## Start a page: make new-page PAGE=support/new-page TITLE="Page title"
	$(BIN)/python -m hooks.new page "$(PAGE)" "$(TITLE)"

new-service: $(BIN)/mkdocs ## Start a service: make new-service ID=carers-cafe NAME="Carers cafe"
	$(BIN)/python -m hooks.new service "$(ID)" "$(NAME)"

check: $(BIN)/mkdocs ## Build and run every editor check: reading level, links, review dates
	$(BIN)/python -m hooks.check

freshness: $(BIN)/mkdocs ## List the pages, services and contacts due for review in the next 60 days
	$(BIN)/python -m hooks.freshness

check-external-links: site ## Check links to other websites (needs the internet; CI runs it weekly)
	$(BIN)/python -c "import sys; from pathlib import Path; from hooks.links import check_site; \
	r = check_site(Path('site'), external=True); print(r.stdout); sys.exit(r.returncode)"

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

test: $(BIN)/mkdocs node_modules/.package-lock.json ## Run every test, browser tests included
	$(BIN)/python -m pytest

docs: $(BIN)/mkdocs ## Rewrite the handbook's macros reference from the macros' own docstrings
	$(BIN)/python -m hooks.macro_docs > docs/editors/macros.md

bench: bench-build ## Every benchmark: page weight and Lighthouse in Chromium, then bench-build
	$(BIN)/python bench/page_weight.py

bench-build: $(BIN)/mkdocs ## Build benchmarks: 100 to 5,000 services, against stock mkdocs-material, preview rebuild
	$(BIN)/python bench/directory.py
	$(BIN)/python bench/build_speed.py
	$(BIN)/python bench/serve_rebuild.py

lock: ## Re-pin requirements.txt after changing requirements.in
	$(PYTHON) -m venv .venv-lock && .venv-lock/bin/pip install --quiet -r requirements.in
	( echo '# Exact versions of everything Carers Hub installs. Made from requirements.in by `make lock`.'; .venv-lock/bin/pip freeze ) > requirements.txt
	rm -rf .venv-lock

clean: ## Remove the built site and caches
	rm -rf site .site-build .cache .pytest_cache
