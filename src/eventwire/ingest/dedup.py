"""Exact and near-duplicate articles: SHA-1 of the normalised text, MinHash LSH (datasketch).

A ``Deduplicator`` remembers the articles of a run; the store stage can seed it with the
signatures it already holds (``export_signatures``/``import_signatures``), so an article that is
already stored, or a syndicated copy of one, is recognised as such.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from eventwire.records import Article

WORDS = re.compile(r"\w+")
SHINGLE_WORDS = 5
NUM_PERM = 128
# Jaccard similarity of word 5-shingles above which two texts are one story (copies that differ
# by a byline, a credit line or a trimmed paragraph score well above it; different stories on
# the same event share few 5-word runs).
THRESHOLD = 0.7


def _words(text: str) -> list[str]:
    return WORDS.findall(text.casefold())


def text_digest(text: str) -> str:
    return hashlib.sha1(" ".join(_words(text)).encode("utf-8")).hexdigest()


def minhash(text: str, num_perm: int = NUM_PERM) -> MinHash:
    words = _words(text)
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
    }
    signature = MinHash(num_perm=num_perm)
    signature.update_batch(list(shingles))
    return signature


@dataclass
class Deduplicator:
    threshold: float = THRESHOLD
    num_perm: int = NUM_PERM
    _exact: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _signatures: dict[str, MinHash] = field(default_factory=dict, init=False, repr=False)
    _lsh: MinHashLSH = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)

    def __len__(self) -> int:
        return len(self._exact)

    def seen(self, article: Article) -> str | None:
        """The id of an earlier article with the same or nearly the same text, else None."""
        original = self._exact.get(text_digest(article.text))
        if original is not None:
            return original
        signature = minhash(article.text, self.num_perm)
        candidates = self._lsh.query(signature)
        if not candidates:
            return None
        # LSH candidates are likely matches; confirm with the estimated Jaccard similarity.
        best = max(candidates, key=lambda key: signature.jaccard(self._signatures[key]))
        return best if signature.jaccard(self._signatures[best]) >= self.threshold else None

    def add(self, article: Article) -> None:
        self._insert(article.id, text_digest(article.text), minhash(article.text, self.num_perm))

    def check(self, article: Article) -> str | None:
        """``seen`` then ``add`` when new: the id of the original, or None for a new article."""
        original = self.seen(article)
        if original is None:
            self.add(article)
        return original

    def _insert(self, article_id: str, digest: str, signature: MinHash) -> None:
        self._exact.setdefault(digest, article_id)
        if article_id not in self._signatures:
            self._signatures[article_id] = signature
            self._lsh.insert(article_id, signature)

    def export_signatures(self) -> list[dict[str, Any]]:
        """JSON-ready signatures: ``{"id", "sha1", "minhash": [int, ...]}`` per article."""
        digests = {article_id: digest for digest, article_id in self._exact.items()}
        return [
            {"id": key, "sha1": digests.get(key), "minhash": signature.hashvalues.tolist()}
            for key, signature in self._signatures.items()
        ]

    def import_signatures(self, signatures: Iterable[dict[str, Any]]) -> None:
        for item in signatures:
            values = np.asarray(item["minhash"], dtype=np.uint64)
            signature = MinHash(num_perm=len(values), hashvalues=values)
            self._insert(str(item["id"]), item.get("sha1") or "", signature)
