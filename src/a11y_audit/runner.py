"""Audit a batch of sources: enumerate, read, parse, run the rules; in this process or in a pool.

:func:`iter_audit` yields one result per input (a :class:`PageReport`, or an
:class:`InputError` for an input that could not be read or parsed) as pages finish, in a
deterministic order: enumeration errors first, then every page sorted by source, whatever the
number of workers. Only small :class:`~a11y_audit.inputs.Input` items travel to the workers;
each worker reads, parses and audits its pages and sends back the page report, so no process
holds the documents of a run. :func:`audit_sources` collects the results in one
:class:`Report` (the library entry point).

Each input has one error boundary (:func:`audit_input`): whatever goes wrong while reading,
fetching, decoding, parsing or auditing it becomes an :class:`InputError` naming it and the
cause, and the batch goes on. Expected trouble (a bad file, a hostile server, a page past a
limit, memory or recursion exhausted) is an input error: exit 2. Anything else is a bug in
a11y-audit: it is recorded with :data:`~a11y_audit.errors.INTERNAL` at the start of its message
(exit 3), its traceback, naming the source, goes to stderr, and the other inputs are still
audited.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import heapq
import multiprocessing
import operator
import os
import pickle
import re
import signal
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from a11y_audit import credentials, inputs, markdown, sources
from a11y_audit import fetch as fetching
from a11y_audit.engine import audit_page
from a11y_audit.errors import INTERNAL
from a11y_audit.fetch import FetchLimits
from a11y_audit.finding import InputError, PageReport, Report
from a11y_audit.limits import DEFAULT_LIMITS, AuditLimits, TimeLimit
from a11y_audit.outcome import Impact
from a11y_audit.page import Page
from a11y_audit.policy import Policy
from a11y_audit.registry import LoadedRule, all_rules, get
from a11y_audit.safe_text import one_line
from a11y_audit.scope import Scope
from a11y_audit.semantics.cascade import MAX_STYLESHEET_BYTES, StyleEnvironment
from a11y_audit.semantics.css import DEFAULT_VIEWPORT, Viewport
from a11y_audit.spool import SortedSpool
from a11y_audit.tally import PageFigures
from a11y_audit.templates import (
    LANGUAGES,
    PARTIAL_LEVELS,
    WRITES_DOCTYPE,
    Template,
    detect,
    family_of_name,
    is_fragment,
    is_nameless_icon,
    partial_paths,
    reading,
)


@dataclass(frozen=True, slots=True)
class Digest:
    """A page as its worker sends it back to a command-line run: its figures, its JSON Lines
    line, its item of the JSON report and its report pickled for the page spool, all made
    where it was audited. The
    process that writes the reports then adds counts and copies bytes, instead of unpickling
    the report, counting it, rendering its line and pickling it again for the spool: that
    process is what sets the pace when many workers (a Dask cluster) feed one command."""

    figures: PageFigures
    line: bytes | None = None      # the page's JSON Lines line, in UTF-8
    report: bytes | None = None    # the PageReport, pickled
    json: bytes | None = None      # the page's item of the JSON report, in UTF-8


Result = PageReport | InputError | Digest


class Items(Protocol):
    """What :func:`iter_audit` reads of its items: their number, then each in turn (a list, or
    the run's :class:`~a11y_audit.spool.SortedSpool`, which is no Collection: it has no ``in``)."""

    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[inputs.Input]: ...


# Pages a worker takes at a time: enough to amortise the round trip (a page takes ~20 ms to
# audit, a round trip well under 1 ms), few enough that results stream. Near the end of a
# run (or of a pool's share) chunks shrink (see _chunk_size), so the workers finish together.
CHUNK = 4
# Chunks in flight per worker: keeps workers busy without queueing a whole archive.
WINDOW = 4
# Pages a worker audits before its pool is retired and a fresh one forked from the main
# process. A long-lived worker's RSS climbs over its first few hundred pages although its
# Python objects stay flat (the allocator's and lxml's high-water marks, the stylesheet and
# selector caches filling: 89 MB after 100 corpus pages, 113 after 181, 117 and 119 after two
# and four passes; glibc's malloc_trim after each chunk gives back almost nothing), so a
# 2,000-page run would peak some 20% above a 200-page one. ~100 pages keeps a worker near its
# first-pages size; a fresh fork costs a few ms and ~13 ms of first-page warm-up (lazy
# imports, memos) against ~3 s of auditing, and the caches it refills (a worker that sees
# every other chunk of the corpus does 2.8% more Python calls than one process seeing all).
PAGES_PER_WORKER = 100


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Job:
    """What a worker needs to audit a page; picklable (rules travel as metadata and are bound
    to their code again in the worker, so impact overrides and options survive)."""

    rules: tuple[tuple[str, Any, dict[str, Any]], ...]
    options: dict[str, dict[str, Any]] | None = None
    include_passed: bool = False
    ignores: tuple[Any, ...] = ()
    max_bytes: int = sources.MAX_BYTES
    key: str = ""              # identifies the rule set, so a worker binds it once
    limits: AuditLimits = DEFAULT_LIMITS
    fetch_limits: FetchLimits = fetching.DEFAULT_LIMITS
    stylesheets: tuple[str, ...] = ()   # site CSS files for the cascade
    viewport: str | None = None         # "WIDTHxHEIGHT" for @media
    missing_stylesheets: str = "cantTell"   # or "ignore": see a11y_audit.semantics.cascade
    site_root: str | None = None        # folder for a local page's root-relative stylesheets
    site_urls: tuple[str, ...] = ()     # URLs whose stylesheets are read under site_root
    scope: Scope | None = None          # --include/--exclude selectors
    templates: str = "auto"             # a local file's template syntax (config.TEMPLATES)
    fragments: str = "auto"             # a local partial's page-level rules (config.FRAGMENTS)
    # Set for a run whose process does not mark pages against a baseline: each page comes
    # back as a Digest (its figures under this policy; with digest_line its JSON Lines line;
    # with digest_report the report, pickled for the spool) instead of the report.
    digest: Policy | None = None
    digest_line: bool = False
    digest_report: bool = False
    digest_json: bool = False           # the page's item of the JSON report, rendered
    timestamps: bool = False            # --timestamps: the line has each page's seconds

    @classmethod
    def make(cls, rules: Sequence[LoadedRule], **kwargs: Any) -> Job:
        specs = tuple((r.id, r.rule, dict(r.options)) for r in rules)
        return cls(specs, key=repr(specs), **kwargs)

    def loaded_rules(self) -> tuple[LoadedRule, ...]:
        bound = []
        for rule_id, rule, options in self.rules:
            code = get(rule_id)
            bound.append(LoadedRule(rule, code.check, code.module, options))
        return tuple(bound)


_BOUND: dict[int, tuple[LoadedRule, ...]] = {}


def _rules_for(job: Job) -> tuple[LoadedRule, ...]:
    key = hash(job.key)
    if key not in _BOUND:
        _BOUND.clear()
        _BOUND[key] = job.loaded_rules()
    return _BOUND[key]


_ENVIRONMENTS: dict[tuple[tuple[str, ...], str | None, bool, str, str | None,
                          tuple[str, ...], str | None], StyleEnvironment] = {}


def style_environment(job: Job, remote: bool = False, warc: str | None = None
                      ) -> StyleEnvironment:
    """The cascade's environment for a job, built once per worker: the site CSS read once,
    linked stylesheets cached for the run. Only a page that was itself fetched over HTTP
    (``remote``) fetches its linked stylesheets, under the page limits: auditing a local file
    or a WARC record never touches the network, whatever URLs the page links. A page of the
    WARC file ``warc`` reads them from that file (:func:`a11y_audit.inputs.warc_stylesheet`)."""
    key = (job.stylesheets, job.viewport, remote, job.missing_stylesheets, job.site_root,
           job.site_urls, warc)
    found = _ENVIRONMENTS.get(key)
    if found is None:
        texts = []
        for path in job.stylesheets:
            try:
                texts.append(Path(path).read_bytes().decode("utf-8", "replace"))
            except OSError:
                continue        # the CLI checked it exists; a file gone since is no CSS
        if len(_ENVIRONMENTS) >= 4:
            _ENVIRONMENTS.clear()
        found = _ENVIRONMENTS[key] = StyleEnvironment(
            viewport=Viewport.parse(job.viewport) if job.viewport else DEFAULT_VIEWPORT,
            site_css=tuple(texts),
            fetch=fetch_stylesheet if remote else None if warc is None else functools.partial(
                _warc_stylesheet, warc),
            missing_stylesheets=job.missing_stylesheets, site_root=job.site_root,
            site_urls=job.site_urls)
    return found


def _warc_stylesheet(warc: str, url: str) -> str | None:
    return inputs.warc_stylesheet(warc, url, MAX_STYLESHEET_BYTES)


def _fetched_over_http(item: inputs.Input, meta: dict[str, str]) -> bool:
    """Whether the page is one a server sent (never read as a template); a post of a
    WordPress export (``meta``, the item's, names its template) is its saved body, however
    the export was had."""
    return (item.kind in ("url", "data") and item.source.startswith(("http://", "https://"))
            and "template" not in meta)


def fetch_stylesheet(url: str) -> str | None:
    """A linked stylesheet of a URL page, or None when it cannot be had (size and time limits
    of page fetches; a non-CSS answer is no stylesheet)."""
    try:
        fetched = inputs.http_get(url, MAX_STYLESHEET_BYTES)
    except sources.SourceError:
        return None
    if fetched.content_type not in ("text/css", "text/plain", "application/octet-stream"):
        return None
    return fetched.data.decode(fetched.charset or "utf-8", "replace")


@contextlib.contextmanager
def paused_collector() -> Iterator[None]:
    """Run one page's audit without Python's cyclic garbage collector, then collect only the
    youngest generation.

    A page's model, memos and cascade allocate hundreds of thousands of objects that live
    until the page is done. With the collector on, every 700 allocations it traverses the
    young ones, promotes the survivors (all of them: the page is still in use) and every
    few pages traverses the whole heap again: 20-25% of the audit time on the corpus. Paused,
    the page's objects all stay in generation 0, so when the page is dropped, one young
    collection frees its reference cycles (Page <-> memos) and nothing leaks. A caller that
    disabled the collector itself keeps it disabled."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)


def audit_input(item: inputs.Input, job: Job) -> Result:
    """Read, parse and audit one input inside its error boundary: a page report or an
    InputError, never an exception (but KeyboardInterrupt and SystemExit). The page is
    audited with the collector paused (:func:`paused_collector`) and freed on return."""
    with paused_collector():
        return _audit_input(item, job)


def _audit_input(item: inputs.Input, job: Job) -> Result:
    try:
        fetching.use_limits(job.fetch_limits)
        meta = dict(item.meta)      # (what the enumeration learnt: an export's post's title)
        # a file of the repository, not a page a server sent: a template, a partial
        remote = _fetched_over_http(item, meta)
        local = not remote and item.kind != "warc"
        name = item.source.lower()
        if local and name.endswith(sources.CODE_SUFFIXES):
            raise sources.SourceError(item.source, sources.CODE_FILE)
        partial = local and job.fragments == "auto" and not name.endswith((".svg", ".svg.gz"))
        document = inputs.load(item, job.max_bytes).decode(partial)
        text, utf8, template = document.text, document.utf8, Template(None, False)
        written = None
        if local:
            # (a WordPress export's post is WordPress's markup, whatever the run says)
            template, parsed, written = read_template(
                item.source, text, meta.get("template", job.templates),
                job.fragments,
                (item.location or item.source) if item.kind == "file" else None)
            if "<" not in text[:65536] and template.family is None:
                raise sources.SourceError(item.source, sources.NO_MARKUP)
            if template.family is not None:
                sources.refuse_xml(parsed, item.source, partial)
            if parsed is not text:
                text, utf8 = parsed, None
        page = Page.from_html(text, source=item.source, url=document.url, utf8=utf8,
                              doctype=template.family in WRITES_DOCTYPE,
                              first_line=int(meta.get("line", "1")))
        page.read_as(template, written)
        del document, text, utf8, written   # parsed: not held while the page is audited
        page.style_environment = style_environment(
            job, remote, item.location if item.kind == "warc" else None)
        check_limits(page, job.limits)
        try:
            report = audit_page(page, _rules_for(job), options=job.options,
                                include_passed=job.include_passed, ignores=job.ignores,
                                limits=job.limits, scope=job.scope)
        finally:
            page.close()    # freed by reference counting, not by a cyclic collection
        report.errors[:0] = page.warnings
        if not report.title and report.fragment:
            # (a partial has no <title>: a WordPress export's post is named by its own, a
            # Markdown story by its front matter's)
            report.title = meta.get("title", "") or template.title
        return report if job.digest is None else _digest(report, job, job.digest)
    except sources.SourceError as exc:
        return InputError(exc.source, exc.reason)
    except MemoryError:
        return InputError(item.source, "out of memory while auditing this page")
    except RecursionError:
        return InputError(item.source, "markup nested too deeply to audit (recursion limit)")
    except TimeLimit:
        return InputError(item.source, "time limit reached while auditing this page")
    except (EOFError, UnicodeError) as exc:
        return InputError(item.source, f"cannot read: {type(exc).__name__}: "
                                       f"{one_line(str(exc))}")
    except Exception as exc:
        report_bug(item.source, traceback.format_exc())
        return InputError(item.source, f"{INTERNAL}: {type(exc).__name__}: "
                                       f"{one_line(str(exc))}")


def read_template(source: str, text: str, templates: str = "auto",
                  fragments: str = "auto", path: str | None = None
                  ) -> tuple[Template, str, str | None]:
    """What a local file is (:mod:`a11y_audit.templates`): the family of template syntax it
    is written in (``templates``: "auto" finds it in the file's name, then in its markup;
    "off": none; or a language's name), and whether it is a partial (``fragments``:
    "auto", or "pages" for none); the text to parse (``text`` itself for plain HTML,
    else neutralised); and that text as written, where it differs (a template's
    expressions), else None. ``path``: where the file is on disk, if it is one: the
    partials it includes are looked for from its folder up (:func:`partial_icons`). A
    Markdown or MDX story (known by its name, unless ``templates`` is "off") is read as the
    HTML it renders (:mod:`a11y_audit.markdown`), then as a template of the syntax written
    in it."""
    named = None if templates == "off" else family_of_name(source)
    if named in markdown.FAMILIES:
        return _read_markdown(text, named, fragments, path)
    if templates == "off":
        family = None
    elif templates == "auto" or LANGUAGES[templates] in markdown.FAMILIES:
        family = named or detect(text)
    else:
        family = LANGUAGES[templates]
    # (a template's tags as it renders them: "<title>" in a PHP string or a template comment
    # is no title)
    markup, conditions, loops = (text, (), ()) if family is None else reading(
        text, family, None if path is None else partial_icons(path, family))
    return (Template(family, fragments == "auto" and is_fragment(markup, family is not None),
                     conditions, loops), markup, None if markup is text else text)


def _read_markdown(text: str, family: str, fragments: str, path: str | None
                   ) -> tuple[Template, str, str | None]:
    dialect = markdown.COMMONMARK if path is None or family == "mdx" else site_dialect(
        os.path.dirname(os.path.abspath(path)))
    rendering = markdown.render(text, mdx=family == "mdx", dialect=dialect)
    rendered = rendering.html
    # (MDX's JSX is Astro's; Markdown's template syntax is its site generator's: Liquid or
    # Nunjucks, of the Jinja family, where it writes no statement that says so)
    inner = "astro" if family == "mdx" else detect(rendered) or (
        "jinja" if rendering.templated else None)
    markup, conditions, loops = (rendered, (), ()) if inner is None else reading(
        rendered, inner, None if path is None else partial_icons(path, inner))
    # (a story is a layout's content, whatever raw HTML it holds: <html> in a code sample
    # whose backticks a blank line ended)
    return (Template(family, fragments == "auto", conditions, loops, rendering.undescribed,
                     rendering.title),
            markup, None if markup is rendered else rendered)


# The site generators whose Markdown differs from CommonMark's defaults, by the files at their
# site's root: Jekyll's configuration (kramdown, unless it names another Markdown processor;
# Hexo writes a _config.yml too, and renders CommonMark), and Hugo's (raw HTML omitted,
# unless it sets markup.goldmark.renderer.unsafe)
_JEKYLL_CONFIGS = ("_config.yml", "_config.yaml")
_JEKYLL_PROCESSOR = re.compile(r"^markdown\s*:\s*['\"]?([\w-]+)", re.M)
_HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
_HUGO_OLD_CONFIGS = ("config.toml", "config.yaml", "config.yml", "config.json")
_HUGO_UNSAFE = re.compile(r"""["']?\bunsafe["']?\s*[:=]\s*["']?true\b""")


@functools.lru_cache(maxsize=256)
def site_dialect(folder: str) -> markdown.Dialect:
    """How the site that holds ``folder`` renders its Markdown: that of the first folder up
    from it (at most :data:`PARTIAL_LEVELS` above, and not above a repository's root) that
    holds a Jekyll or Hugo site's configuration, else CommonMark's (Eleventy, Astro)."""
    for _ in range(PARTIAL_LEVELS + 1):
        jekyll = next(_configs(folder, _JEKYLL_CONFIGS), None)
        if jekyll is not None:
            processor = _JEKYLL_PROCESSOR.search(jekyll)
            hexo = any("hexo" in text for text in _configs(folder, ("package.json",)))
            if not hexo and (processor is None or processor[1].lower() == "kramdown"):
                return markdown.Dialect(attribute_lists=True, heading_attributes=True)
            return markdown.COMMONMARK
        hugo = list(_configs(folder, _HUGO_CONFIGS))
        defaults = os.path.join(folder, "config", "_default")
        if not hugo and (os.path.isdir(os.path.join(folder, "content"))
                         or os.path.isdir(defaults)):
            hugo = list(_configs(folder, _HUGO_OLD_CONFIGS))
            if os.path.isdir(defaults):
                hugo += _configs(defaults, (*_HUGO_CONFIGS, *_HUGO_OLD_CONFIGS,
                                            "markup.toml", "markup.yaml", "markup.yml",
                                            "markup.json"))
                hugo.append("")         # (a Hugo site, whatever its files say)
        if hugo:
            return markdown.Dialect(raw_html=any(_HUGO_UNSAFE.search(t) for t in hugo),
                                    hugo_figure=not _own_figure(folder),
                                    heading_attributes=True)
        parent = os.path.dirname(folder)
        if parent == folder or os.path.exists(os.path.join(folder, ".git")):
            break
        folder = parent
    return markdown.COMMONMARK


def _own_figure(site: str) -> bool:
    """Whether the Hugo site at ``site``, or one of its themes, writes its own figure
    shortcode (``layouts/shortcodes/figure.html``, or in ``layouts/_shortcodes/``, Hugo's
    newer layout), in place of Hugo's."""
    roots = [site]
    with contextlib.suppress(OSError):
        themes = os.path.join(site, "themes")
        roots += [os.path.join(themes, name) for name in sorted(os.listdir(themes))[:64]]
    return any(os.path.isfile(os.path.join(root, "layouts", folder, "figure.html"))
               for root in roots for folder in ("shortcodes", "_shortcodes"))


# real path and the family of the file that includes it, for the process's run; and the
# most of a partial that is read (an icon is a few KB)
_ICONS: dict[tuple[str, str], bool] = {}
_ICONS_KEPT = 4096
_ICON_BYTES = 65536


def partial_icons(path: str, family: str) -> Callable[[str], bool]:
    """For the template file at ``path``: whether the partial an include names is a file
    that writes a nameless icon, found as ``family``'s loader finds it (the first of
    :func:`a11y_audit.templates.partial_paths` below its folder or one of the folders
    above it); for a Svelte, Vue or Astro component, whether the file an import names is one
    (:func:`_imported_icons`). A partial that cannot be found or read is no icon (the
    include stays a hole)."""
    folders = [os.path.dirname(os.path.abspath(path))]
    for _ in range(PARTIAL_LEVELS):
        parent = os.path.dirname(folders[-1])
        if parent == folders[-1]:
            break
        folders.append(parent)
    if family in _COMPONENT_ENDINGS:
        return _imported_icons(folders, family)

    def icons(name: str) -> bool:
        for folder in folders:
            for relative in partial_paths(family, name):
                candidate = os.path.join(folder, relative)
                if os.path.isfile(candidate):
                    return _nameless_icon(candidate, family)
        return False

    return icons


# How a Svelte, Vue or Astro component's import names a file of its project: relative to the
# component, or from the project's root (the folder of its package.json) by an alias: Nuxt's
# and Vue CLI's "~/" and "@/" (the root, or its src/), SvelteKit's "$lib/", and those the
# project's Vite, SvelteKit, Nuxt or Astro configuration sets (read by _config_aliases)
_ALIASES = {"~/": ("", "src/"), "@/": ("", "src/"), "~~/": ("",), "@@/": ("",),
            "$lib/": ("src/lib/",)}
_COMPONENT_ENDINGS = {"svelte": (".svg", ".svelte"), "vue": (".svg", ".vue"),
                      "astro": (".svg", ".astro")}
_CONFIGS = ("vite.config.js", "vite.config.ts", "vite.config.mjs", "vite.config.mts",
            "svelte.config.js", "svelte.config.mjs", "nuxt.config.js", "nuxt.config.ts",
            "astro.config.mjs", "astro.config.js", "astro.config.ts")
# ... an alias block's entries ($svg: path.resolve("./src/svg"), "@": fileURLToPath(new
# URL("./src", import.meta.url)), $lib: "src/lib"): a name, and the first string literal
# of its value
_ALIAS_BLOCK = re.compile(r"\balias\s*:\s*\{")
_ALIAS_ENTRY = re.compile(r"""(?:^|[,{\s])(["']?)([$@~#]?[\w-]*[\w$@~#])(?:/\*)?\1\s*:(?!:)""")
_ALIAS_VALUE = re.compile(r"""(["'])(\.{0,2}/?[\w@$~#][\w@$~#./-]*?)(?:/\*)?/?\1""")


def _imported_icons(folders: list[str], family: str) -> Callable[[str], bool]:
    """For a component in ``folders[0]`` (``folders``: it and those above it): whether the
    file an import's path names (:data:`_ALIASES`) writes a nameless icon. A path out of
    the project, a package's, or one that names no file of a component's ending is no
    icon (the component stays a hole)."""
    root = next((folder for folder in folders
                 if os.path.isfile(os.path.join(folder, "package.json"))), None)
    top = os.path.realpath(root or folders[-1])
    endings = _COMPONENT_ENDINGS[family]
    aliases = {**_ALIASES, **_config_aliases(root)} if root is not None else {}

    def icons(name: str) -> bool:
        if "\\" in name:
            return False
        if name.startswith("<"):        # (templates.global_component: no import names it)
            if root is None:
                return False
            registered = _nuxt_components(root)
            found = registered.get(name[1:-1])
            if found is None and name.startswith("<Lazy"):
                found = registered.get(name[5:-1])
            return found is not None and (not found or _nameless_icon(found, family))
        if name.startswith("./") or name.startswith("../"):
            bases = [folders[0]]
            relative = name
        else:
            alias = max((a for a in aliases if name.startswith(a)), key=len, default=None)
            if alias is None or root is None:
                return False
            bases = [os.path.join(root, prefix) for prefix in aliases[alias]]
            relative = name[len(alias):]
        tries = [relative] if relative.endswith(endings) else [
            relative + ending for ending in endings[1:]]
        for base in bases:
            for tried in tries:
                candidate = os.path.realpath(os.path.join(base, tried))
                if candidate.startswith(top + os.sep) and os.path.isfile(candidate):
                    return _nameless_icon(
                        candidate, "" if candidate.endswith(".svg") else family)
        return False

    return icons


# The components a Nuxt project registers for every file, with no import: those of its
# components folder (Nuxt 3's default; Nuxt 2's with "components: true"), named by their path
# as Nuxt names them (components/base/Button.vue: BaseButton; base/BaseButton.vue too), and
# an icon module's (@nuxt/icon's and nuxt-icon's <Icon>, Nuxt UI's <UIcon>: an <svg> or a
# masked <span> that names nothing unless given a label), recorded with the path "".
_NUXT_CONFIGS = ("nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs")
_NUXT_ICON_MODULES = {"@nuxt/icon": ("Icon",), "nuxt-icon": ("Icon",), "@nuxt/ui": ("UIcon",)}
_NUXT_COMPONENT_FOLDERS = ("components", "app/components")
_NUXT_COMPONENTS_KEPT = 5000        # (files of a components folder looked at, at most)
_NUXT_ON = re.compile(r"\bcomponents\s*:\s*(?:true|\[|\{)")
_NUXT_OFF = re.compile(r"\bcomponents\s*:\s*false")
_NUXT_UNPREFIXED = re.compile(r"\bpathPrefix\s*:\s*false")


@functools.lru_cache(maxsize=_ICONS_KEPT)
def _nuxt_components(root: str) -> dict[str, str]:
    """The components the Nuxt project at ``root`` registers for every file (see
    ``_NUXT_CONFIGS``), each by its name: its file's path, or "" for an icon module's;
    read once a run; none for a project without a Nuxt configuration."""
    found: dict[str, str] = {}
    text = next(_configs(root, _NUXT_CONFIGS), None)
    if text is not None:
        for module, names in _NUXT_ICON_MODULES.items():
            if re.search(r"""["']""" + re.escape(module) + r"""["']""", text):
                found.update(dict.fromkeys(names, ""))
        if ("defineNuxtConfig" in text and _NUXT_OFF.search(text) is None) \
                or _NUXT_ON.search(text) is not None:
            _folder_components(root, found, _NUXT_UNPREFIXED.search(text) is None)
    return found


def _configs(root: str, names: tuple[str, ...]) -> Iterator[str]:
    """The text of each configuration file of ``names`` the project at ``root`` holds, in
    that order (its first 64 KB)."""
    for name in names:
        try:
            with open(os.path.join(root, name), "rb") as file:
                yield file.read(_ICON_BYTES).decode("utf-8", "replace")
        except OSError:
            continue


def _folder_components(root: str, found: dict[str, str], prefixed: bool = True) -> None:
    """The .vue files of the project's components folders into ``found``, each by the name
    Nuxt gives it: its folders' names and its own in PascalCase, a folder's name not
    repeated where the file's begins with it, an index file by its folders' alone; its own
    alone where not ``prefixed`` (the configuration's ``pathPrefix: false``)."""
    seen = 0
    for folder in _NUXT_COMPONENT_FOLDERS:
        top = os.path.join(root, folder)
        for here, dirs, files in os.walk(top):
            dirs.sort()
            prefix = "".join(_pascal_words(part) for part in
                             os.path.relpath(here, top).split(os.sep)
                             if part != ".") if prefixed else ""
            for file in sorted(files):
                if not file.endswith(".vue"):
                    continue
                seen += 1
                if seen > _NUXT_COMPONENTS_KEPT:
                    return
                stem = _pascal_words(file[:-4])
                name = (prefix if stem == "Index" else stem if stem.startswith(prefix)
                        else prefix + stem)
                if name:
                    found.setdefault(name, os.path.join(here, file))


def _pascal_words(text: str) -> str:
    """A folder's or a file's name as a part of a component's name: ``svg-icons``:
    ``SvgIcons``, ``base``: ``Base``."""
    return "".join(word[:1].upper() + word[1:] for word in re.split(r"[-_.\s]+", text))


@functools.lru_cache(maxsize=_ICONS_KEPT)
def _config_aliases(root: str) -> dict[str, tuple[str, ...]]:
    """The import aliases the project at ``root`` sets in its Vite, SvelteKit, Nuxt or Astro
    configuration (an ``alias: {...}`` block: ``$svg: path.resolve("./src/svg")``), each
    as the prefix it replaces ("$svg/") and the folder it names, relative to ``root``; read
    once a run. An alias whose folder is absolute or out of the project is left out."""
    found: dict[str, tuple[str, ...]] = {}
    for text in _configs(root, _CONFIGS):
        for block in _ALIAS_BLOCK.finditer(text):
            close = text.find("}", block.end())
            body = text[block.end():len(text) if close < 0 else close]
            entries = list(_ALIAS_ENTRY.finditer(body))
            for m, following in zip(entries, [*entries[1:], None], strict=True):
                value = _ALIAS_VALUE.search(body, m.end(),
                                            len(body) if following is None else following.start())
                folder = None if value is None else os.path.normpath(value[2])
                if folder is not None and not folder.startswith(("/", "..")):
                    found.setdefault(m[2] + "/", ("" if folder == "." else folder + "/",))
    return found


def _nameless_icon(path: str, family: str) -> bool:
    """Whether the file at ``path`` writes a nameless icon, read once a run: in the syntax
    its name says, else ``family``'s (the includer's; "": plain, an SVG file)."""
    key = (os.path.realpath(path), family)
    found = _ICONS.get(key)
    if found is None:
        try:
            with open(path, "rb") as file:
                data = file.read(_ICON_BYTES + 1)
            found = len(data) <= _ICON_BYTES and is_nameless_icon(
                data.decode("utf-8-sig"), family_of_name(path) or family or None)
        except (OSError, UnicodeError):
            found = False
        if len(_ICONS) >= _ICONS_KEPT:
            _ICONS.clear()
        _ICONS[key] = found
    return found


def _digest(report: PageReport, job: Job, policy: Policy) -> Digest:
    line = text = None
    if job.digest_line or job.digest_json:
        # such runs' workers only; a Dask worker has its own context: told the run's choice
        from a11y_audit.writers import json_writer, jsonl_writer
        from a11y_audit.writers.report_data import page_data, timestamps
        with timestamps(job.timestamps):
            data = page_data(report, policy)        # once for both reports
        if job.digest_line:
            line = jsonl_writer.page_line_utf8(data)
        if job.digest_json:
            text = json_writer.page_item_utf8(data)
    return Digest(PageFigures.of(report, policy), line,
                  pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
                  if job.digest_report else None, text)


def report_bug(source: str, text: str) -> None:
    """A bug in a11y-audit met while auditing ``source``: its traceback, named, on stderr."""
    sys.stderr.write(f"a11y-audit: {INTERNAL} while auditing {one_line(source)}:\n{text}")
    sys.stderr.flush()


def check_limits(page: Page, limits: AuditLimits) -> None:
    """Refuse a page past the element-count or depth limit, by name, before any rule runs."""
    count = len(page.elements)
    if count > limits.max_elements:
        raise sources.SourceError(page.source, f"too many elements ({count:,}; limit "
                                               f"{limits.max_elements:,})")
    depth: dict[Any, int] = {}
    deepest = 0
    for el in page.elements:
        parent = el.getparent()
        level = depth[el] = (depth.get(parent, 0) if parent is not None else 0) + 1
        deepest = max(deepest, level)
    if deepest > limits.max_depth:
        raise sources.SourceError(page.source, f"elements nested {deepest:,} deep (limit "
                                               f"{limits.max_depth:,})")


def audit_chunk(items: Sequence[inputs.Input], job: Job) -> list[Result]:
    return [audit_input(item, job) for item in items]


# The run's job in a pool worker, given once when the worker starts (_start_worker): a Job
# pickles to ~260 KB (every rule's metadata and documentation), which sent with each chunk
# cost the main process ~0.8 ms and the worker ~1 ms a chunk.
_WORKER_JOB: Job | None = None


def _start_worker(job: Job) -> None:
    """A pool worker's start: keep the run's job, and leave Ctrl-C to the main process, which
    stops the workers (a terminal sends SIGINT to the whole process group: every worker would
    print its own traceback)."""
    global _WORKER_JOB
    _WORKER_JOB = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _audit_chunk_in_worker(items: Sequence[inputs.Input]) -> list[Result]:
    assert _WORKER_JOB is not None, "a pool worker audits with the job it started with"
    return audit_chunk(items, _WORKER_JOB)


def plan(names: Iterable[str], *, include: Iterable[str] = (), exclude: Iterable[str] = (),
         max_bytes: int = sources.MAX_BYTES, stdin: object = None,
         on_found: Callable[[int], None] | None = None, templates: str = "auto",
         ) -> tuple[SortedSpool[inputs.Input], list[InputError]]:
    """Every input named, sorted by source, and the errors met while enumerating (each name
    inside its own error boundary: a broken sitemap or a bug costs that name only). A source
    found twice is one input, the first found: a page named and also in a folder named, a URL
    that two sitemaps of an index list (a news sitemap and the month's), a URL list's repeats.
    The inputs of a long run are sorted on disk (:class:`~a11y_audit.spool.SortedSpool`): the
    memory of enumerating a run does not grow with its length (a folder or a container is
    read one at a time). Close the spool when done. ``on_found`` is told how many inputs
    were found so far (repeats included), after each one."""
    found: SortedSpool[inputs.Input] = SortedSpool(_source, weight=_carried, unique=True)
    errors: list[InputError] = []
    for name in names:
        try:
            for item in inputs.enumerate_inputs([name], include=include, exclude=exclude,
                                                max_bytes=max_bytes, stdin=stdin,
                                                templates=templates):
                if isinstance(item, sources.SourceError):
                    errors.append(InputError(item.source, item.reason))
                else:
                    found.append(item)
                    if on_found is not None:
                        on_found(found.added)
        except MemoryError:
            errors.append(InputError(name, "out of memory while reading this input"))
        except (RecursionError, EOFError, UnicodeError, OSError) as exc:
            errors.append(InputError(name, f"cannot read: {type(exc).__name__}: "
                                           f"{one_line(str(exc))}"))
        except Exception as exc:
            report_bug(name, traceback.format_exc())
            errors.append(InputError(name, f"{INTERNAL}: {type(exc).__name__}: "
                                           f"{one_line(str(exc))}"))
    # (an error met twice, as a page named and also in a folder named: said once)
    return found, list(dict.fromkeys(errors))


def _source(item: inputs.Input) -> str:
    return item.source


def _carried(item: inputs.Input) -> int:
    """The bytes an input carries while the run's inputs are sorted (a post of a WordPress
    export, a page fetched to see what it was)."""
    return len(item.data) if item.data is not None else 0


class Chosen(list[inputs.Input]):
    """The items :func:`sample` chose, in source order; closed like the spool it was read
    from."""

    def close(self) -> None:
        self.clear()


def sample(items: Iterable[inputs.Input], size: int, seed: str) -> Chosen:
    """``size`` of ``items``, in their order: those whose source, hashed with ``seed``, ranks
    lowest. A page's rank depends on its own source and the seed only, so a sample of an
    archive that grows keeps the pages it had wherever they still rank among the lowest, and
    a run's findings compare with the last night's; another seed draws another sample.
    Memory holds the ``size`` chosen so far."""
    chosen: list[tuple[int, int, inputs.Input]] = []     # (-rank, order, item): a max-heap
    salt = seed.encode("utf-8", "surrogatepass") + b"\0"
    for order, item in enumerate(items):
        digest = hashlib.blake2b(salt + item.source.encode("utf-8", "surrogatepass"),
                                 digest_size=8).digest()
        rank = int.from_bytes(digest, "big")
        if len(chosen) < size:
            heapq.heappush(chosen, (-rank, order, item))
        elif -rank > chosen[0][0]:
            heapq.heapreplace(chosen, (-rank, order, item))
    return Chosen(item for _, _, item in sorted(chosen, key=operator.itemgetter(1)))


def iter_audit(items: Items, job: Job, jobs: int = 1,
               executor: Any = None) -> Iterator[Result]:
    """One result per item, in the order of ``items``, streamed as pages finish.

    ``jobs`` > 1 runs a process pool; ``executor`` (anything with ``submit`` returning a
    future, such as a Dask client) runs chunks there instead. An executor with ``share``
    (:class:`a11y_audit.dask_executor.Submitter`) is given the job once, and each chunk
    carries what ``share`` returned: the job pickles to ~280 KB, which sent with every chunk
    of 4 pages cost the command more than the pages' own results."""
    if executor is None and (jobs <= 1 or len(items) <= 1):
        for item in items:
            yield audit_input(item, job)
        return
    if executor is not None:
        shared = executor.share(job) if hasattr(executor, "share") else job
        yield from _ordered(lambda batch: executor.submit(audit_chunk, batch, shared), items,
                            getattr(executor, "workers", jobs),
                            chunk=getattr(executor, "chunk", CHUNK))
        return
    pools = _Pools(jobs, job)
    try:
        yield from _ordered(pools.submit, items, jobs, renew=pools.renew,
                            share=PAGES_PER_WORKER * jobs, recover=pools.recover)
    except BaseException:
        _stop(pools.pool)  # Ctrl-C, SIGTERM, a lost worker: no waiting for the chunks in flight
        raise
    pools.pool.shutdown(wait=True)


class _Pools:
    """The process pool of a run, replaced by a fresh one (:data:`PAGES_PER_WORKER`) once the
    old one has finished its share: ``max_tasks_per_child`` cannot be used with fork."""

    def __init__(self, jobs: int, job: Job) -> None:
        self.jobs = jobs
        self.job = job
        self.context = multiprocessing.get_context(
            "fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        self.pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=self.context,
                                   initializer=_start_worker, initargs=(self.job,))

    def submit(self, batch: list[inputs.Input]) -> Future:
        """Audit ``batch`` in a worker of the current pool (with the job it started with)."""
        return self.pool.submit(_audit_chunk_in_worker, batch)

    def recover(self) -> None:
        """Replace a pool that a worker's death broke (its other workers are stopped). The
        broken pool's manager thread is let finish first (its workers are stopped: it waits
        on nothing), so that, as in :meth:`renew`, the fork happens in a single-threaded
        process: a thread still running could hold a lock that the new workers would inherit,
        taken for ever (Python 3.12 and later warn of such forks)."""
        manager = getattr(self.pool, "_executor_manager_thread", None)  # not public: best effort
        _stop(self.pool)
        if manager is not None:
            manager.join(timeout=10)
        self.pool = self._new()

    def renew(self) -> None:
        """Retire the pool (every chunk it took is done) and start the next. The old pool's
        threads are joined first, so the fork happens in a single-threaded process."""
        self.pool.shutdown(wait=True)
        self.pool = self._new()


def _stop(pool: ProcessPoolExecutor) -> None:
    processes = list(getattr(pool, "_processes", {}).values())  # not public: best effort
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


def _chunk_size(left: int, jobs: int, chunk: int = CHUNK) -> int:
    """Pages of the next chunk when ``left`` pages remain to be handed out: ``chunk``,
    shrinking at the end (guided scheduling) so that no worker is left alone with a whole
    chunk while the others have nothing to do."""
    return max(1, min(chunk, left // (2 * max(1, jobs))))


def _ordered(submit: Callable[[list[inputs.Input]], Future], items: Items,
             jobs: int, renew: Callable[[], None] | None = None,
             share: int | None = None,
             recover: Callable[[], None] | None = None,
             chunk: int = CHUNK) -> Iterator[Result]:
    """Submit chunks ahead (a bounded window), yield their results in submission order.

    With ``renew``, the pool takes at most ``share`` pages; once their results are all in,
    ``renew()`` replaces it and the next pages go to the new pool. With ``recover``, a pool
    that a worker's death broke (killed, out of memory, a crash in C code) is replaced, and
    the pages it held are audited again one at a time (:func:`_one_by_one`): the page that
    kills its worker again is an error for that source, and the run goes on."""
    window = max(1, jobs) * WINDOW
    pending: deque[tuple[Sequence[inputs.Input], Future]] = deque()
    total = len(items)
    unsent = iter(items)    # read as chunks are submitted: the items may be on disk
    start = 0           # the first item not submitted yet
    taken = 0           # pages the current pool has taken

    def fill() -> None:
        nonlocal start, taken
        while start < total and len(pending) < window and (
                renew is None or share is None or taken < share):
            left = total - start
            if renew is not None and share is not None:
                left = min(left, share - taken)
            batch = list(islice(unsent, _chunk_size(left, jobs, chunk)))
            try:
                future = submit(batch)
            except BrokenProcessPool as exc:    # broken by a chunk still pending: lost too
                if recover is None:
                    raise
                future = Future()
                future.set_exception(exc)
            pending.append((batch, future))
            start += len(batch)
            taken += len(batch)

    fill()
    while pending:
        batch, future = pending.popleft()
        try:
            results = future.result()
        except BrokenProcessPool:
            if recover is None:
                raise
            # Every chunk the pool held is lost with it, and which page killed the worker
            # is unknown: audit them again, each page alone in a fresh pool.
            held = [*batch, *(page for chunk, _ in pending for page in chunk)]
            pending.clear()
            yield from _one_by_one(submit, held, recover)
            taken = len(held)
            fill()
            continue
        except Exception as exc:  # a worker lost (killed, out of memory): name its pages
            results = [InputError(i.source, f"worker failed: {type(exc).__name__}: {exc}")
                       for i in batch]
        yield from results
        if renew is not None and not pending and start < total:
            renew()
            taken = 0
        fill()


def _one_by_one(submit: Callable[[list[inputs.Input]], Future], held: Sequence[inputs.Input],
                recover: Callable[[], None]) -> Iterator[Result]:
    """The pages of a broken pool, each audited alone in a fresh pool; a page whose worker
    dies again is an error naming it (the other pages' results are kept)."""
    recover()
    for item in held:
        try:
            yield from submit([item]).result()
        except BrokenProcessPool:
            yield InputError(item.source, "the worker auditing this page stopped abruptly "
                                          "(killed, out of memory, or a crash in C code)")
            recover()


def audit_sources(
    names: Sequence[str],
    rules: Sequence[LoadedRule] | None = None,
    *,
    fail_on: Impact | None = None,
    options: dict[str, dict[str, Any]] | None = None,
    include_passed: bool = False,
    ignores: Sequence[Any] = (),
    max_bytes: int = sources.MAX_BYTES,
    on_page: Callable[[PageReport], None] | None = None,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    jobs: int = 1,
    limits: AuditLimits = DEFAULT_LIMITS,
    fetch_limits: FetchLimits = fetching.DEFAULT_LIMITS,
    scope: Scope | None = None,
) -> Report:
    """Audit every page named (files, folders, URLs, sitemaps, feeds, WARC files, ``-``);
    unreadable ones become report errors. Pages come out sorted by source. ``include`` and
    ``exclude`` are path globs choosing pages; ``scope`` chooses the elements whose results
    count (:mod:`a11y_audit.scope`)."""
    started = time.perf_counter()
    rules = tuple(all_rules() if rules is None else rules)
    report = Report(rules=list(rules), fail_on=fail_on)
    names, fetch_limits = credentials.bind(names, fetch_limits, inputs.listed_urls(names))
    fetching.use_limits(fetch_limits)
    items, report.errors = plan(names, include=include, exclude=exclude, max_bytes=max_bytes)
    job = Job.make(rules, options=options, include_passed=include_passed,
                   ignores=tuple(ignores), max_bytes=max_bytes, limits=limits,
                   fetch_limits=fetch_limits, scope=scope)
    with items:
        for result in iter_audit(items, job, jobs):
            if isinstance(result, InputError):
                report.errors.append(result)
                continue
            # (the ignores: a job without digest gets whole pages back, no Digest)
            report.pages.append(result)  # type: ignore[arg-type]
            if on_page is not None:
                on_page(result)  # type: ignore[arg-type]
    report.seconds = time.perf_counter() - started
    return report
