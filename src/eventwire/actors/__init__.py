"""Actors stage: find who is who in a parsed article.

Public surface:
- ``ActorResolver.default()``: the resolver with the packaged dictionaries, loaded once.
- ``ActorResolver.annotate(parsed) -> ArticleActors``: resolves every actor mention of an article.
- ``ArticleActors.actor_at(token)``: the ``Actor`` whose noun phrase ``token`` heads, or None.
- ``ArticleActors.mentions()``: every resolved actor mention, in document order.
"""

from eventwire.actors.resolve import ActorResolver, ArticleActors

__all__ = ["ActorResolver", "ArticleActors"]
