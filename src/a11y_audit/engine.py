"""Run rules over pages: the one place where results become located findings."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from time import monotonic
from typing import Any

from a11y_audit import dom, source_map, sources
from a11y_audit.checks.holes import branch_between, holds_component, holds_hole, hole_among_children
from a11y_audit.checks.landmarks import placed_by_layout
from a11y_audit.finding import Finding, PageReport, Related, RuleSummary
from a11y_audit.fingerprint import (
    PAGE_LEVEL,
    content_key,
    element_part,
    fingerprint,
    hashed,
)
from a11y_audit.limits import (
    DEFAULT_LIMITS,
    AuditLimits,
    Budget,
    TimeLimit,
    alarm_scope,
)
from a11y_audit.markdown import FAMILIES as MARKDOWN
from a11y_audit.outcome import Outcome
from a11y_audit.page import Page
from a11y_audit.registry import LoadedRule, all_rules, get
from a11y_audit.scope import Scope
from a11y_audit.semantics.stylesheets import hidden_by_class
from a11y_audit.templates import (
    EXPRESSION,
    attribute_as_written,
    is_component,
    is_dynamic_name,
    is_tag_helper,
)


def audit_page(
    page: Page,
    rules: Sequence[LoadedRule] | None = None,
    *,
    options: dict[str, dict[str, Any]] | None = None,
    include_passed: bool = False,
    ignores: Sequence[Any] = (),
    limits: AuditLimits | None = None,
    scope: Scope | None = None,
) -> PageReport:
    """Run each rule once over ``page``. A crashing rule is recorded, never raised.

    ``limits`` bounds the time of each rule and of the page: a rule that runs out gets the
    outcome cantTell and a page error "time limit"; once the page's time is spent, the rules
    not yet run are cantTell too, never silently missing.

    Results on elements inside ``data-a11y-ignore="rule-id ..."`` (or matched by a configured
    ``ignores`` entry with ``rule`` and ``xpath``) are suppressed: left out of the outcome and
    counted in ``PageReport.suppressed``.

    ``scope`` (:mod:`a11y_audit.scope`, ``--include``/``--exclude``) keeps only the results on
    elements it includes; the others are out of scope (dropped, not counted). An include that
    matches nothing on the page is a page error and no rule runs.
    """
    started = time.perf_counter()
    rules = all_rules() if rules is None else rules
    report = PageReport(source=page.source, title=page.title,
                        url=page.url or page.canonical_url, template=page.template,
                        fragment=page.fragment)
    marks = suppression_marks(page, ignores)
    in_scope = scope.on(page) if scope else None
    if in_scope is not None and in_scope.unmatched:
        report.errors.append(f"{scope.describe(include_only=True)} "  # type: ignore[union-attr]
                             "matches no element on this page: nothing audited")
        rules = ()
    limits = limits or DEFAULT_LIMITS
    budget = Budget(limits.page_seconds)
    rule_seconds = limits.rule_seconds
    skipped: list[str] = []
    plain = in_scope is None and not marks and not include_passed
    fragment = page.fragment
    unknowns = page.template is not None or fragment
    options = options or {}
    # One signal handler for all the rules' time limits, and (on the main thread) one limit
    # entry that each rule's limit re-aims: a rule's limit costs two short calls.
    end = budget.end
    with alarm_scope() as alarms:
        for loaded in rules:
            rule_id = loaded.rule.id    # (LoadedRule.id is a property: read once)
            summary = report.rules[rule_id] = RuleSummary(rule_id)
            if fragment and loaded.rule.document_level:
                continue        # a partial's document is the layout's: inapplicable here
            left = None if end is None else end - monotonic()   # the page's time left
            if left is not None and left <= 0:
                skipped.append(rule_id)
                summary.outcome = Outcome.CANT_TELL
                continue
            # min(rule_seconds or left, left), without min()'s call and argument parsing
            # (~800 instructions, 114 times a page)
            seconds = rule_seconds if left is None else rule_seconds or left
            if left is not None and left < seconds:  # type: ignore[operator]  # (left or a limit)
                seconds = left
            limit = alarms.limit(seconds)
            try:
                with limit:
                    # a rule without options of its own is its check (LoadedRule.run's
                    # call saved: ~1,000 instructions, 114 times a page)
                    results = list(loaded.run(page, options.get(rule_id)) if loaded.options
                                   else loaded.check(page))
            except TimeLimit:
                if not limit.expired:
                    raise       # a caller's enclosing limit: not this rule's to absorb
                page_spent = left is not None and seconds == left
                report.errors.append(
                    f"rule {rule_id} stopped at the page time limit ({budget.total:g} s); "
                    "outcome cantTell" if page_spent else
                    f"rule {rule_id} stopped at its time limit ({seconds:g} s); outcome cantTell")
                summary.outcome = Outcome.CANT_TELL
                continue
            except Exception as exc:  # a rule bug must not stop the batch
                report.errors.append(f"rule {rule_id} crashed: {type(exc).__name__}: {exc}")
                summary.outcome = Outcome.CANT_TELL
                continue
            if not results:
                continue        # inapplicable: nothing to count or locate
            if plain:
                # The common case: no scope, no suppression, passed results only counted
                # (~800 a page against ~100 others), so the loop runs over the others alone.
                others = [result for result in results if result.outcome is not PASSED]
                passed = len(results) - len(others)
                for result in others:
                    outcome, message = result.outcome, result.message
                    if outcome is FAILED and not loaded.rule.hidden_content:
                        outcome, message = may_be_hidden(page, result, message)
                    if unknowns and outcome is FAILED:
                        outcome, message = template_unknown(page, result, message)
                    summary.add(outcome)
                    report.findings.append(locate(page, loaded, outcome, result.element,
                                                  message, result.related))
            else:
                passed = _filtered(report, summary, page, loaded, results, in_scope, marks,
                                   include_passed)
            if passed:
                summary.passed = passed
                if summary.outcome is Outcome.INAPPLICABLE:
                    summary.outcome = PASSED
    if skipped:
        report.errors.append(f"page time limit ({budget.total:g} s) reached; not run, outcome "
                             f"cantTell: {', '.join(skipped)}")
    report.seconds = time.perf_counter() - started
    return report


def _filtered(report: PageReport, summary: RuleSummary, page: Page, loaded: LoadedRule,
              results: list[Any], in_scope: Any, marks: dict[Any, set[str]],
              include_passed: bool) -> int:
    """:func:`audit_page`'s loop over one rule's results when a scope, a suppression or
    ``include_passed`` applies; returns how many passed."""
    passed = 0
    for result in results:
        outcome = result.outcome
        if in_scope is not None and not in_scope(result.element):
            continue
        if marks and is_suppressed(result.element, loaded.id, marks):
            if outcome is not PASSED:
                report.suppressed += 1
            continue
        message = result.message
        if outcome is PASSED:
            # The common case (~800 a page): counted, located only on request.
            passed += 1
            if not include_passed:
                continue
        else:
            if outcome is FAILED and not loaded.rule.hidden_content:
                outcome, message = may_be_hidden(page, result, message)
            if outcome is FAILED and (page.template is not None or page.fragment):
                outcome, message = template_unknown(page, result, message)
            summary.add(outcome)
        report.findings.append(locate(page, loaded, outcome, result.element,
                                      message, result.related))
    return passed


def may_be_hidden(page: Page, result: Any, message: str) -> tuple[Outcome, str]:
    """A failure's outcome and message, cantTell when a stylesheet rule the cascade cannot
    evaluate may hide its element or a related one (the duplicate, the child at fault):
    hidden, the failure may not be one (:meth:`Page.may_be_hidden`; nothing to look up on
    nearly every page); for rules that judge only what is seen (``Rule.seen_only``), also
    one that may hide it from sight. For rules that do not judge hidden content on purpose."""
    sight = result.rule.seen_only
    for el in (result.element, *result.related):
        reason = page.may_be_hidden(el, sight)
        if reason:
            return CANT_TELL, f"{reason[0].upper()}{reason[1:]}; if it is shown: {message}"
    if result.rule.copies:
        return copies_may_be_hidden(page, result, message)
    return FAILED, message


def copies_may_be_hidden(page: Page, result: Any, message: str) -> tuple[Outcome, str]:
    """A failure of a rule about copies (``Rule.copies``) and its message: cantTell unless
    two of its elements (the failure's and its related ones) are shown for sure, where a
    stylesheet that was not read may hide the others
    (:func:`a11y_audit.semantics.stylesheets.hidden_by_class`)."""
    reasons = [hidden_by_class(page, el) for el in (result.element, *result.related)]
    why = next((reason for reason in reasons if reason is not None), None)
    if why is None or reasons.count(None) >= 2:
        return FAILED, message
    return CANT_TELL, (f"{why} hides a copy on a desktop screen or until a script shows it "
                       "in common CSS frameworks, and the stylesheet that decides was not "
                       f"read; if the copies are shown: {message}")


def template_unknown(page: Page, result: Any, message: str) -> tuple[Outcome, str]:
    """A failure's outcome and message in a template file or a partial: cantTell where what
    decides it is not in the file (:mod:`a11y_audit.templates`). In a template, where an
    expression writes the element's attributes (``<img {{ attrs }}>``), or fills in the
    value of an attribute the rule judges (``Rule.template_values``: ``lang="{{ locale
    }}"``); in a partial, where the rule judges the element's ancestors
    (``Rule.needs_context``) and the element is at the top of the file (a ``<li>`` that the
    layout includes in its list). The failure stands otherwise: an ``<img>`` the template
    writes without alt fails whatever the data."""
    rule = result.rule
    if page.template is not None and rule.whole_content:
        return CANT_TELL, ("the template's blocks, includes and expressions may add what "
                           f"is missing: the rendered page decides; as written: {message}")
    names = rule.template_values
    if "branches" in names and page.template is not None:
        for other in result.related:
            if why := branch_between(page, result.element, other):
                return CANT_TELL, (f"{why}, so they may be alternatives: the rendered page "
                                   f"decides; as written: {message}")
    if "landmarks" in names and page.fragment and (
            why := _placed_by_layout(page, result.element, result.related)):
        return CANT_TELL, f"{why}; as written: {message}"
    if page.template is not None and "style" in names and page.memo(
            _STYLED_BY_EXPRESSIONS, _styled_by_expressions):
        return CANT_TELL, ("a <style> element of the template holds values its expressions "
                           f"fill in: the rendered page decides; as written: {message}")
    for el in (result.element, *result.related):
        if page.fragment and rule.needs_context and _top_of_file(el):
            return CANT_TELL, (f"<{dom.tag_of(el)}> is at the top of this partial: where the "
                               f"layout includes it decides; as written: {message}")
        if rule.needs_context and page.template is not None and any(
                is_dynamic_name(dom.tag_of(a)) for a in el.iterancestors()):
            return CANT_TELL, (f"an expression writes the name of an element around <"
                               f"{dom.tag_of(el)}> (<{{{{ tag }}}}>): the rendered page "
                               f"decides; as written: {message}")
        if names and (reference := _unknown_reference(page, names, el)) is not None:
            return CANT_TELL, f"{reference}: the rendered page decides; as written: {message}"
        if page.template is None:
            continue
        blade = page.template == "blade"
        if blade and is_component(dom.tag_of(el)):
            return CANT_TELL, (f"<{dom.tag_of(el)}> is a Blade component: its view writes its "
                               "markup and uses its attributes: the rendered page decides; as "
                               f"written: {message}")
        if "content" in names and holds_hole(el):
            return CANT_TELL, ("an include, a block or a raw expression writes content inside "
                               f"<{dom.tag_of(el)}>: the rendered page decides; as written: "
                               f"{message}")
        if "content" in names and blade and holds_component(el):
            return CANT_TELL, ("a Blade component writes content inside "
                               f"<{dom.tag_of(el)}>: the rendered page decides; as written: "
                               f"{message}")
        if "labels" in names and (ident := el.get("id")) and ident in page.duplicate_ids:
            return CANT_TELL, (f'id "{_cut(ident, 40)}" is written twice in the template '
                               "(perhaps in alternatives): which element a <label for> names "
                               f"is the rendered page's to decide; as written: {message}")
        if "children" in names and el is result.element and hole_among_children(el):
            return CANT_TELL, ("an include, a block or a raw expression writes some of the "
                               f"children of <{dom.tag_of(el)}>: the rendered page decides; as "
                               f"written: {message}")
        if "table" in names and (table := next(el.iterancestors("table"), None)) is not None \
                and holds_hole(table):
            return CANT_TELL, ("an include, a block or a raw expression writes content inside "
                               f"the <table> of <{dom.tag_of(el)}>: the rendered page decides; "
                               f"as written: {message}")
        attributes = el.items()
        for at, (name, value) in enumerate(attributes):
            if name.startswith(EXPRESSION):
                written = " ".join(_expression_names(attributes[at:]))
                return CANT_TELL, (f"an expression writes attributes of <{dom.tag_of(el)}> "
                                   f"({_cut(written, 40)}): the rendered page decides; "
                                   f"as written: {message}")
            if EXPRESSION in value and names and (
                    name in names or (name.startswith("aria-") and "aria-*" in names)):
                return CANT_TELL, (f'{name}="{_cut(value, 60)}" is filled in when '
                                   "the template renders: the rendered page decides; as "
                                   f"written: {message}")
    return FAILED, message


# The references whose target another file may hold (Rule.template_values names them)
_REFERENCES = ("aria-labelledby", "aria-describedby")
_HOLES = object()                       # Page.memo key


def _unknown_reference(page: Page, names: tuple[str, ...], el: Any) -> str | None:
    """Why what the element's ``aria-labelledby`` or ``aria-describedby`` refers to is not
    known (None: it is): an id the file does not hold, in a partial or a template with holes
    (the layout or an include may hold it: Shopify's themes keep their "opens in a new
    window" text in the layout); or a target whose text an expression fills in."""
    for attribute in _REFERENCES:
        value = el.get(attribute) if attribute in names else None
        if not value or EXPRESSION in value:
            continue        # (a value an expression fills in: template_values' own test)
        for ref in dom.id_refs(value):
            target = page.ids.get(ref)
            if target is None:
                if page.fragment or (page.template is not None and page.memo(
                        _HOLES, _holds_holes)):
                    return (f'{attribute} refers to id "{_cut(ref, 40)}", which this file '
                            "does not hold (the layout or an include may)")
            elif page.template is not None and any(
                    EXPRESSION in text for text in target.itertext()):
                return (f'the text of #{_cut(ref, 40)}, which {attribute} refers to, is filled '
                        "in when the template renders")
    return None


def _holds_holes(page: Page) -> bool:
    return holds_hole(page.root)


_STYLED_BY_EXPRESSIONS = object()       # Page.memo key


def _styled_by_expressions(page: Page) -> bool:
    """Whether a ``<style>`` element of a template holds an expression (``color: {{
    theme.accent }}``): the cascade drops the declaration, and the colours it reads are not
    the rendered page's. (``template_values`` with ``style``: the attribute, and these.)"""
    return any(EXPRESSION in (el.text or "") for el in page.tags("style"))


def _expression_names(attributes: list[Any]) -> Iterator[str]:
    """The attribute names the parser made of an expression written among a start tag's
    attributes (``{{ attrs }}``: ``{{``, ``attrs``, ``}}``; the tag helpers among them,
    ``asp-action``)."""
    if is_tag_helper(attributes[0][0]):
        yield from (attribute_as_written(name) for name, _ in attributes
                    if is_tag_helper(name))
        return
    for name, _ in attributes:
        yield name
        if name.endswith("}}"):
            return


def _cut(text: str, limit: int) -> str:
    text = dom.normalize_space(text)
    return f"{text[:limit - 1]}…" if len(text) > limit else text


def _placed_by_layout(page: Page, el: Any, related: Sequence[Any]) -> str | None:
    """Why a landmark failure on a partial may be none on the page (:func:`a11y_audit.
    checks.landmarks.placed_by_layout`), or None: the element may be no landmark, or every
    related one (the duplicates, the landmark around it) may be none, so fewer than two
    landmarks of the failure are sure."""
    why = placed_by_layout(page, el)
    if why is None and related:
        reasons = [placed_by_layout(page, other) for other in related]
        if all(reasons):
            why = reasons[0]
    return why


def _top_of_file(el: Any) -> bool:
    """Whether the element's parent is the ``<body>`` (or ``<head>``) the parser made up
    around a partial's content."""
    parent = el.getparent()
    return parent is None or dom.tag_of(parent) in ("body", "head", "html")


PASSED = Outcome.PASSED
FAILED = Outcome.FAILED
CANT_TELL = Outcome.CANT_TELL
IGNORE_ATTRIBUTE = "data-a11y-ignore"
_ALL = frozenset(("*", "all"))


def suppression_marks(page: Page, ignores: Sequence[Any] = ()) -> dict[Any, set[str]]:
    """Element -> rule ids suppressed on it and its subtree (``*``/``all``: every rule)."""
    marks: dict[Any, set[str]] = {}
    el: Any     # an element; a configured XPath's answer may be any node
    for el in page.select(f"*[{IGNORE_ATTRIBUTE}]"):
        marks.setdefault(el, set()).update((el.get(IGNORE_ATTRIBUTE) or "").split())
    for ignore in ignores:
        for el in page.root.xpath(ignore.xpath):  # type: ignore[union-attr]  # (a node list)
            marks.setdefault(el, set()).add(ignore.rule)
    return marks


def is_suppressed(element: Any, rule_id: str, marks: dict[Any, set[str]]) -> bool:
    node = element
    while node is not None:
        ids = marks.get(node)
        if ids and (rule_id in ids or not _ALL.isdisjoint(ids)):
            return True
        node = node.getparent()
    return False


def locate(page: Page, loaded: LoadedRule, outcome: Outcome, element: Any,
           message: str, related: Sequence[Any] = ()) -> Finding:
    """The finding of one rule result: where its element is, its snippet, its identity.
    Each element is located once per page: several rules' findings, and the related
    elements of others, often name the same element."""
    rule = loaded.rule
    located: dict[Any, tuple[Related, str, Any]] = page.memo(_LOCATED, _new_memo)
    entry = located.get(element)
    if entry is None or entry[2] is _LATER:
        entry = _locate(page, element, located, entry)
    place, path, part = entry
    text = place.snippet
    if related:
        inside = next((el for el in related if dom.inside(el, element)), None)
        if inside is not None:
            shown = source_map.snippet(page.location(element), page.location(inside))
            text = shown if shown is not None else page.as_written(dom.snippet(element))
    # Positional, in Finding's field order (see its docstring).
    return Finding(
        rule.id, outcome, rule.impact,  # type: ignore[arg-type]
        page.as_written(message) if message else rule.help,
        place.selector, place.xpath, place.line, text, rule.wcag, rule.help, rule.help_url,
        path,
        (hashed(rule.id, part) if part is not None
         else fingerprint(rule.id, element, path, message, related)),
        None, place.column,
        tuple(_place(page, el, located) for el in dict.fromkeys(related) if el is not element)
        if related else (),
    )


def _locate(page: Page, el: Any, located: dict[Any, tuple[Related, str, Any]],
            entry: tuple[Related, str, Any] | None) -> tuple[Related, str, Any]:
    """The element's place (selector, XPath, line, column, snippet), template path and what
    its findings' fingerprints hash after the rule id
    (:func:`a11y_audit.fingerprint.element_part`; None on page-level elements, whose
    fingerprint depends on the finding). ``entry``: its place, when it was located as a
    related element."""
    if entry is None:
        place, path = _where(page, el)
    else:
        place, path = entry[0], entry[1]
    found = located[el] = (place, path, None if dom.tag_of(el) in PAGE_LEVEL
                           else element_part(path, content_key(el)))
    return found


def _place(page: Page, el: Any, located: dict[Any, tuple[Related, str, Any]]) -> Related:
    """Where a related element is; its identity is left for when a finding names it."""
    entry = located.get(el)
    if entry is None:
        place, path = _where(page, el)
        located[el] = (place, path, _LATER)
        return place
    return entry[0]


def _where(page: Page, el: Any) -> tuple[Related, str]:
    """The element's place and template path. (A Markdown story's column is not given: its
    line is the file's, but the element is the HTML it renders: :mod:`a11y_audit.markdown`.)"""
    selector, xpath, path = page.selectors.paths(el)
    where = page.location(el)
    text = where.source
    line = where.line
    if line is not None:
        line += page.first_line - 1      # the file's line (a WordPress export's post's)
    return _new_related((selector, xpath, line,
                         None if page.template in MARKDOWN else where.column,
                         source_map.cut(text) if text is not None
                         else page.as_written(dom.snippet(el)))), path


_LOCATED = "engine.located"
# A Related made from a tuple in C: the named tuple's own ``__new__`` is Python code, one more
# frame for every located element.
_new_related = partial(tuple.__new__, Related)
_LATER = object()     # an entry's identity, not computed yet (a related element's)


def _new_memo(page: Page) -> dict[Any, Any]:
    return {}


def audit_html(
    markup: str | bytes,
    source: str = "<string>",
    rules: Iterable[LoadedRule | str] | None = None,
    **kwargs: Any,
) -> PageReport:
    """Audit one HTML document: the library entry point.

    ``rules`` are rule ids (``"image-alt"``, case-insensitive) or loaded rules. Input the CLI
    would refuse is refused the same way, with :class:`a11y_audit.sources.SourceError` (its
    message names ``source``): empty text, and for bytes also binary data and text without
    markup. Bytes are decoded as the CLI decodes files (BOM, ``<meta charset>``, detection)."""
    utf8 = None
    if isinstance(markup, bytes | bytearray):
        markup, _, utf8 = sources.decode_exact(bytes(markup), source)
    elif not markup.strip():
        raise sources.SourceError(source, "file is empty")
    chosen = None if rules is None else tuple(
        get(r) if isinstance(r, str) else r for r in rules)
    page = Page.from_html(markup, source, utf8=utf8)
    try:
        return audit_page(page, chosen, **kwargs)
    finally:
        page.close()    # never handed out: freed by reference counting (see Page.close)
