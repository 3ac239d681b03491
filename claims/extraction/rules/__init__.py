"""Registry of the languages the extractor knows."""

from __future__ import annotations

from . import ar, en
from .base import LanguageRules

REGISTRY: dict[str, LanguageRules] = {ar.RULES.code: ar.RULES, en.RULES.code: en.RULES}
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(sorted(REGISTRY))


class UnsupportedLanguage(ValueError):
    """Raised for a language code (or a script) the extractor has no rules for."""

    def __init__(self, language: str):
        self.language = language
        supported = ", ".join(SUPPORTED_LANGUAGES)
        super().__init__(f"unsupported language {language!r}; supported languages: {supported}")


def get_rules(language: str) -> LanguageRules:
    """The rules for a language code such as "ar", "en" or "en-GB"."""
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    try:
        return REGISTRY[code]
    except KeyError:
        raise UnsupportedLanguage(language) from None
