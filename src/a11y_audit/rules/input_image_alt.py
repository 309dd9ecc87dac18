"""Image buttons (``input type="image"``) have an accessible name.

An image button submits a form, such as a search box or a newsletter sign-up. Screen readers
announce its ``alt`` text as the button's name; without one they say "button" or read the image
file name, and users cannot tell what the button does. An empty ``alt`` does not make an image
button decorative: it is still a button.

The browser's default name ("Submit Query") is not counted as a name: it never says what the
button is for.

Matches axe-core.

Fails::

    <form action="/search"><input type="search" name="q" aria-label="Search">
      <input type="image" src="/img/magnifier.svg"></form>

    <input type="image" src="/img/arrow.png" alt="">

Passes::

    <form action="/search"><input type="search" name="q" aria-label="Search">
      <input type="image" src="/img/magnifier.svg" alt="Search"></form>

    <input type="image" src="/img/arrow.png" title="Subscribe">

Limits: an unnamed image button that a stylesheet the cascade reads hides (``display: none``,
``visibility: hidden``) is not checked; one that only a linked stylesheet that could not be read
may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.naming import check_named, in_tree, native_name_rule_applies
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics.names import input_type

RULE = Rule(
    id="input-image-alt",
    impact="critical",
    wcag=("1.1.1", "4.1.2"),
    act=("59796f",),
    tags=("cat.text-alternatives",),
    help="Give the image button an alt attribute that says what it does",
    template_values=("alt", "aria-labelledby"),
)


def check(page: Page) -> Results:
    buttons = [el for el in page.tags("input")
               if input_type(el) == "image" and in_tree(page, el)
               and native_name_rule_applies(page, el)]
    yield from check_named(RULE, page, buttons, "Image button", ("alt",), text=False)
