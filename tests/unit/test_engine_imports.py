"""Only hooks/main.py and the MkDocs layer (`apk_site/mkdocs_*.py`) import the engine: MkDocs (or
ProperDocs, which runs as `mkdocs`), Material or mkdocs-static-i18n; and only `mkdocs_compat` reaches
into their private names (issue 16; dev/ARCHITECTURE.md, "Engines")."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

HOOKS = ROOT / "hooks"
ENGINE_PACKAGES = ("mkdocs", "properdocs", "material", "mkdocs_static_i18n")
# Private names of the engine that are used on purpose, all in mkdocs_compat.
COMPAT = HOOKS / "apk_site" / "mkdocs_compat.py"


def imported_modules(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def is_engine(module: str) -> bool:
    return module.split(".")[0] in ENGINE_PACKAGES


def in_mkdocs_layer(path: Path) -> bool:
    return path == HOOKS / "main.py" or (path.parent == HOOKS / "apk_site" and path.name.startswith("mkdocs_"))


def test_only_the_mkdocs_layer_imports_the_engine():
    sources = sorted(HOOKS.rglob("*.py"))
    assert len(sources) > 20 and COMPAT in sources
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: imports {module}"
        for path in sources
        if not in_mkdocs_layer(path)
        for line, module in imported_modules(path)
        if is_engine(module)
    ]
    assert wrong == []


def test_the_check_sees_an_import_of_the_engine(tmp_path):
    """The check above would notice: these forms are all found."""
    sample = tmp_path / "x.py"
    sample.write_text("import mkdocs\nfrom material.plugins import search\nimport mkdocs_static_i18n as i\n")
    assert [module for _, module in imported_modules(sample) if is_engine(module)] == [
        "mkdocs",
        "material.plugins",
        "mkdocs_static_i18n",
    ]


def private_engine_names(path: Path) -> list[str]:
    """`from mkdocs... import _x` and attribute uses `._x` other than the site's own and Python's."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and is_engine(node.module):
            found += [f"{path.name}:{node.lineno}: {alias.name}" for alias in node.names if alias.name.startswith("_")]
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            owner = ast.unparse(node.value)
            if owner not in ("os", "self", "sys") and not owner.startswith("_"):
                found.append(f"{path.name}:{node.lineno}: {owner}.{node.attr}")
    return found


def test_private_names_of_the_engine_are_used_only_in_mkdocs_compat():
    layer = [p for p in sorted(HOOKS.rglob("*.py")) if in_mkdocs_layer(p) and p != COMPAT]
    assert [name for path in layer for name in private_engine_names(path)] == []
    assert "mkdocs_compat.py:" in " ".join(private_engine_names(COMPAT))  # the check sees them there


def module_level_containers(path: Path) -> list[str]:
    """Names bound at module level to a list, dict or set (lower case: not a constant)."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8"), str(path)).body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        value = getattr(node, "value", None)
        if isinstance(value, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp)):
            found += [f"{path.name}: {t.id}" for t in targets if isinstance(t, ast.Name) and not t.id.isupper()]
    return found


def test_the_hooks_keep_what_they_remember_in_one_object():
    """The state of a run lives in `mkdocs_state.Run`, not in dicts, lists and one-element cells."""
    layer = [p for p in sorted(HOOKS.rglob("*.py")) if in_mkdocs_layer(p)]
    assert [name for path in layer for name in module_level_containers(path)] == ["mkdocs_state.py: _run"]


def absolute_imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, relative imports resolved (`from ..tools import x` in
    `apk_site/anthology/` is `apk_site.tools`)."""
    package = ".".join(path.relative_to(HOOKS).parent.parts)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            module = ".".join([*base, node.module] if node.module else base)
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def test_the_core_does_not_import_the_editors_tools():
    tools = HOOKS / "apk_site" / "tools"
    core = [p for p in sorted(HOOKS.rglob("*.py")) if tools not in p.parents]
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: imports {module}"
        for path in core
        for line, module in absolute_imports(path)
        if module.startswith("apk_site.tools")
    ]
    assert wrong == []
    # The check resolves relative imports: the tools themselves are seen importing each other.
    assert any(m.startswith("apk_site.tools.") for _, m in absolute_imports(tools / "cli.py"))


# Material's conventions and the frames' placeholders: front-matter keys Material reads, the
# heading it would otherwise add, and the prototype pages' placeholder words.
MATERIAL_KEYS = {"search", "hide", "calendar_styles", "calendar_script"}
MATERIAL_TEXTS = ('id="page-title"', "XAPKSHELL", "xapkshell")


def material_conventions(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            found += [f"{path.name}:{node.lineno}: key {key!r}" for key in keys if key in MATERIAL_KEYS]
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.slice, ast.Constant)
            and node.slice.value in MATERIAL_KEYS
        ):
            found.append(f"{path.name}:{node.lineno}: key {node.slice.value!r}")
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found += [f"{path.name}:{node.lineno}: {text}" for text in MATERIAL_TEXTS if text in node.value]
    return found


def test_material_conventions_live_in_the_mkdocs_layer():
    core = [p for p in sorted(HOOKS.rglob("*.py")) if not in_mkdocs_layer(p)]
    assert [name for path in core for name in material_conventions(path)] == []
    layer = " ".join(name for p in sorted(HOOKS.rglob("mkdocs_*.py")) for name in material_conventions(p))
    assert "key 'search'" in layer and 'id="page-title"' in layer and "XAPKSHELL" in layer


# The whole book's title is a Markdown heading of the book itself (in its contents list, with its
# permalink), not the heading Material would add: its template keeps it.
OWN_HEADINGS = {"anthology/templates/book.md"}


def test_the_core_templates_leave_the_theme_heading_to_the_mkdocs_layer():
    templates = [p for p in sorted((HOOKS / "apk_site").rglob("templates/*")) if p.is_file()]
    assert len(templates) > 10
    found = [
        str(path.relative_to(HOOKS / "apk_site"))
        for path in templates
        if any(text in path.read_text(encoding="utf-8") for text in MATERIAL_TEXTS)
    ]
    assert set(found) == OWN_HEADINGS
