"""Exact and near-duplicate articles: SHA-1 of the normalised text, MinHash LSH (datasketch).

A ``Deduplicator`` remembers the articles of a run; the store stage can seed it with the
signatures it already holds (``export_signatures``/``import_signatures``, JSON-ready), so an
article that is already stored, or a syndicated copy of one, is recognised as such.
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
SCHEME = "affine32"  # datasketch's permutation scheme; stored signatures must share it
# LSH finds candidates with a Jaccard similarity of word 5-shingles above CANDIDATE_THRESHOLD;
# a candidate is the same story when the estimated Jaccard similarity, or the share of the
# shorter text contained in the longer (a syndicated copy trimmed by a paragraph, with a byline
# or a credit line added), reaches SAME_STORY. Different stories on one event share few 5-word
# runs and stay far below.
CANDIDATE_THRESHOLD = 0.5
SAME_STORY = 0.8


def _words(text: str) -> list[str]:
    return WORDS.findall(text.casefold())


def text_digest(text: str) -> str:
    return hashlib.sha1(" ".join(_words(text)).encode("utf-8")).hexdigest()


@dataclass
class Signature:
    digest: str
    minhash: MinHash
    size: int  # number of distinct shingles (for containment)


def signature(text: str, num_perm: int = NUM_PERM) -> Signature:
    words = _words(text)
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
    }
    sketch = MinHash(num_perm=num_perm, scheme=SCHEME)
    sketch.update_batch(list(shingles))
    return Signature(text_digest(text), sketch, len(shingles))


def overlap(first: Signature, second: Signature) -> float:
    """The larger of the Jaccard similarity and the containment of the smaller shingle set."""
    jaccard = first.minhash.jaccard(second.minhash)
    # |A ∩ B| = J (|A| + |B|) / (1 + J)
    common = jaccard * (first.size + second.size) / (1 + jaccard)
    return max(jaccard, min(1.0, common / max(1, min(first.size, second.size))))


@dataclass
class Deduplicator:
    num_perm: int = NUM_PERM
    same_story: float = SAME_STORY
    _exact: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _signatures: dict[str, Signature] = field(default_factory=dict, init=False, repr=False)
    _lsh: MinHashLSH = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=self.num_perm)

    def __len__(self) -> int:
        return len(self._signatures)

    def _original_of(self, sig: Signature) -> str | None:
        original = self._exact.get(sig.digest)
        if original is not None:
            return original
        candidates = self._lsh.query(sig.minhash)
        scored = [(overlap(sig, self._signatures[key]), key) for key in candidates]
        best = max(scored, default=(0.0, None))
        return best[1] if best[0] >= self.same_story else None

    def seen(self, article: Article) -> str | None:
        """The id of an earlier article with the same or nearly the same text, else None."""
        return self._original_of(signature(article.text, self.num_perm))

    def add(self, article: Article) -> None:
        self._insert(article.id, signature(article.text, self.num_perm))

    def check(self, article: Article) -> str | None:
        """``seen``, then ``add`` when new: the id of the original, or None for a new article."""
        sig = signature(article.text, self.num_perm)
        original = self._original_of(sig)
        if original is None:
            self._insert(article.id, sig)
        return original

    def _insert(self, article_id: str, sig: Signature) -> None:
        if article_id in self._signatures:
            return
        self._exact.setdefault(sig.digest, article_id)
        self._signatures[article_id] = sig
        self._lsh.insert(article_id, sig.minhash)

    def export_signatures(self) -> list[dict[str, Any]]:
        """``{"id", "sha1", "shingles", "minhash": [int, ...]}`` per article, JSON-ready."""
        return [
            {"id": key, "sha1": sig.digest, "shingles": sig.size,
             "minhash": sig.minhash.hashvalues.tolist()}
            for key, sig in self._signatures.items()
        ]

    def import_signatures(self, signatures: Iterable[dict[str, Any]]) -> None:
        for item in signatures:
            values = np.asarray(item["minhash"], dtype=np.uint64)
            sketch = MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME)
            self._insert(str(item["id"]), Signature(item["sha1"], sketch, int(item["shingles"])))
