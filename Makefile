# Two commands for a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run` shows the demo as of this day (its data are all in the past); `make run DEMO_DATE=` for today.
DEMO_DATE ?= 2022-06-15
# Every target here is for development: DEBUG on (the settings default to production, DEBUG off).
export DEBUG ?= true
# E-mail links, exports and the sitemap use SITE_URL: `make run` points it at the address it serves
# unless it is set, and warns when a SITE_URL that is set names another address.
SERVED_URL = http://$(HOST):$(PORT)
RUN_SITE_URL = $(or $(patsubst %/,%,$(SITE_URL)),$(SERVED_URL))

.PHONY: run check-site-url test install install-dev migrate demo admin serve messages lint bench

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo_data

run: demo
	@echo ""
	@echo "Directory:  $(SERVED_URL)/"
	@echo "Admin:      $(SERVED_URL)/admin/  (create an account first with: make admin)"
	@$(MAKE) -s --no-print-directory check-site-url
	@echo ""
	DEMO_DATE=$(DEMO_DATE) SITE_URL='$(RUN_SITE_URL)' $(PY) manage.py runserver $(HOST):$(PORT)

check-site-url:
	@if [ '$(RUN_SITE_URL)' != '$(SERVED_URL)' ]; then \
	  echo "Warning: SITE_URL=$(RUN_SITE_URL) is not the address served ($(SERVED_URL)): links in e-mails, exports and the sitemap point there."; \
	fi

admin: migrate
	$(PY) manage.py createsuperuser

# SQLite by default; PostgreSQL when DATABASE_URL is set (postgres://user@host:port/name).
# One worker process per core (pytest-xdist), each with its own test database, each module on one
# worker (tests/conftest.py says why); TEST_WORKERS=0 for one process.
TEST_WORKERS ?= auto
test: install-dev
	$(PY) -m pytest -n $(TEST_WORKERS) --maxprocesses 8 --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

# English: every string; French: only its plural rule (locale/french_plurals.py says why).
messages: install-dev
	$(PY) manage.py makemessages -l en -l fr --no-wrap --ignore=.venv --ignore=tests
	$(PY) locale/french_plurals.py
	$(PY) manage.py compilemessages --ignore=.venv

lint: install-dev
	$(VENV)/bin/ruff check .

# Benchmarks (by hand, never in CI): DATABASE_URL=postgres://... make bench BENCH_ARGS="--sizes 1000,10000,100000"
# The peer (Datasette) lives in its own virtualenv, .venv-bench/, never in the project's.
.venv-bench/.installed: requirements-bench.txt
	test -x .venv-bench/bin/python || $(PYTHON) -m venv .venv-bench
	.venv-bench/bin/python -m pip install -q --disable-pip-version-check -r requirements-bench.txt
	touch $@

bench: install-dev .venv-bench/.installed
	$(PY) -m benchmarks $(BENCH_ARGS)
