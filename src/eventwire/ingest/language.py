"""Language identification with py3langid (the coder reads English only)."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

# Below these, the identifier's answer is too unsure to skip an article on it.
MIN_CHARACTERS = 200
MIN_CONFIDENCE = 0.90
SAMPLE_CHARACTERS = 5000


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or unsure to tell."""
    sample = text[:SAMPLE_CHARACTERS]
    if len(sample.strip()) < MIN_CHARACTERS:
        return None
    language, confidence = identifier().classify(sample)
    return language if confidence >= MIN_CONFIDENCE else None
