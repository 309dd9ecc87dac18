// Progressive enhancement only: filters what is already on the page. Never reads page content
// as code; every value comes from textContent or data attributes.
const form = document.getElementById("filters");
if (form) {
  const MAX_AUTO_OPEN = 200;
  const status = document.getElementById("filter-status");
  const units = Array.from(document.querySelectorAll(".f"), (el) => {
    const group = el.closest(".rg");   // article findings take their rule from their group
    return {
      el,
      group,
      block: el.closest(".pg"),
      rule: (group || el).dataset.r,
      kind: el.dataset.i,
      baseline: el.dataset.b || "",
      text: null,
      pages: null,
    };
  });
  const templateCount = units.filter((u) => !u.block).length;
  const details = Array.from(document.querySelectorAll("details"));
  const initiallyOpen = new Map(details.map((d) => [d, d.open]));
  const blockText = new Map();
  const lower = (el) => (el ? el.textContent.toLowerCase() : "");

  const pageText = (u) => {
    if (u.pages === null) {
      if (u.block) {
        if (!blockText.has(u.block)) {
          blockText.set(u.block, lower(u.block.querySelector("h3")) + " " + lower(u.block.querySelector(".meta")));
        }
        u.pages = blockText.get(u.block);
      } else {
        u.pages = lower(u.el.querySelector("ul.pages"));
      }
    }
    return u.pages;
  };
  const unitText = (u) => {
    if (u.text === null) u.text = u.rule + " " + lower(u.el);
    return u.text;
  };

  const apply = () => {
    const values = new FormData(form);
    const kinds = new Set(values.getAll("impact"));
    const rule = values.get("rule") || "";
    const baseline = values.get("baseline") || "";
    const page = (values.get("page") || "").trim().toLowerCase();
    const q = (values.get("q") || "").trim().toLowerCase();
    const active = kinds.size < 5 || rule || baseline || page || q;
    const visible = new Map();
    let shownTemplate = 0;
    let shownArticle = 0;
    for (const u of units) {
      const ok = kinds.has(u.kind) && (!rule || u.rule === rule) &&
        (!baseline || u.baseline === baseline) && (!page || pageText(u).includes(page)) &&
        (!q || unitText(u).includes(q));
      u.el.hidden = !ok;
      if (!ok) continue;
      if (u.block) {
        shownArticle += 1;
        visible.set(u.group, true);
        visible.set(u.block, true);
      } else {
        shownTemplate += 1;
      }
    }
    for (const u of units) {
      if (u.group) u.group.hidden = !visible.has(u.group);
      if (u.block) u.block.hidden = !visible.has(u.block);
    }
    for (const none of document.querySelectorAll(".none")) {
      const section = none.closest("section");
      none.hidden = Boolean(section.querySelector(".f:not([hidden])"));
    }
    const blocks = Array.from(visible.keys()).filter((el) => el.classList.contains("pg"));
    if (active && blocks.length <= MAX_AUTO_OPEN) {
      for (const block of blocks) block.querySelector("details").open = true;
    } else if (!active) {
      for (const [d, open] of initiallyOpen) d.open = open;
    }
    const articleCount = units.length - templateCount;
    status.textContent = active
      ? `Showing ${shownTemplate.toLocaleString()} of ${templateCount.toLocaleString()} template problems and ` +
        `${shownArticle.toLocaleString()} of ${articleCount.toLocaleString()} article findings.`
      : `Showing all ${templateCount.toLocaleString()} template problems and ${articleCount.toLocaleString()} article findings.`;
  };

  let timer = 0;
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(apply, 150);
  });
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(apply, 0));
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-open]");
    if (!button) return;
    const open = button.dataset.open === "1";
    for (const d of details) d.open = open;
  });

  let beforePrint = null;
  window.addEventListener("beforeprint", () => {
    beforePrint = details.map((d) => d.open);
    for (const d of details) d.open = true;
  });
  window.addEventListener("afterprint", () => {
    if (beforePrint) details.forEach((d, i) => { d.open = beforePrint[i]; });
    beforePrint = null;
  });

  form.hidden = false;
  apply();
}
