"""HTML report: one self-contained, autoescaped page that QA can open offline.

The page is built from the JSON report's data (:func:`report_data`) and a view model computed
here in linear time: template problems and article problems (:mod:`.grouping`), counts by rule
and by page, the worst pages. :func:`write` streams it: the view model keeps counts and template
groups, and each page's article findings are read back from the page spool only while its
section is written, so memory does not grow with the findings of a run.

Everything from the audited pages (messages, snippets, titles, paths, URLs) is untrusted: Jinja
escapes it (the markup repeated once per finding is built in Python, :func:`findings`, with the
same escaping and bidi isolation), links keep only http(s) URLs, and a Content Security Policy
allows only this report's own inline style and script (by hash), so even a snippet that escaped
escaping could not run. The script only filters what is already on the page; with JavaScript
off every finding is shown.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import io
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache, lru_cache
from importlib.resources import files
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from a11y_audit.config import HTML_MAX_PAGES
from a11y_audit.finding import Report
from a11y_audit.knowledge import wcag
from a11y_audit.policy import Policy
from a11y_audit.safe_text import has_bidi_controls
from a11y_audit.spool import Spool
from a11y_audit.writers import grouping
from a11y_audit.writers.report_data import page_data, reading_label, report_data, summary

if TYPE_CHECKING:
    from jinja2 import Environment

NAME = "html"
SUFFIX = ".html"

IMPACTS = ("critical", "serious", "moderate", "minor")
IMPACT_INDEX = {impact: index for index, impact in enumerate(IMPACTS)}
KINDS = (*IMPACTS, "review")          # the badges: impacts of failures, and cantTell
# Open every collapsible section when the report is this small; big reports start collapsed.
OPEN_ALL_UP_TO = 150
# From this many findings, the browser may skip rendering off-screen sections (CSS
# content-visibility): a 5,000-page report loads in half the time and filters faster.
BIG = 2000
TEMPLATES = "writers/templates"
WORST = 10                            # pages in the overview's worst-pages table
# Article findings are written for the first this many pages that have some (``--html-max-pages``;
# 0 or None: all): at ~75 KB of HTML a page, a 50,000-page run would write gigabytes no browser
# opens. Counts, template problems, rules and the pages table still cover every page.
MAX_PAGES = HTML_MAX_PAGES             # (the configuration's default)
# Each rule and each template problem lists the first this many pages it is on (in report
# order) and counts the rest: the JSON report lists them all. Lists of every page made up 60%
# of a 2,000-page report, and a template problem on every page of an archive would list a
# million; nobody reads past the first hundred.
LISTED_PAGES = 100
WRITE_PIECES = 256                    # rendered pieces joined into one write


def safe_url(url: str | None) -> str:
    """``url`` if it is an absolute http(s) URL, else "" (no javascript:, data: or file:)."""
    if not url:
        return ""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return ""
    return url.strip() if scheme in ("http", "https") else ""


def criterion(number: str) -> dict[str, str]:
    """A WCAG criterion for display: number, title, level and Understanding URL (if known)."""
    if number in wcag.CRITERIA:
        return {"number": number, "title": wcag.title(number), "level": wcag.level(number),
                "url": wcag.url(number)}
    return {"number": number, "title": "", "level": "", "url": ""}


def when(iso: str) -> str:
    """``2024-03-05T14:07:09+00:00`` as ``2024-03-05 14:07 UTC`` (unchanged if unparsable)."""
    try:
        moment = datetime.fromisoformat(iso).astimezone(UTC)
    except (TypeError, ValueError):
        return iso
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def label(finding: grouping.Data) -> str:
    """The badge a finding gets: its impact when failed, "review" when cantTell."""
    return finding["impact"] if finding["outcome"] == "failed" else "review"


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


@dataclass(frozen=True, slots=True)
class Asset:
    text: Markup
    hash: str


@cache
def asset(name: str) -> Asset:
    """An inline asset (CSS or JS) and its CSP hash; read once, never templated."""
    text = (files("a11y_audit") / TEMPLATES / name).read_text(encoding="utf-8")
    return Asset(Markup(text), _sha256(text))


def isolate_bidi(value: Any) -> Any:
    """Text holding bidi controls (a title with U+202E...) is put in ``<bdi>``, escaped: its
    reordering stays inside it instead of reversing the report text after it. Addresses are
    left alone (they only go in attributes)."""
    if isinstance(value, str) and not isinstance(value, Markup) and has_bidi_controls(value) \
            and "://" not in value:
        return Markup("<bdi>{}</bdi>").format(value)
    return value


def _escape(text: str) -> str:
    """``markupsafe.escape`` of a plain str, as a str: the same five replacements in the same
    order (markupsafe's own pure-Python version), without building a Markup per field."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;") \
        .replace("'", "&#39;").replace('"', "&#34;")


def _out(value: Any) -> str:
    """``{{ value }}`` as the environment prints it (bidi isolated, then escaped), for the
    markup built in Python below."""
    if value.__class__ is str:
        if has_bidi_controls(value) and "://" not in value:
            return Markup("<bdi>{}</bdi>").format(value)
        return _escape(value)
    return escape(isolate_bidi(value))


def _out_plain(value: Any) -> str:
    """:func:`_out` for text known to hold no bidi control: a str is only escaped, an int (a
    line or column) only made text, as escaping leaves its digits alone."""
    cls = value.__class__
    if cls is str:
        return _escape(value)
    return str(value) if cls is int else _out(value)


Out = Callable[[Any], str]


def _reader(item: Any) -> Callable[[str, Any], Any]:
    """``get(key, "")`` reads ``item.key`` as a template does: a finding dict's key (no key read
    here is the name of a dict method), or the environment's attribute lookup. A missing key
    is undefined: false, and printed as nothing."""
    if item.__class__ is dict:
        return item.get
    lookup = environment().getattr

    def get(key: str, default: Any = "") -> Any:
        return lookup(item, key)
    return get


def _line_and_column(out: Out, get: Callable[[str, Any], Any]) -> str:
    """"12" or "12, column 7" for a finding or related element with a line; "" without."""
    line = get("line", "")
    if not line:
        return ""
    column = get("column", "")
    return f"{out(line)}, column {out(column)}" if column else out(line)


def _related(related: Iterable[Any], out: Out) -> str:
    parts = ['<p class="rel">Also involved:</p><ul class="rel">']
    for r in related:
        get = _reader(r)
        parts += ('<li><span class="c">', out(get("selector", "")), "</span>")
        where = _line_and_column(out, get)
        if where:
            parts += (" (line ", where, ")")
        parts += ("<pre>", out(get("snippet", "")), "</pre></li>")
    parts.append("</ul>")
    return "".join(parts)


def location(f: Any, path: Any = "", example: Any = None) -> Markup:
    """Where a finding is: extra rows first (template path, example page), then line, selector,
    XPath; then the escaped snippet and the other elements involved. Built here, not in a
    macro, as it repeats once per finding (a macro call costs ten times the markup it makes);
    tests/writers/test_html_markup.py holds the macro it replaces and compares the two."""
    return Markup(_isolated(_location, f, path, example))


def _location(out: Out, f: Any, path: Any = "", example: Any = None) -> str:
    parts = ['<dl class="loc">']
    if path:
        parts += ('<dt>Template path</dt><dd class="c">', out(path), "</dd>")
    if example:
        lookup = environment().getattr
        parts += ('<dt>Example</dt><dd><a href="#pr-', out(lookup(example, "index")), '">',
                  out(lookup(example, "name")), "</a></dd>")
    get = _reader(f)
    where = _line_and_column(out, get)
    if where:
        parts += ("<dt>Line</dt><dd>", where, "</dd>")
    parts += ('<dt>Selector</dt><dd class="c">', out(get("selector", "")),
              '</dd><dt>XPath</dt><dd class="c">', out(get("xpath", "")),
              "</dd></dl>\n<pre>", out(get("snippet", "")), "</pre>")
    related = get("related", "")
    if related:
        parts.append(_related(related, out))
    return "".join(parts)


def finding(f: Any) -> Markup:
    """One article finding; its rule, help and WCAG criteria are on the rule group around it.
    Filterable units are <div role="listitem">, not <li>: Chromium renumbers list items on every
    show/hide, which made filtering thousands of them take seconds per keystroke. Built in
    Python for the reason :func:`location` is."""
    return Markup(_isolated(_finding, f))


def findings(found: Iterable[Any]) -> Markup:
    """The markup of a rule group's findings, one after the other: one call from the template
    for the group, not one a finding."""
    return Markup("".join([_isolated(_finding, f) for f in found]))


def _finding(out: Out, f: Any) -> str:
    kind = label(f)
    kind_text = out(kind)
    get = _reader(f)
    baseline = get("baseline", "")
    level = get("level", "")
    parts = ['<div class="f" role="listitem" data-i="', kind_text, '"']
    if baseline:
        parts += (' data-b="', out(baseline), '"')
    parts += ('><p class="msg"><span class="b ', kind_text, '">',
              "to review" if kind == "review" else kind_text, "</span>")
    if level == "error":
        parts.append(' <span class="b lv-error">gates</span>')
    elif level == "warning":
        parts.append(' <span class="b lv-warning">below gate</span>')
    if baseline:
        text = out(baseline)
        parts += (' <span class="b bl-', text, '">', text, "</span>")
    parts += (" ", out(get("message", "")), "</p>\n", _location(out, f), "</div>\n")
    return "".join(parts)


def help_line(id: Any, help: Any, url: Any, numbers: Any) -> Markup:
    """The ``help_line`` macro's markup, made once for each rule's help: a report repeats it
    for every page's group of that rule's findings. Arguments other than strings (and lists of
    them) go to the macro every time, so that the cache cannot join two values that are equal
    but print differently (1 and True)."""
    if id.__class__ is help.__class__ is url.__class__ is str \
            and numbers.__class__ in (list, tuple) and all(n.__class__ is str for n in numbers):
        return _help_line(id, help, url, tuple(numbers), numbers.__class__ is list)
    return _macros().help_line(id, help, url, numbers)


@lru_cache(maxsize=512)
def _help_line(id: str, help: str, url: str, numbers: tuple[str, ...], listed: bool) -> Markup:
    return _macros().help_line(id, help, url, list(numbers) if listed else numbers)


def _macros() -> Any:
    """The macros module, as the templates import it (without context, so cached)."""
    return environment().get_template("_macros.html.j2").module


def _isolated(build: Callable[..., str], *args: Any) -> str:
    """``build(out, *args)`` with every field printed as the environment prints it. Built first
    with fields only escaped, and again with :func:`_out` only if the result holds a bidi
    control: escaping keeps every character it does not replace, and the markup around the
    fields has none, so a result without one had no field to isolate (one search a finding,
    not one a field)."""
    text = build(_out_plain, *args)
    return build(_out, *args) if has_bidi_controls(text) else text


@cache
def environment() -> Environment:
    # Jinja loads with the first HTML report, not with every run: a CI run writing SARIF or
    # JUnit alone does not need it (its import was 7.6% of such a one-page run)
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("a11y_audit", TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=isolate_bidi,
    )
    env.filters["safe_url"] = safe_url
    env.filters["when"] = when
    env.filters["plural"] = lambda n, word, many=None: (
        f"{n:,} {word}" if n == 1 else f"{n:,} {many or word + 's'}")
    env.globals.update(criterion=criterion, label=label, finding=finding, findings=findings,
                       location=location, help_line=help_line,
                       IMPACTS=IMPACTS, KINDS=KINDS)
    return env


@dataclass(slots=True)
class RuleView:
    id: str
    description: str
    impact: str
    wcag: list[str]
    help: str
    help_url: str
    failed: int = 0
    cant_tell: int = 0
    template: int = 0                  # template groups of this rule
    # page index -> findings, for its first LISTED_PAGES pages; and how many pages in all
    pages: grouping.PageCounts = field(
        default_factory=lambda: grouping.PageCounts(LISTED_PAGES))

    @property
    def total(self) -> int:
        return self.failed + self.cant_tell


@dataclass(frozen=True, slots=True)
class TemplateView:
    group: grouping.TemplateGroup
    rule: RuleView
    example_page: int
    baseline: str | None               # "new" if any occurrence is new, else "known" or None
    level: str = ""                    # the loudest policy level of its findings

    @property
    def label(self) -> str:
        return self.group.impact if self.group.outcome == "failed" else "review"

    @property
    def pages(self) -> Iterable[tuple[int, int]]:
        """(page index, occurrences on it) of the group's first pages, in report order: the
        group's own counts, not a copy."""
        return self.group.counts.items()


def _template_view(group: grouping.TemplateGroup, rule: RuleView) -> TemplateView:
    statuses = group.statuses
    baseline = "new" if "new" in statuses else ("known" if "known" in statuses else None)
    level = next((lv for lv in ("error", "warning") if lv in group.levels), "")
    return TemplateView(group, rule, group.example_page, baseline, level)


@dataclass(slots=True)
class PageView:
    index: int
    name: str                          # the source, relative to the common root once known
    title: str
    url: str
    suppressed: int
    errors: tuple[str, ...]
    impacts: list[int] = field(default_factory=lambda: [0] * len(IMPACTS))  # failed, by impact
    cant_tell: int = 0
    shown: int = 0                     # failed and cantTell findings
    score: int = 0                     # failures weighted by impact (worst pages)
    reading: str = ""                  # how a local file was read (a partial, a template)
    # not kept on disk (PageTable): known after the first pass, or only while the page's
    # article section is written (its article findings by rule, and the template groups it is
    # on, (number, rule, occurrences on the page) by number)
    template: int = 0                  # findings that belong to template groups
    section: bool = False              # its article findings are written (MAX_PAGES)
    article: list[tuple[str, list[grouping.Data]]] = field(default_factory=list)
    templates: list[tuple[int, str, int]] = field(default_factory=list)

    def row(self) -> tuple[Any, ...]:
        """The fields above the comment, in order (``PageView(*row)`` makes the view again), as
        a plain tuple: pickle reads that back in C, where a dataclass (or a Counter) costs
        Python calls a row."""
        return (self.index, self.name, self.title, self.url, self.suppressed, self.errors,
                self.impacts, self.cant_tell, self.shown, self.score, self.reading)

    @property
    def by_impact(self) -> dict[str, int]:
        return dict(zip(IMPACTS, self.impacts, strict=True))

    @property
    def failed(self) -> int:
        return sum(self.impacts)

    @property
    def article_count(self) -> int:
        return self.shown - self.template

    @property
    def article_kinds(self) -> list[tuple[str, int]]:
        """Article findings by badge (impact, or review), worst first."""
        counts = Counter(label(f) for _, found in self.article for f in found)
        return [(kind, counts[kind]) for kind in KINDS if counts[kind]]


class PageTable:
    """Every page's row (:class:`PageView`), kept on disk (:class:`~a11y_audit.spool.Spool`)
    from the first pass over the pages: the rows of a million-page run are not held in memory,
    only their offsets and each page's count of template findings. Indexing and iterating give
    finished rows: the name relative to the pages' common root, the template count from the
    grouping (both known only after the first pass, :meth:`finish`)."""

    CACHED = 4096       # rows read by index (the lists name pages) kept for reuse

    def __init__(self) -> None:
        self._rows: Spool[tuple[Any, ...]] = Spool()
        self._cache: dict[int, PageView] = {}
        self._on: Sequence[int] = ()
        self.root = ""
        self._low = self._high = ""        # the least and greatest source, for the root
        self._url = False
        self._shown = array("l")           # each page's shown findings
        # the last page whose article findings are written, and the pages with article
        # findings after it and their findings (known after :meth:`finish`)
        self.last_section = -1
        self.left = self.left_findings = 0

    def add(self, view: PageView) -> None:
        source = view.name
        if not self._rows:
            self._low = self._high = source
        elif source < self._low:
            self._low = source
        elif source > self._high:
            self._high = source
        self._url = self._url or "://" in source
        self._rows.append(view.row())
        self._shown.append(view.shown)

    def finish(self, split: grouping.Grouping, max_pages: int | None = MAX_PAGES) -> None:
        """The common root and each page's template count, known now; and which pages get an
        article section: the first ``max_pages`` with article findings (all without it)."""
        self._on = on = split.on
        sections = 0
        for index, shown in enumerate(self._shown):
            own = shown - (on[index] if index < len(on) else 0)
            if not own:
                continue
            if not max_pages or sections < max_pages:
                sections += 1
                self.last_section = index
            else:
                self.left += 1
                self.left_findings += own
        # grouping.common_root over every source reads only the least and greatest of them
        if len(self._rows) > 1 and not self._url:
            self.root = grouping.common_root((self._low, self._high))

    def _ready(self, row: tuple[Any, ...]) -> PageView:
        view = PageView(*row)
        view.name = view.name.removeprefix(self.root)
        on = self._on
        view.template = on[view.index] if view.index < len(on) else 0
        view.section = view.index <= self.last_section and view.shown > view.template
        return view

    def __len__(self) -> int:
        return len(self._rows)

    def __bool__(self) -> bool:
        return bool(self._rows)

    def __getitem__(self, index: int) -> PageView:
        view = self._cache.get(index)
        if view is None:
            if len(self._cache) >= self.CACHED:
                self._cache.clear()
            view = self._cache[index] = self._ready(self._rows[index])
        return view

    def __iter__(self) -> Iterator[PageView]:
        for row in self._rows:
            yield self._ready(row)

    def rows(self, indexes: Sequence[int]) -> Rows:
        """The rows of ``indexes``, read when iterated."""
        return Rows(self, indexes)

    def close(self) -> None:
        self._cache.clear()
        self._rows.close()


@dataclass(frozen=True, slots=True)
class Rows:
    table: PageTable
    indexes: Sequence[int]

    def __bool__(self) -> bool:
        return bool(self.indexes)

    def __len__(self) -> int:
        return len(self.indexes)

    def __iter__(self) -> Iterator[PageView]:
        return (self.table[index] for index in self.indexes)


def _by_rule(findings: list[grouping.Data]) -> list[tuple[str, list[grouping.Data]]]:
    """A page's article findings by rule: rules with failures first, worst impact first."""
    groups: dict[str, list[grouping.Data]] = {}
    for f in findings:
        groups.setdefault(f["rule"], []).append(f)
    rank = grouping.IMPACT_RANK
    return sorted(groups.items(), key=lambda kv: (
        all(f["outcome"] != "failed" for f in kv[1]),
        -max(rank[f["impact"]] for f in kv[1]), kv[0]))


PageSource = Callable[[], Iterable[dict[str, Any]]]


class ArticlePages:
    """The pages with article problems, each with its findings by rule and the template groups
    it is on, read again from the page source one page at a time while the article section is
    written (so neither the report's findings nor a list of groups for every page is ever all
    in memory)."""

    def __init__(self, pages: PageSource, views: PageTable, split: grouping.Grouping,
                 count: int) -> None:
        self._pages, self._views, self._split, self._count = pages, views, split, count
        # pages with article findings not written (MAX_PAGES), and their findings
        self.left, self.left_findings = views.left, views.left_findings

    def __bool__(self) -> bool:
        return self._count > 0

    def __iter__(self) -> Iterator[PageView]:
        groups = self._split.template
        last = self._views.last_section
        for view, page in zip(self._views, self._pages(), strict=True):
            if view.index > last:
                break                   # the pages after the last section are not read
            if view.section:
                article, on = self._split.on_page(page)
                view.article = _by_rule(article)
                # (number, rule, occurrences) of each template group the page is on
                view.templates = [(index + 1, groups[index].rule, on[index])
                                  for index in sorted(on)]
                yield view


def view_model(data: dict[str, Any], min_pages: int = grouping.MIN_PAGES,
               pages: PageSource | None = None,
               max_pages: int | None = MAX_PAGES) -> dict[str, Any]:
    """Everything the template shows, in time linear in the findings. ``pages`` gives the
    report's pages afresh on each call (default: ``data["pages"]``): they are read twice, once
    for the counts and template groups, once while the article section is written. Memory
    holds counts, template groups and a few bytes a page; the pages' rows are on disk
    (``pages`` in the result, a :class:`PageTable`: close it when done). Article findings are
    written for the first ``max_pages`` pages that have some (0 or None: all)."""
    if pages is None:
        def pages() -> Iterable[dict[str, Any]]:
            return data["pages"]
    rules = {r["id"]: RuleView(r["id"], r["description"], r["impact"], r["wcag"], r["help"],
                               r["help_url"]) for r in data["rules"]}
    grouper = grouping.Grouper(min_pages, keep=LISTED_PAGES)
    table = PageTable()
    worst: list[tuple[int, int]] = []   # a heap of the worst pages: (score, -index)
    with_errors: list[int] = []
    suppressed = 0
    status: Counter = Counter()
    for index, page in enumerate(pages()):
        grouper.add(index, page)
        view = PageView(index, page["source"], page["title"] or "", safe_url(page.get("url")),
                        page.get("suppressed", 0), tuple(page["errors"]),
                        reading=reading_label(page.get("template"), page.get("fragment", False)))
        for f in grouping.shown(page["findings"]):
            rule = rules.get(f["rule"])
            if rule is None:        # a rule absent from data["rules"]: use the finding
                rule = rules[f["rule"]] = RuleView(f["rule"], "", f["impact"], f["wcag"],
                                                   f["help"], f["help_url"])
            if f["outcome"] == "failed":
                view.impacts[IMPACT_INDEX[f["impact"]]] += 1
                rule.failed += 1
                status[f.get("baseline")] += 1
            else:
                view.cant_tell += 1
                rule.cant_tell += 1
            view.shown += 1
            rule.pages.add(index)
        view.score = grouping.weighted_failures(page["findings"])
        table.add(view)
        suppressed += view.suppressed
        if view.errors:
            with_errors.append(index)
        if view.score:
            # the WORST highest scores: popping the least entry drops the lowest score and,
            # of equal scores, the latest page (the report's order breaks ties)
            heapq.heappush(worst, (view.score, -index))
            if len(worst) > WORST:
                heapq.heappop(worst)
    split = grouper.finish()
    table.finish(split, max_pages)
    for group in split.template:
        rules[group.rule].template += 1
    found = sorted((r for r in rules.values() if r.total),
                   key=lambda r: (-r.failed, -grouping.IMPACT_RANK[r.impact], r.id))
    findings_total = sum(r.total for r in found)
    article_total = findings_total - split.template_count()
    return {
        "data": data,
        "summary": data["summary"],
        "root": table.root,
        "pages": table,
        "article_pages": ArticlePages(pages, table, split, article_total),
        "templates": [_template_view(g, rules[g.rule]) for g in split.template],
        "min_pages": split.min_pages,
        "template_findings": split.template_count(),
        "article_findings": article_total,
        "rules": found,
        "quiet_rules": sorted((r for r in rules.values() if not r.total), key=lambda r: r.id),
        "worst": [(table[-minus], score) for score, minus in sorted(worst, key=_by_score)],
        "suppressed": suppressed,
        "page_errors": table.rows(with_errors),
        "baseline": _baseline(data, table.root, status) if data.get("baseline") else None,
        "open_all": findings_total <= OPEN_ALL_UP_TO,
        "big": findings_total >= BIG,
        "max_pages": max_pages,
    }


def _by_score(entry: tuple[int, int]) -> tuple[int, int]:
    score, minus = entry
    return -score, -minus


def _baseline(data: dict[str, Any], root: str, status: Counter) -> dict[str, Any]:
    fixed = [{**entry, "name": str(entry.get("source", "")).removeprefix(root)}
             for entry in data.get("fixed", [])]
    return {"file": data["baseline"], "new": status.get("new", 0),
            "known": status.get("known", 0), "fixed": fixed}


def render(report: Report, policy: Policy | None = None,
           max_pages: int | None = MAX_PAGES) -> str:
    out = io.StringIO()
    write(report, out, policy, max_pages)
    return out.getvalue()


def write(report: Report, handle: IO[str], policy: Policy | None = None,
          max_pages: int | None = MAX_PAGES) -> None:
    """The report written as it is rendered: the pages are read from ``report.pages`` (a spool
    on disk in a batch) one at a time, twice, and only counts, template groups and one page's
    findings are held in memory. Article findings are written for the first ``max_pages``
    pages that have some (0 or None: all)."""
    policy = policy or report.policy
    data = report_data(replace(report, pages=[]), policy)
    data["summary"] = summary(report, policy)

    def pages() -> Iterator[dict[str, Any]]:
        return (page_data(page, policy, rules=False) for page in report.pages)

    # Jinja yields tens of thousands of small pieces: write them a few hundred at a time.
    pieces: list[str] = []
    for chunk in generate(data, pages=pages, max_pages=max_pages):
        pieces.append(chunk)
        if len(pieces) >= WRITE_PIECES:
            handle.write("".join(pieces))
            pieces.clear()
    handle.write("".join(pieces))


def render_data(data: dict[str, Any], min_pages: int = grouping.MIN_PAGES,
                max_pages: int | None = MAX_PAGES) -> str:
    """The HTML report for report data (the JSON report's shape)."""
    return "".join(generate(data, min_pages, max_pages=max_pages))


def generate(data: dict[str, Any], min_pages: int = grouping.MIN_PAGES,
             pages: PageSource | None = None,
             max_pages: int | None = MAX_PAGES) -> Iterator[str]:
    """The HTML report in pieces, as Jinja renders them."""
    css, js = asset("report.css"), asset("report.js")
    csp = (f"default-src 'none'; style-src '{css.hash}'; script-src '{js.hash}'; "
           "img-src 'none'; base-uri 'none'; form-action 'none'")
    model = view_model(data, min_pages, pages, max_pages)
    try:
        yield from environment().get_template("report.html.j2").generate(
            **model, css=css.text, js=js.text, csp=csp)
    finally:
        model["pages"].close()
