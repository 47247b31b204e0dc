# НКО-Кластер — `make run` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := run

PORT ?= 8000
HOST ?= 127.0.0.1
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
UV := $(VENV)/bin/uv
STEP := scripts/step.sh
# When make started: `make run` prints the time of each step and the total before it serves.
STARTED := $(shell date +%s.%N)

.PHONY: run serve setup install assets messages makemessages migrate demo test test-fast e2e lint format bench clean

$(VENV)/.installed: pyproject.toml requirements.lock
	@PYTHON_BIN="$$(scripts/find-python.sh)" || exit 1; \
	if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then \
		rm -rf $(VENV); echo "Creating $(VENV) with $$PYTHON_BIN"; "$$PYTHON_BIN" -m venv $(VENV); \
	fi
	@$(STEP) "uv into .venv" $(PY) -m pip install --quiet --disable-pip-version-check "uv==0.13.8"
	@$(STEP) "Python packages (requirements.lock)" $(UV) pip sync --quiet --python $(PY) requirements.lock
	@$(STEP) "the project itself" $(UV) pip install --quiet --python $(PY) --no-deps -e .
	@touch $@

install: $(VENV)/.installed

node_modules/.package-lock.json: package.json package-lock.json
	@$(STEP) "front-end packages (package-lock.json)" npm ci --no-audit --no-fund --loglevel=error

build/vendor/.built: node_modules/.package-lock.json scripts/build-assets.mjs
	@$(STEP) "front-end assets" node scripts/build-assets.mjs
	@touch $@

assets: build/vendor/.built

I18N_IGNORE := --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'build/*' --ignore 'var/*'

messages: install
	@$(STEP) "Russian translation" $(MANAGE) compilemessages --verbosity 0 $(I18N_IGNORE)

APP ?= $(notdir $(wildcard nkohub/*[a-z]))

# Each app keeps its own catalogue: make makemessages APP=resources
makemessages: install
	@for app in $(APP); do \
		[ -f nkohub/$$app/apps.py ] || continue; \
		mkdir -p nkohub/$$app/locale; \
		(cd nkohub/$$app && ../../$(VENV)/bin/django-admin makemessages --locale ru --no-obsolete --add-location file) || exit 1; \
	done

# A new embedded database starts from a snapshot of an earlier fresh set-up with the same migrations
# and reference data when there is one (scripts/db-snapshot.sh, kept in ~/.cache/nkohub): it holds
# exactly their result, so both steps are skipped. uv, pip and npm keep their own caches in ~/.cache.
SNAPSHOT := PY=$(PY) scripts/db-snapshot.sh

migrate: install
	@mkdir -p var
	@$(SNAPSHOT) restore
	@if $(SNAPSHOT) restored; then echo "  ⏱ database migrations: in the snapshot"; else \
		$(STEP) "database migrations" $(MANAGE) migrate --no-input --verbosity 0; fi

setup: install assets messages migrate
	@if $(SNAPSHOT) restored; then echo "  ⏱ reference data: in the snapshot"; else \
		$(STEP) "reference data" $(MANAGE) load_reference; fi
	@$(SNAPSHOT) save

demo: setup
	@$(STEP) "demo data" $(MANAGE) load_demo

# The server and the scheduler of periodic jobs together; Ctrl+C stops both.
run: demo
	@awk -v a="$(STARTED)" -v b="$$(date +%s.%N)" 'BEGIN { printf "  ⏱ set-up in all: %.0f s\n", b - a }'
	@echo ""
	@echo "НКО-Кластер: http://$(HOST):$(PORT)/  (остановить: Ctrl+C)"
	DEBUG=$${DEBUG:-1} PY=$(PY) scripts/run-with-scheduler.sh $(HOST):$(PORT) --noreload

serve: setup
	DEBUG=$${DEBUG:-1} $(MANAGE) runserver $(HOST):$(PORT)

# Tests run in parallel processes (pytest-xdist); WORKERS=1 runs them in one.
WORKERS ?= 2

test: install assets messages
	$(PY) -m pytest -n $(WORKERS) $(PYTEST_ARGS)

test-fast: install assets messages
	$(PY) -m pytest -n $(WORKERS) --ignore-glob='e2e/*' $(PYTEST_ARGS)

e2e: install assets messages
	$(PY) -m pytest e2e $(PYTEST_ARGS)

# Templates are indented by djhtml; `make format` applies it, `make lint` only checks.
TEMPLATES = $(shell git ls-files 'nkohub/*/templates/*.html' 2>/dev/null || find nkohub -path '*/templates/*.html')

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@echo "djhtml --check (templates)" && $(VENV)/bin/djhtml --check $(TEMPLATES)
	$(VENV)/bin/mypy .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $(TEMPLATES)

# Benchmarks (bench/, README's "Benchmarks"): a PostgreSQL database and a Redis db of their own. Every
# figure is printed beside its goal with ✔/✘ and the load; the run fails when any goal is missed.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/nkohub_bench
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/15

bench: install assets messages
	@DATABASE_URL=$(BENCH_DATABASE_URL) BENCH_REDIS_URL=$(BENCH_REDIS_URL) $(PY) -m bench $(BENCH_ARGS); \
	status=$$?; [ $$status = 0 ] || echo "make bench: exit status $$status — figures marked ✘ missed their goals"; \
	exit $$status

clean:
	rm -rf $(VENV) node_modules build var
