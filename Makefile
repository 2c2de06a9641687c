# DATAide Hub — the words a newcomer expects. Only python3 (3.11+) is needed beforehand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
export DJANGO_SETTINGS_MODULE ?= hub.settings.dev

.PHONY: run test install messages compilemessages lint format bench check clean lock rehearsal

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Installs exactly what requirements-dev.lock pins (hashes checked); again whenever it changes.
# requirements.lock is the runtime set the production image installs; the dev lock adds the
# test and lint tools at the same versions.
$(STAMP): requirements-dev.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $(STAMP)

install: $(STAMP) compilemessages

compilemessages: $(STAMP)
	@for dir in locale */locale hub/*/locale; do \
	  [ -d "$$dir" ] && $(BIN)/pybabel compile --statistics -d "$$dir" -D django 2>&1 | grep -v "^$$" | sed "s|^|$$dir: |" || true; \
	done

run: install
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py seed_demo
	@echo ""
	@echo "  DATAide Hub: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "  Admin login: admin@dataide.example / demo-dataide-2026"
	@echo "  Other demo members use the same password (see demo/content/accounts.toml)."
	@echo ""
	HUB_BASE_URL=$${HUB_BASE_URL:-http://$(HOST):$(PORT)} $(BIN)/daphne -b $(HOST) -p $(PORT) hub.asgi:application

test: install
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=hub.settings.test $(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

ROOMS_WITH_CATALOGUES := cms forum events search diagnostic hub/privacy

# Extracts UI strings: the project catalogue (hub/) in locale/, each room's in <room>/locale/.
messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l fr -l en --no-obsolete --ignore=.venv --ignore=var \
	  --ignore=cms --ignore=forum --ignore=events --ignore=search --ignore=diagnostic --ignore=hub/privacy --ignore=bench --ignore=docker
	@for app in $(ROOMS_WITH_CATALOGUES); do \
	  (cd $$app && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py makemessages -l fr -l en --no-obsolete) || exit 1; \
	done
	$(BIN)/python manage.py makemessages -d djangojs -l fr -l en --no-obsolete --ignore=.venv --ignore=var \
	  --ignore=cms --ignore=forum --ignore=events --ignore=search --ignore=diagnostic --ignore=bench --ignore=docker

# The production stack (docker/compose.yaml's pieces) on this machine, checked through Caddy,
# backed up and restored, broken on purpose, then loaded (LOAD=0 skips the load test).
# Ports of its own (18080 and up, PostgreSQL 5440, Redis 6390): shared services untouched.
rehearsal: install
	LOAD=$(or $(LOAD),1) bash rehearsal/run.sh

bench: install
	DJANGO_SETTINGS_MODULE=bench.settings $(BIN)/python -m bench

# Pins pyproject.toml's dependencies again: the runtime lock first, then the dev lock
# constrained by it, so both carry the same versions. No machine-local index lines.
LOCK_FLAGS := --quiet --allow-unsafe --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links
lock: $(STAMP)
	$(BIN)/pip-compile $(LOCK_FLAGS) --output-file=requirements.lock pyproject.toml
	$(BIN)/pip-compile $(LOCK_FLAGS) --extra=dev --constraint=requirements.lock \
	  --output-file=requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) var
