"""The HTML ``autocomplete`` attribute: the grammar of autofill detail tokens.

Source: HTML Living Standard, section 4.10.18.7.1 "Autofilling form controls: the autocomplete
attribute" (https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill).
An autofill detail token list is, in order and separated by ASCII whitespace
(ASCII case-insensitive):

1. optionally a token that starts with ``section-``;
2. optionally ``shipping`` or ``billing``;
3. either a field name from the "autofill field" table below, or optionally a contact type
   (``home``, ``work``, ``mobile``, ``fax``, ``pager``) followed by a contact field name;
4. optionally ``webauthn``.

``on`` and ``off`` are valid only alone (the "autofill expectation mantle" tokens).
"""

from __future__ import annotations

from a11y_audit.knowledge.lang import ASCII_WHITESPACE


def _words(text: str) -> list[str]:
    return text.split()


# HTML, table of autofill field names whose "autofill field" is not a contact field.
FIELD_NAMES = frozenset(
    _words("""
    name honorific-prefix given-name additional-name family-name honorific-suffix nickname
    username new-password current-password one-time-code organization-title organization
    street-address address-line1 address-line2 address-line3 address-level4 address-level3
    address-level2 address-level1 country country-name postal-code cc-name cc-given-name
    cc-additional-name cc-family-name cc-number cc-exp cc-exp-month cc-exp-year cc-csc cc-type
    transaction-currency transaction-amount language bday bday-day bday-month bday-year sex url
    photo
    """)
)

# HTML, the same table: field names that may follow a contact type.
CONTACT_FIELD_NAMES = frozenset(
    _words("""
    tel tel-country-code tel-national tel-area-code tel-local tel-local-prefix tel-local-suffix
    tel-extension email impp
    """)
)

CONTACT_TYPES = frozenset(("home", "work", "mobile", "fax", "pager"))
ADDRESS_TYPES = frozenset(("shipping", "billing"))
TOGGLES = frozenset(("on", "off"))
WEBAUTHN = "webauthn"


def tokens(value: str) -> list[str]:
    """The value split on ASCII whitespace, lower-cased."""
    return [t.lower() for t in value.split() if t.strip(ASCII_WHITESPACE)]


def is_toggle(value: str) -> bool:
    """A single ``on`` or ``off`` token."""
    parts = tokens(value)
    return len(parts) == 1 and parts[0] in TOGGLES


def problem(value: str) -> str | None:
    """None when ``value`` is a valid autofill detail token list, else what is wrong."""
    parts = tokens(value)
    if not parts:
        return "the value is empty"
    if len(parts) == 1 and parts[0] in TOGGLES:
        return None
    rest = list(parts)
    if rest[-1] == WEBAUTHN:
        rest.pop()
    if not rest:
        return "'webauthn' must follow a field name"
    field = rest.pop()
    if field in CONTACT_FIELD_NAMES:
        if rest and rest[-1] in CONTACT_TYPES:
            rest.pop()
    elif field not in FIELD_NAMES:
        return _unknown_field(field, rest)
    if rest and rest[-1] in ADDRESS_TYPES:
        rest.pop()
    if rest and rest[-1].startswith("section-"):
        rest.pop()
    if rest:
        return _misplaced(rest[-1], field)
    return None


def _unknown_field(field: str, before: list[str]) -> str:
    if field in CONTACT_TYPES or field in ADDRESS_TYPES or field.startswith("section-"):
        return f"{field!r} must be followed by a field name"
    if field in TOGGLES:
        return f"{field!r} is only valid on its own"
    if "," in field:
        return f"{field!r} uses commas; tokens are separated by spaces"
    return f"{field!r} is not an autofill field name"


def _misplaced(token: str, field: str) -> str:
    if token in CONTACT_TYPES and field in CONTACT_FIELD_NAMES:
        return f"{token!r} is out of order: the contact type comes right before {field!r}"
    if token in CONTACT_TYPES:
        return f"{token!r} can only precede tel, email or impp fields, not {field!r}"
    if token in TOGGLES:
        return f"{token!r} is only valid on its own"
    if token in ADDRESS_TYPES or token.startswith("section-"):
        return f"{token!r} is out of order (section-*, then shipping/billing, then home/work...)"
    if token in FIELD_NAMES or token in CONTACT_FIELD_NAMES:
        return f"more than one field name ({token!r} and {field!r})"
    return f"{token!r} is not an autofill token"
