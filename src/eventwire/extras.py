"""Optional parts of eventwire and the extra that installs each: a missing one is named in one
line ("eventwire serve needs: pip install 'eventwire[serve]'") rather than a traceback."""

from __future__ import annotations

from importlib.util import find_spec

# extra -> the modules it brings (pyproject.toml's [project.optional-dependencies])
EXTRAS: dict[str, tuple[str, ...]] = {
    "serve": ("fastapi", "uvicorn"),
    "dask": ("dask", "distributed"),
    "notebook": ("pandas", "matplotlib"),
}


class MissingExtraError(ImportError):
    """A feature was asked for whose extra is not installed; the message says what to install."""


def require_extra(extra: str, feature: str) -> None:
    """Raise ``MissingExtraError`` naming ``pip install 'eventwire[extra]'`` when a module of
    ``extra`` cannot be found (looked up, not imported: cheap enough for every call)."""
    missing = [module for module in EXTRAS[extra] if find_spec(module) is None]
    if missing:
        raise MissingExtraError(
            f"{feature} needs: pip install 'eventwire[{extra}]' ({', '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not installed)", name=missing[0])
