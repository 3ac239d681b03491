# The workbench's everyday commands. `make run` and `make test` are all a
# newcomer needs; both install what is missing first.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Debian packages the project needs: a browser for the end-to-end tests, an
# Arabic font for PDFs, pdftotext to read PDFs back, msgfmt for translations,
# wrk to load the API in its benchmark.
OS_PACKAGES := chromium fonts-noto-core poppler-utils gettext wrk

export PIP_DISABLE_PIP_VERSION_CHECK := 1
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
# This machine's pip mirrors print a warning per package; keep real errors.
QUIET_PIP := 2>&1 | { grep -v "is ignored" || true; }

.PHONY: install os-packages run serve migrate test lint format eval bench bench-api clean

install: os-packages $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1" $(QUIET_PIP)
	$(PY) -m pip install --quiet . --group dev $(QUIET_PIP)
	@touch $(STAMP)

# Installs only what is missing; needs root or sudo the first time.
os-packages:
	@missing=""; for p in $(OS_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	  || { echo "Could not install:$$missing (run as root or with sudo)"; exit 1; }; \
	fi

migrate: install
	$(PY) manage.py migrate --noinput

run: migrate
	$(PY) manage.py load_seeds
	$(PY) manage.py create_local_admin
	@echo "The workbench is at http://127.0.0.1:8000/ (admin at /admin/)"
	$(PY) manage.py runserver 127.0.0.1:8000

test: install
	$(PY) manage.py makemigrations --check --dry-run >/dev/null || { echo "Models changed without a migration"; exit 1; }
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Extraction quality on the annotated dev set, when it is present beside the repo.
DEV_SET ?= ../shared/eval/dev
eval: install
	@if [ -d "$(DEV_SET)" ]; then \
	  $(PY) $(DEV_SET)/../score.py $(DEV_SET) -v --predict '$(PY) manage.py extract_claims {file} --format json'; \
	else echo "No dev set at $(DEV_SET); nothing to score."; fi

bench: install
	$(PY) bench/extraction.py

# The API under gunicorn on PostgreSQL with 100,000 claims (its own database).
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/fc_bench
bench-api: install
	$(PY) bench/api.py --database $(BENCH_DATABASE_URL)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis test-artifacts

# The admin's claims list with 100,000 claims on PostgreSQL (its own database,
# BENCH_DATABASE_URL, default fc_bench_admin): prints cold and warm timings.
.PHONY: bench-admin
bench-admin: install
	$(PY) bench/admin_list.py

# CSV and JSON exports of 100,000 claims on PostgreSQL (its own database,
# BENCH_DATABASE_URL, default fc_bench_export): time and peak memory growth
# against PostgreSQL's COPY of the same columns.
.PHONY: bench-export
bench-export: install
	$(PY) bench/export.py
