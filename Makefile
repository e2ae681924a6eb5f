# The README's two commands: `make demo` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_DB := demo.db

.PHONY: demo test setup clean

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml constraints.txt
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(VENV)/bin/rashomon ingest samples/ganja-2020 --db $(DEMO_DB)
	$(VENV)/bin/rashomon incidents --db $(DEMO_DB)
	$(VENV)/bin/rashomon show largest --db $(DEMO_DB)

test: setup
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
