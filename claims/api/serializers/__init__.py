"""The shapes the API reads and writes. One serializer per shape, explicit fields.

Related rows are written as ids and read as small objects (`NestedId`).
What a client must never write (authors, timestamps, versions, hashes, slugs,
the offsets of extracted claims) is read-only; an unknown field is an error
rather than silently dropped, so a typo such as "asignee" is caught.

The shapes live in modules by concept; every name is importable from here.
"""

from claims.api.serializers.articles import (
    ArticleDetailSerializer,
    ArticleIngestSerializer,
    ArticleSerializer,
    ClaimInArticleSerializer,
    ReextractResultSerializer,
    RemovedClaimSerializer,
)
from claims.api.serializers.base import (
    FastRepresentation,
    ImmutableFieldsMixin,
    NestedId,
    RatingBriefSerializer,
    SourceBriefSerializer,
    SpeakerBriefSerializer,
    StrictFieldsMixin,
    User,
    UserBriefSerializer,
    iso_date,
    iso_datetime,
    rating_brief,
    run_model_validation,
    source_brief,
    speaker_brief,
    user_brief,
)
from claims.api.serializers.catalogue import (
    RatingSerializer,
    SourceSerializer,
    SpeakerMergeSerializer,
    SpeakerSerializer,
)
from claims.api.serializers.claims import (
    ClaimDetailSerializer,
    ClaimSerializer,
    ClaimSourceSerializer,
    ClaimWriteSerializer,
    CurrentRatingsMixin,
    CurrentVerdictsSerializer,
    VerdictSerializer,
)
from claims.api.serializers.reviews import NoteSerializer, VerdictWriteSerializer
from claims.api.serializers.service import HealthSerializer, MeSerializer

__all__ = [
    "ArticleDetailSerializer",
    "ArticleIngestSerializer",
    "ArticleSerializer",
    "ClaimDetailSerializer",
    "ClaimInArticleSerializer",
    "ClaimSerializer",
    "ClaimSourceSerializer",
    "ClaimWriteSerializer",
    "CurrentRatingsMixin",
    "CurrentVerdictsSerializer",
    "FastRepresentation",
    "HealthSerializer",
    "ImmutableFieldsMixin",
    "MeSerializer",
    "NestedId",
    "NoteSerializer",
    "RatingBriefSerializer",
    "RatingSerializer",
    "ReextractResultSerializer",
    "RemovedClaimSerializer",
    "SourceBriefSerializer",
    "SourceSerializer",
    "SpeakerBriefSerializer",
    "SpeakerMergeSerializer",
    "SpeakerSerializer",
    "StrictFieldsMixin",
    "User",
    "UserBriefSerializer",
    "VerdictSerializer",
    "VerdictWriteSerializer",
    "iso_date",
    "iso_datetime",
    "rating_brief",
    "run_model_validation",
    "source_brief",
    "speaker_brief",
    "user_brief",
]
