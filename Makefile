# MetNum — two commands: `make run` serves the demo site, `make test` runs every check.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test install demo migrate lint format browser-deps bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# npm packages: the W3C Nu HTML Checker (vnu-jar) for the markup tests, Lighthouse for
# bench/lighthouse.py; skipped without npm.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund --silent; \
	else echo "npm absent : le contrôle du balisage (vnu) sera ignoré."; fi

install: $(VENV)/.installed node_modules/.package-lock.json

migrate: install
	mkdir -p var
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo_content
	$(MANAGE) export_open_data

run: demo
	$(MANAGE) create_dev_users
	@echo "Site : http://$(HOST):$(PORT)/   Administration : http://$(HOST):$(PORT)/admin/"
	@echo "Courriels envoyés (alertes) : un fichier par envoi dans $(CURDIR)/var/courriels/ ; nouvelles offres : $(MANAGE) send_alerts --frequency quotidienne"
	$(MANAGE) runserver $(HOST):$(PORT)

# Browser tests need Debian's Chromium: installed when missing and we are root, skipped otherwise.
browser-deps:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			echo "Installation de Chromium (paquet Debian chromium) pour les tests navigateur…"; \
			(apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)) \
				|| echo "Tests navigateur ignorés : l'installation de chromium a échoué."; \
		else \
			echo "Tests navigateur ignorés : $(CHROMIUM) absent et installation impossible sans les droits root."; \
		fi \
	fi

test: install browser-deps
	DJANGO_SETTINGS_MODULE=metnum_site.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=metnum_site.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

bench: install
	@ls bench/*.py >/dev/null 2>&1 && for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script; done || echo "Aucun benchmark pour l'instant."

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
