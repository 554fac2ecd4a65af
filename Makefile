# Evenside: every target sets up .venv itself; a second run skips the install unless
# pyproject.toml changed (the stamp files depend on it).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.stamp-run
TEST_STAMP := $(VENV)/.stamp-test

.PHONY: run demo test lint typecheck contracts pytest screenshots bench soak clean package package-test wheel install-desktop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q src  # bytecode ready: the first start compiles nothing
	touch $@

$(TEST_STAMP): pyproject.toml constraints-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]' -c constraints-dev.txt
	$(BIN)/python -m compileall -q src
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/python -m evenside $(ARGS)

demo: $(RUN_STAMP)
	$(BIN)/python -m evenside --demo $(ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests bench packaging
	$(BIN)/ruff format --check src tests bench packaging

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

contracts: $(TEST_STAMP)
	$(BIN)/lint-imports

# Coverage gate: 90 % of the whole program, 95 % of the domain (the rules every screen
# and report stands on). Command-line runs in child processes are measured too.
pytest: $(TEST_STAMP)
	rm -f .coverage .coverage.*
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest --cov --cov-report= $(PYTEST_ARGS)
	$(BIN)/python -m coverage report --fail-under=90 --skip-covered --skip-empty
	$(BIN)/python -m coverage report --include='*/evenside/domain/*' --fail-under=95 --skip-covered

test: lint typecheck contracts pytest

screenshots: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/gui -m screenshot --screenshots docs/screenshots

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py
	$(BIN)/python bench/studio_load.py

soak: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/soak.py --kills 200

DESKTOP_DIR ?= $(HOME)/.local/share
install-desktop:
	install -Dm644 packaging/linux/org.evenside.Evenside.desktop $(DESKTOP_DIR)/applications/org.evenside.Evenside.desktop
	install -Dm644 packaging/linux/org.evenside.Evenside.metainfo.xml $(DESKTOP_DIR)/metainfo/org.evenside.Evenside.metainfo.xml
	install -Dm644 resources/icons/evenside.svg $(DESKTOP_DIR)/icons/hicolor/scalable/apps/org.evenside.Evenside.svg
	for size in 16 24 32 48 64 128 256 512; do \
	  install -Dm644 resources/icons/evenside-$$size.png $(DESKTOP_DIR)/icons/hicolor/$${size}x$${size}/apps/org.evenside.Evenside.png; \
	done
	@echo "Installed the launcher; it runs the 'evenside' command (install it with pipx first)."

PACKAGE_STAMP := $(VENV)/.stamp-package
$(PACKAGE_STAMP): $(TEST_STAMP)
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.0" "build>=1.0"
	touch $@

package: $(PACKAGE_STAMP)
	$(BIN)/python -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/evenside.spec

package-test: package
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -p no:cacheprovider packaging/test_bundle.py -q

wheel: $(PACKAGE_STAMP)
	$(BIN)/python -m build --wheel --outdir dist .
