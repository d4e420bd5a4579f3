# The two commands: `make run` (serve the demo township) and `make test` (the whole suite).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/fazhi
PYTEST_ARGS ?=
export PYTHONDONTWRITEBYTECODE := 1
export FONTCONFIG_FILE := $(CURDIR)/src/fazhi/reports/fonts.conf

.PHONY: install system-deps run test test-pg check-migrations lint format bench demo fuzz

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

# Debian packages the product needs: Chromium (browser tests), CJK fonts, poppler (PDF checks),
# LibreOffice (PDF of the report). Installed only when missing; needs root, as on every project machine.
SYSTEM_PACKAGES := chromium fonts-noto-cjk poppler-utils libreoffice-writer-nogui texlive-lang-chinese
# The report PDF's 仿宋/楷体 faces (FandolFang, FandolKai; mapped in src/fazhi/reports/fonts.conf).
FANDOL_DIR := /usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	fc-list 2>/dev/null | grep -q 'Noto Serif CJK' || missing="$$missing fonts-noto-cjk"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	if [ -n "$$missing" ]; then \
	  echo "安装系统依赖:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	@test -f $(FANDOL_DIR)/FandolFang-Regular.otf || { echo "安装系统依赖: texlive-lang-chinese"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	  texlive-lang-chinese >/dev/null; }

# The demo's "admin" account may use Django's admin (FAZHI_ADMIN_ENABLED); a deployment leaves it off.
run: install system-deps
	$(BIN)/fazhi migrate --noinput -v0
	$(BIN)/fazhi demo
	$(BIN)/fazhi collectstatic --noinput -v0
	FAZHI_ADMIN_ENABLED=$${FAZHI_ADMIN_ENABLED:-true} $(BIN)/fazhi serve --bind 127.0.0.1:8000

demo: install
	$(BIN)/fazhi migrate --noinput -v0
	$(BIN)/fazhi demo

# The whole suite on the embedded SQLite database (or on $$DATABASE_URL when it is set).
test: install system-deps
	$(BIN)/pytest -n 2 -q $(PYTEST_ARGS)

test-pg: install system-deps
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 -q $(PYTEST_ARGS)

# Tests build their tables straight from the models (fast); this proves the migrations themselves
# are complete and apply cleanly on a fresh SQLite and a fresh PostgreSQL database.
check-migrations: install
	$(BIN)/fazhi makemigrations --check --dry-run
	tmp=$$(mktemp -d) && FAZHI_VAR_DIR=$$tmp $(BIN)/fazhi migrate --noinput -v0 && rm -rf $$tmp
	psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS fazhi_migrate' -c 'CREATE DATABASE fazhi_migrate'
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/fazhi_migrate $(BIN)/fazhi migrate --noinput -v0

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: install
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

# A bounded schemathesis pass over the API as a township user, on a scratch demo database; any 5xx
# fails it. EXAMPLES (per operation) sets the length: 2 in CI (a few hundred requests), 50 for a long run.
EXAMPLES ?= 2
fuzz: install
	tmp=$$(mktemp -d) && export FAZHI_VAR_DIR=$$tmp DATABASE_URL= && \
	$(BIN)/fazhi migrate --noinput -v0 && $(BIN)/fazhi demo >/dev/null && \
	$(BIN)/fazhi fuzz_api --examples $(EXAMPLES); rc=$$?; rm -rf $$tmp; exit $$rc

bench: install
	$(BIN)/pip install -q --disable-pip-version-check -r bench/requirements.txt
	$(BIN)/python -m bench $(if $(QUICK),--quick,)
