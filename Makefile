# The two commands a newcomer needs: `make run` (set up, then open the window) and
# `make test` (set up, then run the whole test suite). Both create .venv when missing.
# `make lint` runs the checks CI runs before the tests (ruff, import-linter, mypy).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-fast bench package setup clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	./scripts/system_deps.sh
	$(BIN)/python -m pip install --quiet -e .

run: setup
	$(BIN)/python main.py

test: setup
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m pytest

# The inner loop: everything but the packaging build and the slow subprocess tests.
test-fast: setup
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m pytest -m "not slow" --ignore=tests/packaging -q

bench: setup
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python -m explorer.bench

# Every check runs even when an earlier one fails, so one run lists all that is wrong.
.PHONY: lint
lint: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@status=0; \
	$(BIN)/ruff check . || status=1; \
	$(BIN)/ruff format --check . || status=1; \
	$(BIN)/lint-imports || status=1; \
	$(BIN)/mypy || status=1; \
	exit $$status

# The installable program: dist/launch-site-explorer/ (bundle), a .tar.gz and a .deb.
package: setup
	$(BIN)/python -m pip install --quiet pyinstaller
	$(BIN)/python packaging/build.py --measure

clean:
	rm -rf $(VENV) build dist
