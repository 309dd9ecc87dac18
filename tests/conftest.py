"""Shared test helpers and the data-set locations (../shared, overridable by env vars)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from a11y_audit.engine import audit_page
from a11y_audit.outcome import Outcome
from a11y_audit.page import Page
from a11y_audit.registry import get
from tests.shared_data import act_rules_dir, corpus_dir

REPO = Path(__file__).resolve().parents[1]
RULES_DATA = REPO / "rules"

# Under GitHub Actions, every ``-f github`` run of the tests would append its summary to the
# job's summary page: the tests that want one name a file of their own.
os.environ.pop("GITHUB_STEP_SUMMARY", None)


@pytest.fixture(autouse=True)
def _no_kept_connections():
    """Each test starts with no connection kept open from another's: the tool keeps a
    thread's clients (and a served WACZ file's) alive for its next fetch, and a test
    server's thread that serves one lingers until it closes, so a later test's worker pool
    would fork a process of many threads (Python 3.12+ warns of the deadlocks that can
    cause)."""
    yield
    from a11y_audit import fetch, inputs

    for store in (fetch._clients, inputs._remote_files):
        kept = fetch.kept_by_thread(store)
        while kept:
            entry = kept.popitem(last=False)[1]
            (entry[0] if isinstance(entry, tuple) else entry).close()


def load_script(name: str) -> ModuleType:
    """``scripts/<name>.py`` as a module, loaded once. Registered in ``sys.modules`` under its
    name, as the scripts import each other (tree_vs_chromium imports styles_vs_chromium,
    which imports axe_corpus) and dataclasses look their module up there."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def run_rule(rule_id: str, markup: str, *, source: str = "<test>", **options):
    """Audit ``markup`` with one rule; returns the page report (passed findings included).
    ``source`` is the page's file, against which linked stylesheets resolve."""
    page = Page.from_html(markup, source=source)
    return audit_page(page, [get(rule_id)], options={rule_id: options} if options else None,
                      include_passed=True)


def outcomes(rule_id: str, markup: str, **options) -> list[tuple[Outcome, str]]:
    """(outcome, selector) for each result of one rule on ``markup``."""
    return [(f.outcome, f.selector) for f in run_rule(rule_id, markup, **options).findings]


def page_outcome(rule_id: str, markup: str, **options) -> Outcome:
    return run_rule(rule_id, markup, **options).rules[rule_id].outcome


SHARED_HINT = ("set A11Y_AUDIT_SHARED (or A11Y_AUDIT_ACT_RULES / A11Y_AUDIT_CORPUS) to the "
               "shared folder")


def require_data(path: Path, what: str, hint: str = SHARED_HINT) -> Path:
    """Skip (locally) or fail (under CI=true) when a data set or tool is missing."""
    if path.exists():
        return path
    message = f"{what} not found at {path}; {hint}"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def act_root() -> Path:
    return require_data(act_rules_dir() / "manifest.json", "ACT test cases").parent


@pytest.fixture(scope="session")
def corpus_root() -> Path:
    return require_data(corpus_dir() / "index.json", "news corpus").parent


@pytest.fixture(scope="module")
def styles_context():
    """A Chromium page context for comparing computed styles (page JavaScript off, every
    request aborted, axe's 1280x800 viewport); skips without chromium, as the browser tests
    do (see tests/test_report_browser.py)."""
    from tests.test_report_browser import launched_chromium
    for browser in launched_chromium():
        yield load_script("axe_corpus").offline_context(browser)
