"""knowledge.autocomplete: HTML autofill detail tokens (HTML 4.10.18.7.1)."""

from __future__ import annotations

import pytest

from a11y_audit.knowledge.autocomplete import is_toggle, problem


@pytest.mark.parametrize(
    "value",
    [
        "username",
        "bday-month",
        "Street-Address",
        "work email",
        "section-partner email",
        "section-primary billing address-line1",
        "section-primary shipping work email",
        "shipping mobile tel-national",
        "current-password webauthn",
        "one-time-code",
        "off",
        " ON ",
    ],
)
def test_valid(value):
    assert problem(value) is None


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("badname", "not an autofill field name"),
        ("work photo", "can only precede tel, email or impp"),
        ("work shipping email", "out of order"),
        ("work,email", "commas"),
        ("shipping", "must be followed by a field name"),
        ("work", "must be followed by a field name"),
        ("address-line1 address-line2", "more than one field name"),
        ("current-password webauthn invalid", "'invalid' is not an autofill field name"),
        ("email invalid", "'invalid' is not an autofill field name"),
        ("webauthn", "must follow a field name"),
        ("off username", "only valid on its own"),
        ("section-a section-b email", "out of order"),
        ("home fax tel", "out of order"),
        ("", "empty"),
    ],
)
def test_invalid(value, words):
    reason = problem(value)
    assert reason is not None and words in reason


@pytest.mark.parametrize(("value", "toggle"), [("off", True), ("On", True), ("off on", False),
                                               ("email", False), ("", False)])
def test_is_toggle(value, toggle):
    assert is_toggle(value) is toggle
