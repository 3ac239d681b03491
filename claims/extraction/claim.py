"""The result type of extraction."""

from __future__ import annotations

from dataclasses import asdict, dataclass

KINDS = ("direct", "indirect", "mixed")
SPEAKER_KINDS = ("person", "organisation", "place", "document", "unnamed")


@dataclass(frozen=True)
class ExtractedClaim:
    """One attributed claim. `text[start:end] == content` always holds for
    the text it was extracted from."""

    speaker: str
    speaker_role: str
    cue: str
    content: str
    kind: str
    start: int
    end: int
    sentence: int
    confidence: float
    headline: str = ""
    speaker_kind: str = "unnamed"
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        return d
