"""The ``serve`` command: the JSON API and the dashboard over a store, with uvicorn (the api stage)."""

from __future__ import annotations

import argparse
import sys

from eventwire.extras import require_extra

WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")


def run_serve(args: argparse.Namespace) -> int:
    require_extra("serve", "eventwire serve")
    import uvicorn

    from eventwire.api.app import create_app

    allowed = list(args.allow_host)
    if args.host not in WILDCARD_ADDRESSES:
        allowed.append(args.host)  # the address served on is the name clients use
    print(f"eventwire serve: {args.db} at http://{args.host}:{args.port}/ "
          f"(OpenAPI at /openapi.json)", file=sys.stderr, flush=True)
    uvicorn.run(create_app(args.db, allowed_hosts=allowed), host=args.host, port=args.port,
                log_level=args.log_level, workers=1)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser("serve", help="serve the JSON API and dashboard over a store")
    serve.add_argument("--db", default="events.duckdb",
                       help="database file (default events.duckdb)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                       help="accept requests for this host name besides localhost, 127.0.0.1 "
                       "and --host (repeatable; *.example.org for subdomains); others get 400")
    serve.add_argument("--log-level", default="warning",
                       choices=("critical", "error", "warning", "info", "debug"))
    serve.set_defaults(func=run_serve)
