"""The icon libraries whose components render one ``<svg>`` and nothing that names it, unless
the invocation passes a title or a label down (knowledge only; no Page). A component file
that imports such a component (``import Fa from "svelte-fa"``, ``import { ChevronRight }
from "lucide-svelte"``) and invokes it with no title, label, spread or content writes a
nameless icon there: a link or a button of nothing but it has no name, as it would with an
``<svg>`` written in its place."""

from __future__ import annotations

# package (or a prefix of module paths, "~icons": unplugin-icons' virtual modules) -> the
# exports that are icon components (None: every one a component file invokes; their
# others are context providers or functions, which are not invoked as a tag with no
# content). Each renders an <svg> whose <title> only a prop writes:
# - svelte-fa's Fa (its layers and their text are not icons), Font Awesome's Vue
#   FontAwesomeIcon (not FontAwesomeLayersText, whose value prop writes text);
# - Lucide's, Tabler's, Heroicons', Phosphor's and Feather's components for Svelte and Vue
#   (and Lucide's for Astro), one per icon, the icons unplugin-icons compiles, and
#   astro-icon's Icon.
_PACKAGES: dict[str, frozenset[str] | None] = {
    "svelte-fa": frozenset(("default", "Fa")),
    "@fortawesome/vue-fontawesome": frozenset(("FontAwesomeIcon",)),
    "lucide-svelte": None, "@lucide/svelte": None, "lucide-vue-next": None, "@lucide/vue": None,
    "@tabler/icons-svelte": None, "@tabler/icons-vue": None,
    "@heroicons/vue": None,
    "phosphor-svelte": None, "@phosphor-icons/vue": None,
    "svelte-feather-icons": None, "vue-feather-icons": None,
    "~icons": None, "virtual:icons": None,
    "astro-icon": frozenset(("Icon",)), "@lucide/astro": None,
}


def is_icon_component(module: str, export: str) -> bool:
    """Whether ``export`` ("default" for a default import) of the module a component file
    imports by the path ``module`` (its query left out) is an icon library's component
    that renders a nameless ``<svg>`` (see :data:`_PACKAGES`)."""
    for package, exports in _PACKAGES.items():
        if module == package or module.startswith(package + "/"):
            return exports is None or export in exports
    return False
