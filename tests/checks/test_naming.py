"""checks.naming.named is given only elements in the accessibility tree.

``named`` once had a cantTell branch for "a <style> rule may hide it", reached only if a caller
passed an element the cascade does not render. Every caller skips hidden elements
(``page.is_hidden`` covers not rendered), so the branch was dead and is gone. These tests pin
the callers: each rule that calls ``named`` or ``check_named``, run on its own failing example
inside a container that the page's ``<style>`` hides, yields no result at all for the hidden
element (not a failure, not a cantTell), while the same markup without the hiding rule fails.
"""

from __future__ import annotations

import ast
import inspect

import pytest

from a11y_audit.engine import audit_page
from a11y_audit.outcome import Outcome
from a11y_audit.page import Page
from a11y_audit.registry import all_rules, get
from tests.test_rule_limits_styles import HIDE, NEUTRAL, first_failing_example, wrapped


def _callers() -> list[str]:
    """Ids of the rules whose module calls naming.named or naming.check_named."""
    found = []
    for loaded in all_rules():
        module = inspect.getmodule(loaded.check)
        tree = ast.parse(inspect.getsource(module))
        imported = {alias.asname or alias.name
                    for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                    and node.module == "a11y_audit.checks.naming"
                    for alias in node.names if alias.name in ("named", "check_named")}
        called = {node.func.id for node in ast.walk(tree)
                  if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
        if imported & called:
            found.append(loaded.id)
    return sorted(found)


CALLERS = _callers()


def test_the_callers_are_found():
    # 15 rule modules today; a lower count means the discovery broke, not that callers left.
    assert len(CALLERS) >= 15
    assert {"link-name", "button-name", "frame-title", "aria-dialog-name"} <= set(CALLERS)


def _findings(rule_id: str, markup: str):
    page = Page.from_html(markup, source="<test>")
    return audit_page(page, [get(rule_id)], include_passed=True).findings


@pytest.mark.parametrize("rule_id", CALLERS)
def test_a_caller_never_asks_about_content_a_style_rule_hides(rule_id):
    markup = first_failing_example(rule_id)
    shown = _findings(rule_id, wrapped(markup, NEUTRAL))
    assert any(f.outcome is Outcome.FAILED for f in shown), "the control must fail"
    failed = {f.xpath for f in shown if f.outcome is Outcome.FAILED}
    judged = [(f.outcome, f.xpath) for f in _findings(rule_id, wrapped(markup, HIDE))
              if f.xpath in failed]
    assert judged == [], f"{rule_id} judged an element that the page's <style> hides"
