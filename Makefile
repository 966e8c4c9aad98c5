# Two commands do all the set-up on a machine with Python 3.11:
#   make demo   creates .venv, installs the pinned dependencies, runs `claimrecon compare corpus/`
#   make test   the same set-up, then the whole test suite
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench samples lock clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/claimrecon compare corpus/

# The suite runs on every core (pytest-xdist, each test file on one worker); the lemma
# dictionaries are cached first, once, so that no two workers build that cache at once.
test: $(STAMP)
	@sh scripts/ensure-chromium
	$(BIN)/python -c "from claimrecon.extract.lemmas import cache_dictionaries; cache_dictionaries(('en', 'es', 'pl'))"
	$(BIN)/python -m pytest -q -n auto --dist loadfile

# Regenerate output/ (the sample reports of corpus/ in every format); a test fails when stale.
samples: $(STAMP)
	$(BIN)/python -m claimrecon.samples

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Re-pin the dependencies after changing pyproject.toml.
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/pip install --quiet -e '.[test,dask,translate]'
	.lockenv/bin/pip freeze --exclude-editable | grep -v '^claimrecon' > requirements.lock
	rm -rf .lockenv

clean:
	rm -rf $(VENV) build dist *.egg-info
