# Everything a fresh Debian/Ubuntu machine needs, from two commands: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
BIN := $(VENV)/bin
# What runs on both backends (team mode's PostgreSQL too); the rest is the same on either.
POSTGRES_TESTS := tests/store tests/sync tests/queries tests/app

.PHONY: run test lint demo screenshots translations bundle wheel bundle-test clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/reciprocity

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q
	@echo "The store, sync, query and app tests again, on PostgreSQL (tests/postgres_server.py):"
	$(BIN)/python -m pytest -q --database postgresql $(POSTGRES_TESTS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

demo: $(STAMP)
	@d=$$(mktemp -d) && $(BIN)/reciprocity --data-dir $$d demo && $(BIN)/reciprocity --data-dir $$d pending

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/screenshots.py

# The catalogs from the code (resources/translations/*.ts), then the .qm files the app loads.
translations: $(STAMP)
	$(BIN)/python packaging/translations.py update release

# The one-folder bundle (PyInstaller): dist/reciprocity/, run as dist/reciprocity/reciprocity.
bundle: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/reciprocity.spec
	@du -sh dist/reciprocity

# The wheel, for pipx install dist/reciprocity-*.whl.
wheel: $(STAMP)
	rm -f dist/reciprocity-*.whl
	$(BIN)/python -m build --wheel --outdir dist .

# Both, built, then run away from the source tree (packaging/bundle_test.py).
bundle-test: bundle wheel
	$(BIN)/python packaging/bundle_test.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build dist *.egg-info
