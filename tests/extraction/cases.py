"""Shapes shared by the golden case files."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Expect:
    speaker: str
    role: str
    cue: str
    content: str
    kind: str
    occurrence: int = 0  # which occurrence of `content` in the text (0 = first)

    def span(self, text: str) -> tuple[int, int]:
        start = -1
        for _ in range(self.occurrence + 1):
            start = text.index(self.content, start + 1)
        return start, start + len(self.content)


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    claims: tuple[Expect, ...] = field(default_factory=tuple)
