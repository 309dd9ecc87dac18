# Conventional entry points; each one creates .venv when needed (see scripts/dev.py).
PY ?= python3

.PHONY: demo test conformance bench lint
demo:
	$(PY) scripts/dev.py demo
test:
	$(PY) scripts/dev.py test
conformance:
	$(PY) scripts/dev.py conformance
bench:
	$(PY) scripts/dev.py bench
lint:
	$(PY) scripts/dev.py lint
