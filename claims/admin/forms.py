"""The review desk's forms: what a fact-checker may type, and the checks on it."""

import copy

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.admin.versioning import VersionedModelForm
from claims.ingest import IngestError, default_title, detect_language, validate_text
from claims.models import (
    STATUS_TRANSITIONS,
    Article,
    Claim,
    ClaimKind,
    ClaimSource,
    ClaimStatus,
    Note,
    Rating,
    Scale,
    Speaker,
    Verdict,
    VerdictStatus,
)
from claims.normalise import content_hash


def newsroom_users():
    """People a claim can be assigned to: active staff."""
    return get_user_model().objects.filter(is_active=True, is_staff=True).order_by("username")


class ArticleChangeForm(VersionedModelForm):
    """An article's metadata; its text never changes after ingestion."""

    class Meta:
        model = Article
        fields = ["title", "url", "publisher", "published_at", "language"]


class SpeakerForm(VersionedModelForm):
    class Meta:
        model = Speaker
        fields = ["name", "aliases", "kind", "description"]


class ArticleAddForm(forms.ModelForm):
    """New articles go through ingestion's checks: valid text, never a duplicate."""

    class Meta:
        model = Article
        fields = ["title", "url", "publisher", "published_at", "language", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].required = False
        self.fields["language"].help_text = _("Detected from the text when left empty.")
        self.fields["title"].required = False
        self.fields["title"].help_text = _("The first line of the text when left empty.")
        self.fields["text"].strip = False
        self.fields["text"].widget.attrs.update({"dir": "auto", "rows": 16})

    def clean_text(self):
        try:
            text = validate_text(self.cleaned_data["text"])
        except IngestError as exc:
            raise ValidationError(str(exc)) from None
        duplicate = Article.objects.filter(content_hash=content_hash(text)).first()
        if duplicate:
            raise ValidationError(_("This text is already stored as “%(title)s”.") % {"title": duplicate})
        return text

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("text"):
            cleaned["language"] = cleaned.get("language") or detect_language(cleaned["text"])
            cleaned["title"] = cleaned.get("title") or default_title(cleaned["text"])
            self.instance.language = cleaned["language"]
            self.instance.title = cleaned["title"]
        return cleaned


class AddClaimForm(forms.Form):
    """A claim marked by selecting text on the article page.

    The browser sends code-point offsets and the text it believes is between
    them; the server checks both against the stored text, so a selection made
    on a stale or mis-rendered page never becomes a wrong span.
    """

    start = forms.IntegerField(label=_("start offset"), min_value=0)
    end = forms.IntegerField(label=_("end offset"), min_value=0)
    content = forms.CharField(label=_("selected text"), strip=False, required=False)
    speaker = forms.CharField(label=_("Speaker"), max_length=300, required=False)
    cue = forms.CharField(label=_("Reporting cue"), max_length=100, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=ClaimKind.choices, initial=ClaimKind.INDIRECT)

    def __init__(self, *args, article, **kwargs):
        self.article = article
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        text = self.article.text
        start, end = cleaned["start"], cleaned["end"]
        if not (0 <= start < end <= len(text)):
            raise ValidationError(
                gettext("The selection %(start)s–%(end)s is outside the article (0–%(length)s).")
                % {"start": start, "end": end, "length": len(text)}
            )
        if text[start:end] != cleaned["content"]:
            raise ValidationError(
                gettext(
                    "The selection does not match the article's text at those offsets; reload the page and select again."
                )
            )
        # A selection usually catches a space or a line end at its edges.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            raise ValidationError(gettext("The selection is only white space."))
        cleaned["start"], cleaned["end"], cleaned["content"] = start, end, text[start:end]
        same = Claim.objects.filter(article=self.article, start=start, end=end).first()
        if same is not None:
            raise ValidationError(
                gettext("Claim #%(id)s already covers exactly this text.") % {"id": same.pk}, code="duplicate"
            )
        return cleaned


class ClaimForm(VersionedModelForm):
    """The claim change form: status moves are checked against the workflow."""

    request = None  # bound per request by ClaimAdmin.get_form
    # Declared, so the admin adds no links to edit or add user accounts here.
    assignee = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(), required=False, label=capfirst(_("assignee"))
    )

    class Meta:
        model = Claim
        fields = [
            "article",
            "speaker",
            "speaker_text",
            "speaker_role",
            "cue",
            "content",
            "kind",
            "start",
            "end",
            "headline",
            "status",
            "assignee",
            "origin",
            "sentence",
            "confidence",
        ]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
            "headline": forms.TextInput(attrs={"dir": "auto", "class": "vLargeTextField"}),
            "speaker_text": forms.TextInput(attrs={"dir": "auto"}),
            "speaker_role": forms.TextInput(attrs={"dir": "auto", "class": "vLargeTextField"}),
            "cue": forms.TextInput(attrs={"dir": "auto"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        original = self.instance.status if self.instance.pk else ClaimStatus.NEW
        if "status" in self.fields:
            # Publishing has its own button and checks; the list offers it only
            # to a claim that is already published (so it can be withdrawn).
            self.fields["status"].choices = [
                (value, label)
                for value, label in ClaimStatus.choices
                if value != ClaimStatus.PUBLISHED or original == ClaimStatus.PUBLISHED
            ]
            onward = [
                ClaimStatus(s).label for s in ClaimStatus if s in STATUS_TRANSITIONS[ClaimStatus(original)]
            ]
            if self.instance.pk:
                self.fields["status"].help_text = gettext(
                    "From “%(status)s” a claim can go to: %(next)s."
                ) % {
                    "status": ClaimStatus(original).label,
                    "next": ", ".join(str(label) for label in onward),
                }
        if "assignee" in self.fields:
            users = newsroom_users()
            user = self.request.user if self.request else None
            if user is not None and not user.has_perm("claims.assign_claim"):
                # Without the assign permission one can take a claim or let it go.
                keep = [user.pk] + ([self.instance.assignee_id] if self.instance.assignee_id else [])
                users = users.filter(pk__in=keep)
                self.fields["assignee"].help_text = gettext("Only editors assign claims to others.")
            self.fields["assignee"].queryset = users

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk or "status" not in cleaned:
            return cleaned
        old, new = self.instance.status, cleaned["status"]
        if new == old:
            return cleaned
        user = self.request.user if self.request else None
        if old == ClaimStatus.PUBLISHED and user is not None and not user.has_perm("claims.publish_claim"):
            self.add_error("status", gettext("Only editors can withdraw a published claim."))
            return cleaned
        if new == ClaimStatus.PUBLISHED:
            self.add_error("status", gettext("Use the Publish button to publish a claim."))
            return cleaned
        probe = copy.copy(self.instance)
        try:
            probe.set_status(new)
        except ValidationError as exc:
            self.add_error(None, exc)
        return cleaned


class RatingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, rating):
        return rating.display_label


def grouped_rating_choices(queryset):
    """Ratings grouped by scale, for a <select> with one <optgroup> per scale."""
    choices = [("", "---------")]
    for scale in Scale:
        group = [(r.pk, r.display_label) for r in queryset if r.scale == scale]
        if group:
            choices.append((Scale(scale).label, group))
    return choices


class VerdictInlineForm(VersionedModelForm):
    """A verdict row on the claim page. Published verdicts are shown, never edited."""

    # Declared, so the admin does not wrap it with edit/add links to the ratings.
    rating = RatingChoiceField(queryset=Rating.objects.all(), label=_("Rating"))

    class Meta:
        model = Verdict
        fields = ["rating", "explanation"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 2, "cols": 48, "dir": "auto"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = grouped_rating_choices(list(Rating.objects.all()))
        if self.instance.pk and self.instance.status == VerdictStatus.PUBLISHED:
            for name in self.fields:
                self.fields[name].disabled = True

    def clean(self):
        cleaned = super().clean()
        rating = cleaned.get("rating")
        if rating is None:
            return cleaned
        verdict = self.instance
        if verdict.pk and verdict.scale != rating.scale:
            self.add_error(
                "rating", gettext("A verdict keeps its scale; add a new verdict for the other scale.")
            )
            return cleaned
        verdict.scale = rating.scale
        if verdict.pk is None and verdict.claim_id is not None:
            # A new verdict over a published one is its correction.
            current = verdict.claim.current_verdict(rating.scale)
            if current is not None and current.status == VerdictStatus.PUBLISHED:
                verdict.corrects = current
        return cleaned


class NoteInlineForm(VersionedModelForm):
    request = None

    class Meta:
        model = Note
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 2, "cols": 60, "dir": "auto"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user if self.request else None
        if self.instance.pk and user is not None and not self.instance.can_edit(user):
            for name in self.fields:
                self.fields[name].disabled = True


class ClaimSourceInlineForm(VersionedModelForm):
    class Meta:
        model = ClaimSource
        fields = ["source", "stance", "excerpt", "note"]
        widgets = {
            "excerpt": forms.Textarea(attrs={"rows": 2, "cols": 26, "dir": "auto"}),
            "note": forms.Textarea(attrs={"rows": 2, "cols": 16, "dir": "auto"}),
        }


class CorrectVerdictForm(forms.Form):
    rating = RatingChoiceField(queryset=Rating.objects.none(), label=_("Corrected rating"))
    explanation = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("Say what was wrong with the published verdict and what changed."),
    )

    def __init__(self, *args, verdict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].queryset = Rating.objects.filter(scale=verdict.scale)
        self.fields["rating"].initial = verdict.rating_id


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        label=_("Assign to"),
        empty_label=_("nobody (unassign)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = newsroom_users()


class SetStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[(v, label) for v, label in ClaimStatus.choices if v != ClaimStatus.PUBLISHED],
    )


class ExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=[])
    audience = forms.ChoiceField(
        label=_("Audience"),
        choices=[],
        help_text=_("Public: published verdicts only, no notes or names. Internal: everything."),
    )

    def __init__(self, *args, formats, audiences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = formats
        self.fields["audience"].choices = audiences
        self.fields["audience"].initial = audiences[0][0]


class MergeSpeakersForm(forms.Form):
    into = forms.ModelChoiceField(queryset=None, label=_("Keep this speaker"), empty_label=None)

    def __init__(self, *args, speakers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = speakers
