"""The README's install recipes are real: pip from the repository, and the pre-commit hook.

Each test clones this repository (its committed HEAD) to a temporary folder, substitutes the
README's ``<repo URL>`` and ``<ref>`` placeholders with that clone and its commit, and runs
the documented commands. They need git and the package index (pip and pre-commit install into
fresh environments), so they are slow: about a minute each.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

from a11y_audit.cli import example_path
from tests.conftest import REPO, require_data

README = (REPO / "README.md").read_text(encoding="utf-8")
CI_SECTION = README.split("## In CI", 1)[1].split("\n## ", 1)[0]


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    return str(require_data(Path(found) if found else Path(name), name,
                            f"install {name} (the test extra has pre-commit)"))


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> tuple[str, str]:
    """A local clone of the committed repository: (file:// URL, commit)."""
    git = _tool("git")
    target = tmp_path_factory.mktemp("clone") / "a11y-audit"
    subprocess.run([git, "clone", "--quiet", str(REPO), str(target)], check=True)
    commit = subprocess.run([git, "rev-parse", "HEAD"], cwd=target, check=True,
                            capture_output=True, text=True).stdout.strip()
    # file://localhost/...: pip's older URL check rejects git+file:/// (no host).
    return "file://localhost" + target.as_posix(), commit


def substitute(text: str, url: str, ref: str) -> str:
    return text.replace("<repo URL>", url).replace("<ref>", ref)


def test_recipes_use_placeholders_not_an_index_or_a_missing_tag():
    installs = re.findall(r"^\s*- (?:run: )?(pip install [^\n]+)", CI_SECTION, re.M)
    assert len(installs) >= 2
    assert all('"a11y-audit @ git+<repo URL>@<ref>"' in line for line in installs)
    assert "v0.1.0" not in README and "pip install a11y-audit\n" not in README


@pytest.mark.parametrize("recipe", ["github", "gitlab"])
def test_pip_recipe_installs_from_the_repository(clone, tmp_path, recipe):
    url, commit = clone
    block = CI_SECTION.split("**GitHub Actions**" if recipe == "github" else "**GitLab CI**",
                             1)[1]
    install = re.search(r"pip install (\"a11y-audit @ git\+<repo URL>@<ref>\")", block)
    assert install, f"the {recipe} recipe has no pip install line"
    env_dir = tmp_path / "venv"
    # System site packages: the dependencies this test run already has are reused.
    venv.EnvBuilder(with_pip=True, system_site_packages=True).create(env_dir)
    python = env_dir / "bin" / "python"
    spec = shlex.split(substitute(install.group(1), url, commit))[0]
    result = subprocess.run([str(python), "-m", "pip", "install", "--quiet",
                             "--disable-pip-version-check", spec],
                            capture_output=True, text=True, env=_clean_env())
    assert result.returncode == 0, result.stderr[-2000:]
    public = tmp_path / "public" / "world"
    public.mkdir(parents=True)
    shutil.copy(example_path(), public / "mali-aid.html")
    command = re.search(r"(a11y-audit check public/[^\n]+)", block).group(1)
    args = shlex.split(command)
    if "--baseline" in args:      # the GitLab job gates on new problems only: make a baseline
        base = args[args.index("--baseline") + 1]
        subprocess.run([str(env_dir / "bin" / "a11y-audit"), "check", "public/", "--baseline",
                        base, "--update-baseline", "-q"], cwd=tmp_path, check=True,
                       env=_clean_env())
    run = subprocess.run([str(env_dir / "bin" / "a11y-audit"), *args[1:]], cwd=tmp_path,
                         capture_output=True, text=True, env=_clean_env())
    assert run.returncode == (0 if "--baseline" in args else 1), run.stderr
    assert "1 page audited" in run.stderr and "exit " in run.stderr.splitlines()[-1]
    installed = subprocess.run([str(python), "-c", "import a11y_audit; print(a11y_audit.__file__)"],
                               capture_output=True, text=True, env=_clean_env())
    assert str(env_dir) in installed.stdout       # the installed copy ran, not this checkout


def test_pre_commit_hook_runs_from_a_clone(clone, tmp_path):
    url, commit = clone
    pre_commit = _tool("pre-commit")
    git = _tool("git")
    block = re.search(r"\*\*pre-commit\*\*.*?```yaml\n(.*?)```", CI_SECTION, re.S).group(1)
    config = yaml.safe_load(substitute(block, url, commit))
    (repo_entry,) = config["repos"]
    assert repo_entry["rev"] == commit and repo_entry["hooks"] == [{"id": "a11y-audit"}]
    project = tmp_path / "site"
    project.mkdir()
    shutil.copy(example_path(), project / "story.html")
    # a partial in a template language: taken by the hook, read as a template
    (project / "card.njk").write_text('<li>{% if s %}<a href="{{ s.url }}"><img src="x.jpg">'
                                      "</a>{% endif %}</li>\n")
    # ... in languages pre-commit's file types do not know (taken by their endings), and a
    # PHP file and a script, which the hook leaves to the project's own entry
    (project / "Card.cshtml").write_text('<div class="card"><img src="@Model.Src"></div>\n')
    (project / "day.vm").write_text('#if($day)<img src="$day.src">#end\n')
    (project / "functions.php").write_text('<?php echo "<img src=x>"; ?>\n<img src="y">\n')
    (project / "build.py").write_text('print("<img src=z>")\n')
    (project / "Photo.svelte").write_text("<figure><img src={photo.src}></figure>\n")
    # a Markdown story: the stories hook's, not this one's
    (project / "flood.md").write_text("# Flood\n\n[](https://example.com/map)\n")
    files = ["story.html", "card.njk", "Card.cshtml", "day.vm", "functions.php", "build.py",
             "Photo.svelte", "flood.md"]
    subprocess.run([git, "init", "--quiet"], cwd=project, check=True)
    subprocess.run([git, "add", *files], cwd=project, check=True)
    env = {**_clean_env(), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    result = subprocess.run([pre_commit, "try-repo", repo_entry["repo"], "a11y-audit",
                             "--ref", repo_entry["rev"], "--files", *files],
                            cwd=project, capture_output=True, text=True, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output            # the example has deliberate failures
    assert "a11y-audit (accessibility of HTML pages)" in output and "Failed" in output
    assert "image-alt" in output and "story.html" in output
    assert "card.njk:1:" in output and "read as a partial in jinja template syntax" in output
    assert "Card.cshtml:1:" in output and "in razor template syntax" in output
    assert "day.vm:1:" in output and "in velocity template syntax" in output
    assert "Photo.svelte:1:" in output and "in svelte template syntax" in output
    assert "functions.php" not in output and "build.py" not in output
    assert "flood.md" not in output
    stories = subprocess.run([pre_commit, "try-repo", repo_entry["repo"], "a11y-audit-stories",
                              "--ref", repo_entry["rev"], "--files", *files],
                             cwd=project, capture_output=True, text=True, env=env)
    output = stories.stdout + stories.stderr
    assert stories.returncode == 1, output          # the story's link is empty
    assert "a11y-audit (accessibility of Markdown and MDX stories)" in output
    assert "flood.md:3" in output and "link-name" in output
    assert "read as a Markdown story" in output and "story.html" not in output


def _clean_env() -> dict[str, str]:
    """The environment without this checkout on PYTHONPATH (the installed copy must run)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_NO_INPUT"] = "1"
    return env
