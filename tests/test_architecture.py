"""The house stays as DEVELOPERS.md draws it: imports run down the flow, rooms stay small.

These read the source (no import is run), so they fail on the commit that adds an import from a
lower stage to a higher one, a module over 600 lines or a class over 300, and say which.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventwire"

# The flow, bottom to top (DEVELOPERS.md, "The flow"). A room is a top-level module or package
# of eventwire; it may import rooms of lower layers only (and itself). Rooms of one layer are
# siblings that do not know each other.
LAYERS: list[set[str]] = [
    {"__init__", "records", "words", "capitals", "extras"},
    {"nlp", "ingest"},
    {"actors"},
    {"events"},
    {"time"},
    {"geo"},
    {"store"},
    {"pipeline"},
    {"scale"},
    {"evaluate"},
    {"web"},
    {"api"},
    {"cli"},
]
LAYER_OF = {room: rank for rank, rooms in enumerate(LAYERS) for room in rooms}
MAX_MODULE_LINES = 600
MAX_CLASS_LINES = 300


def modules(root: Path = PACKAGE) -> list[Path]:
    return sorted(root.rglob("*.py"))


def room_of(path: Path, root: Path) -> str:
    return path.relative_to(root).parts[0].removesuffix(".py")


def module_name(path: Path, root: Path) -> list[str]:
    parts = ["eventwire", *path.relative_to(root).with_suffix("").parts]
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported_rooms(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, room) of every eventwire module the file imports, at any depth of its code."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name.split(".") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = [*base, *(node.module.split(".") if node.module else [])]
            names = [module] if node.module else [[*module, alias.name] for alias in node.names]
        else:
            continue
        for name in names:
            if name[0] == "eventwire":
                found.append((node.lineno, name[1] if len(name) > 1 else "__init__"))
    return found


def upward_imports(root: Path) -> list[str]:
    """Each import of a room from the same or a higher layer, as 'file:line imports room'."""
    upward = []
    for path in modules(root):
        room = room_of(path, root)
        for line, target in imported_rooms(path, root):
            if target != room and LAYER_OF.get(target, -1) >= LAYER_OF.get(room, -1):
                upward.append(f"{path.relative_to(root)}:{line} imports {target}")
    return upward


def test_every_room_has_a_place_in_the_flow() -> None:
    rooms = {room_of(path, PACKAGE) for path in modules()}
    assert rooms - set(LAYER_OF) == set(), "add the new room to LAYERS here and to DEVELOPERS.md"


def test_imports_run_down_the_flow() -> None:
    assert upward_imports(PACKAGE) == []


def test_no_module_or_class_is_too_big() -> None:
    sources = [*modules(), *(PACKAGE / "web" / "static").glob("*.js")]
    too_big = []
    for path in sources:
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE_LINES:
            too_big.append(f"{path.relative_to(PACKAGE)}: {text.count(chr(10))} lines")
        if path.suffix == ".py":
            for node in ast.walk(ast.parse(text)):
                if isinstance(node, ast.ClassDef):
                    length = node.end_lineno - node.lineno + 1
                    if length > MAX_CLASS_LINES:
                        too_big.append(f"{path.relative_to(PACKAGE)}: class {node.name} {length} lines")
    assert too_big == []


def test_an_upward_import_is_caught(tmp_path: Path) -> None:
    """The checker itself, on a small tree: only the import that runs up is reported, in any of
    its forms (absolute, relative, inside a function)."""
    root = tmp_path / "eventwire"
    (root / "store").mkdir(parents=True)
    (root / "store" / "__init__.py").write_text("")
    (root / "store" / "down.py").write_text("from eventwire.events import coder\nfrom . import query\n")
    (root / "store" / "up.py").write_text("def run():\n    from ..pipeline import code_articles\n")
    (root / "events.py").write_text("import eventwire.cli.common\n")
    assert upward_imports(root) == ["events.py:1 imports cli", "store/up.py:2 imports pipeline"]
