"""The workbench's data: articles, the claims found in them, and the newsroom's
verdicts, evidence and notes about those claims.

One module per concept; every model and choice is importable from here.
"""

from claims.models.articles import Article, language_code_validator
from claims.models.claims import (
    STATUS_TRANSITIONS,
    Claim,
    ClaimKind,
    ClaimOrigin,
    ClaimQuerySet,
    ClaimStatus,
)
from claims.models.evidence import ClaimSource, Note, Source, SourceKind, Stance
from claims.models.speakers import Speaker, SpeakerKind, SpeakerQuerySet
from claims.models.verdicts import (
    Rating,
    Scale,
    Verdict,
    VerdictLocked,
    VerdictQuerySet,
    VerdictStatus,
    colour_validator,
    refuse_deleting_published_verdicts,
)
from claims.models.versioning import StaleVersion, VersionedModel

__all__ = [
    "STATUS_TRANSITIONS",
    "Article",
    "Claim",
    "ClaimKind",
    "ClaimOrigin",
    "ClaimQuerySet",
    "ClaimSource",
    "ClaimStatus",
    "Note",
    "Rating",
    "Scale",
    "Source",
    "SourceKind",
    "Speaker",
    "SpeakerKind",
    "SpeakerQuerySet",
    "StaleVersion",
    "Stance",
    "Verdict",
    "VerdictLocked",
    "VerdictQuerySet",
    "VerdictStatus",
    "VersionedModel",
    "colour_validator",
    "language_code_validator",
    "refuse_deleting_published_verdicts",
]
