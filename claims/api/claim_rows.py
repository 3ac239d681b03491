"""The rows of a claim's review, nested under claims/{claim_pk}/: verdicts,
evidence links and notes."""

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action

from claims.api.cache import ReadCacheMixin
from claims.api.etags import (
    ConditionalWriteMixin,
    check_if_match,
    locked_if_current,
    save_if_current,
)
from claims.api.permissions import IsAuthor, ModelPermissions
from claims.api.serializers import (
    ClaimSourceSerializer,
    NoteSerializer,
    VerdictSerializer,
    VerdictWriteSerializer,
)
from claims.api.views import CLAIM_PK, ApiViewSet, require
from claims.models import (
    Claim,
    ClaimSource,
    Note,
    Verdict,
    VerdictStatus,
)


class ClaimChildMixin:
    """Views of rows that belong to one claim: claims/{claim_pk}/…"""

    def get_claim(self):
        if not hasattr(self, "_claim"):
            self._claim = get_object_or_404(
                Claim.objects.select_related("article"), pk=self.kwargs["claim_pk"]
            )
        return self._claim

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if "claim_pk" in self.kwargs:
            context["claim"] = self.get_claim()
        return context

    def list(self, request, *args, **kwargs):
        self.get_claim()  # 404 for a claim that does not exist, not an empty list
        return mixins.ListModelMixin.list(self, request, *args, **kwargs)


# Verdicts --------------------------------------------------------------------------


@extend_schema(parameters=[CLAIM_PK])
@extend_schema_view(
    create=extend_schema(request=VerdictWriteSerializer, responses={201: VerdictSerializer}),
    update=extend_schema(request=VerdictWriteSerializer, responses=VerdictSerializer),
    partial_update=extend_schema(request=VerdictWriteSerializer, responses=VerdictSerializer),
)
class VerdictViewSet(
    ReadCacheMixin,
    ClaimChildMixin,
    ConditionalWriteMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    ApiViewSet,
):
    """A claim's verdicts, newest first: the latest on each scale is current, the rest is history."""

    queryset = Verdict.objects.all()
    filter_backends = []
    action_permissions = {"publish": ["claims.publish_verdict"]}
    conflict_actions = {"update", "partial_update", "destroy"}
    if_match_actions = {"publish"}
    read_serializer_class = VerdictSerializer

    def get_queryset(self):
        return (
            Verdict.objects.filter(claim_id=self.kwargs["claim_pk"])
            .select_related("rating", "author", "claim__article")
            .order_by("-id")
        )

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return VerdictWriteSerializer
        return VerdictSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if "claim_pk" in self.kwargs:
            context["current_verdict_ids"] = set(
                Verdict.objects.filter(claim_id=self.kwargs["claim_pk"])
                .current()
                .values_list("pk", flat=True)
            )
        return context

    def create(self, request, *args, **kwargs):
        claim = self.get_claim()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        attrs = dict(serializer.validated_data)
        publish = attrs.pop("status", VerdictStatus.DRAFT) == VerdictStatus.PUBLISHED
        if publish:
            require(request.user, "claims.publish_verdict")
        if attrs.get("corrects") is None:
            # A new verdict after a published one is a correction of it.
            current = claim.current_verdict(attrs["scale"])
            if current is not None and current.status == VerdictStatus.PUBLISHED:
                attrs["corrects"] = current
        verdict = Verdict(claim=claim, author=request.user, status=VerdictStatus.DRAFT, **attrs)
        with transaction.atomic():
            verdict.save()
            if publish:
                verdict.publish(by=request.user)
        verdict = self.refreshed(verdict)
        location = request.build_absolute_uri(f"{request.path.rstrip('/')}/{verdict.pk}/")
        return self.detail_response(verdict, status=status.HTTP_201_CREATED, headers={"Location": location})

    def perform_conditional_update(self, serializer, token):
        verdict = serializer.instance
        attrs = dict(serializer.validated_data)
        publish = attrs.pop("status", verdict.status) == VerdictStatus.PUBLISHED
        if publish and verdict.status == VerdictStatus.DRAFT:
            require(self.request.user, "claims.publish_verdict")
        for name, value in attrs.items():
            setattr(verdict, name, value)
        if publish and verdict.status == VerdictStatus.DRAFT:
            with locked_if_current(verdict, token):
                verdict.publish(by=self.request.user)
            return verdict
        save_if_current(verdict, token)
        return verdict

    @extend_schema(
        request=None, responses=VerdictSerializer, description=_("Publish a draft verdict (editors).")
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, claim_pk=None, pk=None):
        verdict = self.get_object()
        token = check_if_match(request, verdict)
        with locked_if_current(verdict, token):
            verdict.publish(by=request.user)
        return self.detail_response(self.refreshed(verdict))


# Evidence and notes ------------------------------------------------------------------


@extend_schema(parameters=[CLAIM_PK])
class ClaimSourceViewSet(
    ReadCacheMixin,
    ClaimChildMixin,
    ConditionalWriteMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    ApiViewSet,
):
    """The sources linked to a claim as evidence, each with its stance. DELETE unlinks (the source stays)."""

    queryset = ClaimSource.objects.all()
    serializer_class = ClaimSourceSerializer
    filter_backends = []
    conflict_actions = {"create"}

    def get_queryset(self):
        return (
            ClaimSource.objects.filter(claim_id=self.kwargs["claim_pk"])
            .select_related("source", "added_by")
            .order_by("id")
        )

    def create(self, request, *args, **kwargs):
        claim = self.get_claim()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        link = ClaimSource(claim=claim, added_by=request.user, **serializer.validated_data)
        link.save()
        link = self.refreshed(link)
        location = request.build_absolute_uri(f"{request.path.rstrip('/')}/{link.pk}/")
        return self.detail_response(link, status=status.HTTP_201_CREATED, headers={"Location": location})


@extend_schema(parameters=[CLAIM_PK])
class NoteViewSet(
    ReadCacheMixin,
    ClaimChildMixin,
    ConditionalWriteMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    ApiViewSet,
):
    """The newsroom's internal notes on a claim. Only a note's author may edit or delete it."""

    queryset = Note.objects.all()
    serializer_class = NoteSerializer
    permission_classes = [ModelPermissions, IsAuthor]
    filter_backends = []

    def get_queryset(self):
        return (
            Note.objects.filter(claim_id=self.kwargs["claim_pk"])
            .select_related("author")
            .order_by("created_at", "id")
        )

    def create(self, request, *args, **kwargs):
        claim = self.get_claim()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        note = Note(claim=claim, author=request.user, **serializer.validated_data)
        note.save()
        location = request.build_absolute_uri(f"{request.path.rstrip('/')}/{note.pk}/")
        return self.detail_response(note, status=status.HTTP_201_CREATED, headers={"Location": location})
