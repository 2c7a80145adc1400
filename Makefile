# Two commands (see README): `make run` serves the app; `make test` runs every check.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

APP_STAMP := $(VENV)/.app-installed
DEV_STAMP := $(VENV)/.dev-installed

.PHONY: run test check lint typecheck bench clean

run: $(APP_STAMP)
	$(BIN)/streamlit run streamlit_app.py --server.address localhost --server.port $(PORT)

test: $(DEV_STAMP)
	@scripts/system-deps.sh
	$(BIN)/python -m decision_aid check-content --strict
	$(BIN)/ruff check decision_aid tests bench streamlit_app.py
	$(BIN)/mypy
	$(BIN)/pytest

check: $(DEV_STAMP)
	$(BIN)/python -m decision_aid check-content --strict

lint: $(DEV_STAMP)
	$(BIN)/ruff check decision_aid tests bench streamlit_app.py

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

bench: $(DEV_STAMP)
	@scripts/system-deps.sh
	$(BIN)/python -m bench.run

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(APP_STAMP): requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(APP_STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
