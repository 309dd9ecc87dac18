"""Scaffold a rule: the module and its ``rules/<id>/`` folder, with what the tests ask of them.

    python scripts/new_rule.py RULE-ID [--option NAME=DEFAULT ...]

``--option`` (repeatable) gives the rule options: DEFAULT is read as JSON (``14``, ``true``,
``["Abschrift"]``) and otherwise taken as a string. A rule with options gets an ``OPTIONS``
dict, a ``check(page, options)``, the docstring's ``Options`` section naming each option (as
tests/test_rule_docs.py requires) and a fail fixture with an ``.options.json`` beside it (as
tests/test_rule_fixtures.py requires of every rule with options). The axe-core paragraph is
"Matches axe-core." when RULE-ID is an axe-core id, else "No axe-core counterpart." with
``axe=False``. Every TODO left is one the tests will point at until it is filled in.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from a11y_audit.knowledge.axe_rules import AXE_RULE_IDS

REPO = Path(__file__).resolve().parents[1]

MODULE = '''"""TODO: one sentence saying what is checked.

TODO: who is affected and why.

{axe_paragraph}

Fails::

    <p data-todo>TODO failing markup</p>

Passes::

    <p>TODO passing markup</p>
{options_section}"""

from __future__ import annotations
{typing_import}
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="{rule_id}",
    impact="serious",
    wcag=(),{axe_flag}
    help="TODO: the fix, in one line",
)
{options_dict}

def check({check_args}) -> Results:
    yield from ()
'''

AXE_MATCHES = ("Matches axe-core. TODO: or \"Differs from axe-core:\" then what differs and the\n"
               "ACT rule or spec clause that justifies it.")
AXE_NONE = "No axe-core counterpart. TODO: the nearest axe-core or bbc-a11y check, if any."

FIXTURE = '''<!DOCTYPE html>
<html lang="en">
<head><title>TODO - options fixture</title></head>
<body><main>
  <!-- TODO: markup that comes out differently with the options in {name}.options.json
       (set them to non-default values there) than without them. -->
  <p data-expect="failed">TODO</p>
</main></body>
</html>
'''

_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


def parse_option(text: str) -> tuple[str, Any]:
    """``NAME=DEFAULT`` -> (name, default); the default is JSON when it parses, else a string."""
    name, sep, raw = text.partition("=")
    if not sep or not _NAME.match(name):
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected NAME=DEFAULT with a lower-case, dashed NAME (min-px=14)")
    try:
        return name, json.loads(raw)
    except ValueError:
        return name, raw


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    return "string"


def _literal(value: Any) -> str:
    """A Python literal for a JSON value, strings in double quotes as the rules write them."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in value.items()) + "}"
    return repr(value)


def render_module(rule_id: str, options: dict[str, Any]) -> str:
    """The module text for ``rule_id`` with these options (none: a ``check(page)``)."""
    axe = rule_id in AXE_RULE_IDS
    section = ""
    if options:
        lines = ["", "Options", "-------", ""]
        for name, default in options.items():
            lines += [f"``{name}`` ({_type_name(default)}, default ``{json.dumps(default)}``)",
                      "    TODO: what it changes.", ""]
        section = "\n".join(lines)
    options_dict = ""
    if options:
        body = "".join(f"    {_literal(name)}: {_literal(default)},\n"
                       for name, default in options.items())
        options_dict = f"\nOPTIONS: dict[str, Any] = {{\n{body}}}\n"
    fields = {
        "rule_id": rule_id,
        "axe_paragraph": AXE_MATCHES if axe else AXE_NONE,
        "axe_flag": "" if axe else "\n    axe=False,",
        "options_section": section,
        "typing_import": "\nfrom typing import Any\n" if options else "",
        "options_dict": options_dict,
        "check_args": "page: Page, options: dict[str, Any]" if options else "page: Page",
    }
    # str.format would trip over the braces of the OPTIONS dict; replace the fields one by one.
    text = MODULE
    for key, value in fields.items():
        text = text.replace("{" + key + "}", value)
    return text


def main(rule_id: str, options: dict[str, Any] | None = None, root: Path = REPO) -> list[Path]:
    """Write the scaffold under ``root``; returns the files and folders it created."""
    options = options or {}
    module = root / "src" / "a11y_audit" / "rules" / f"{rule_id.replace('-', '_')}.py"
    data = root / "rules" / rule_id
    if module.exists() or data.exists():
        raise SystemExit(f"{rule_id} exists already")
    module.write_text(render_module(rule_id, options), encoding="utf-8")
    created = [module]
    for kind in ("pass", "fail"):
        (data / kind).mkdir(parents=True)
        created.append(data / kind)
    notes = data / "notes.md"
    notes.write_text(f"# {rule_id}\n\nTODO: sources, decisions, limits.\n", encoding="utf-8")
    created.append(notes)
    if options:
        page = data / "fail" / "with-options.html"
        page.write_text(FIXTURE.replace("{name}", "with-options"), encoding="utf-8")
        values = page.with_name("with-options.options.json")
        values.write_text(json.dumps(options, indent=2) + "\n", encoding="utf-8")
        created += [page, values]
    return created


def cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rule_id", metavar="RULE-ID")
    parser.add_argument("--option", action="append", type=parse_option, default=[],
                        metavar="NAME=DEFAULT", help="a rule option and its default (repeatable)")
    args = parser.parse_args(argv)
    if not _NAME.match(args.rule_id):
        parser.error(f"{args.rule_id!r}: a rule id is lower-case words joined by dashes")
    names = [name for name, _ in args.option]
    if len(names) != len(set(names)):
        parser.error("an option is given twice")
    for path in main(args.rule_id, dict(args.option)):
        print(f"created {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")


if __name__ == "__main__":
    cli()
