"""The newsroom's shared catalogue: evidence sources, speakers and the rating scales."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action

from claims.api.cache import ReadCacheMixin
from claims.api.etags import (
    ConditionalWriteMixin,
    check_if_match,
    locked_if_current,
    require_if_match,
)
from claims.api.filters import SourceFilter, SpeakerFilter
from claims.api.serializers import (
    RatingSerializer,
    SourceSerializer,
    SpeakerMergeSerializer,
    SpeakerSerializer,
)
from claims.api.views import ApiViewSet, count_of
from claims.models import (
    Claim,
    ClaimSource,
    Rating,
    Source,
    Speaker,
)


class SourceViewSet(
    ReadCacheMixin,
    ConditionalWriteMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    ApiViewSet,
):
    """Evidence: documents, transcripts, statements, datasets. A source linked to a claim cannot be deleted."""

    queryset = Source.objects.all()
    serializer_class = SourceSerializer
    filterset_class = SourceFilter
    ordering_fields = ["created_at", "published_at", "title", "id"]
    ordering = ["-created_at", "-id"]
    conflict_actions = {"create", "update", "partial_update", "destroy"}

    def get_queryset(self):
        return Source.objects.select_related("created_by").annotate(
            claim_count=count_of(ClaimSource, "source")
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        source = Source(created_by=request.user, **serializer.validated_data)
        source.save()
        source = self.refreshed(source)
        location = request.build_absolute_uri(f"{request.path.rstrip('/')}/{source.pk}/")
        return self.detail_response(source, status=status.HTTP_201_CREATED, headers={"Location": location})


# Speakers and ratings -----------------------------------------------------------------


@extend_schema_view(
    merge=extend_schema(
        request=SpeakerMergeSerializer,
        responses=SpeakerSerializer,
        description=_(
            "Fold another speaker into this one (editors): its claims and names move here and it is deleted."
        ),
    )
)
class SpeakerViewSet(
    ReadCacheMixin,
    ConditionalWriteMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    ApiViewSet,
):
    """The people and bodies claims are attributed to, one row per source across articles."""

    queryset = Speaker.objects.all()
    serializer_class = SpeakerSerializer
    filterset_class = SpeakerFilter
    ordering_fields = ["name", "created_at", "id"]
    ordering = ["name", "id"]
    action_permissions = {"merge": ["claims.merge_speakers", "claims.change_claim"]}
    conflict_actions = {"create", "update", "partial_update", "destroy", "merge"}
    if_match_actions = {"merge"}

    def get_queryset(self):
        return Speaker.objects.annotate(claim_count=count_of(Claim, "speaker"))

    def get_serializer_class(self):
        return SpeakerMergeSerializer if self.action == "merge" else SpeakerSerializer

    read_serializer_class = SpeakerSerializer

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        speaker = Speaker(**serializer.validated_data)
        speaker.save()
        speaker = self.refreshed(speaker)
        location = request.build_absolute_uri(f"{request.path.rstrip('/')}/{speaker.pk}/")
        return self.detail_response(speaker, status=status.HTTP_201_CREATED, headers={"Location": location})

    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        speaker = self.get_object()
        token = check_if_match(request, speaker)
        serializer = SpeakerMergeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with locked_if_current(speaker, token):
            speaker.merge(serializer.validated_data["other"], by=request.user)
        return self.detail_response(self.refreshed(speaker))


class RatingViewSet(ReadCacheMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    """The two rating scales (attribution, content). Newsrooms edit them in the admin."""

    queryset = Rating.objects.all()
    serializer_class = RatingSerializer
    filterset_fields = ["scale"]
    ordering_fields = ["scale", "order", "value", "id"]
    ordering = ["scale", "order", "id"]


__all__ = ["require_if_match", "serializers"]
