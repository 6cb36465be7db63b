"""The ``eventwire`` command line: the top of the house. It only wires stages together: no
coding logic lives here.

Each module of this package adds the commands of one stage with ``register(subparsers)``
(``common`` holds the helpers they share); the evaluations register theirs from
``eventwire.evaluate.commands``. List a new module in ``COMMAND_MODULES`` to add its commands.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from eventwire.cli import actors, code, explain, places, serve, store, times
from eventwire.evaluate import commands as evaluations
from eventwire.extras import MissingExtraError
from eventwire.store.connection import StoreUnavailableError

# Modules adding subcommands, each with register(subparsers), in the order `--help` lists them.
COMMAND_MODULES = (code, evaluations, explain, places, times, store, serve, actors)


def version_line() -> str:
    """eventwire's version and the coder's (the version, a hash of the pattern files and the
    confidence calibration's version), as each event's ``coder_version`` records it."""
    from eventwire import __version__
    from eventwire.events.coder import coder_version
    from eventwire.events.patterns import pattern_book

    return f"eventwire {__version__} (coder {coder_version(pattern_book())})"


class VersionAction(argparse.Action):
    """``--version``: the coder's version needs the pattern files, so it is read only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="print eventwire's version and its coder's, then exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(version_line())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwire", description="Code who did what to whom, where and when, from the news."
    )
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "paths", None) == []:
        # As Unix filters do: no PATH reads a pipe or redirected file, never a terminal.
        if sys.stdin is None or sys.stdin.isatty():
            parser.error(f"{args.command}: the following arguments are required: PATH "
                         "(or documents on stdin)")
        args.paths = ["-"]
    try:
        return args.func(args)
    except BrokenPipeError:  # e.g. `eventwire code ... | head`
        return 0
    except MissingExtraError as error:  # one line naming what to install, not a traceback
        print(error, file=sys.stderr)
        return 2
    except StoreUnavailableError as error:  # no store there, or another process holds it
        print(f"eventwire {args.command}: {error}", file=sys.stderr)
        return 1
