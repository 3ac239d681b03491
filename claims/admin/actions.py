"""Bulk actions of the claims list.

Every change is saved claim by claim through `Claim.save()`, so each one is
checked (offsets, workflow), bumps the claim's version (an editor with the
claim open gets a conflict instead of overwriting it) and writes its history
row. That is slower than one UPDATE, so a run is capped at BULK_LIMIT claims.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, gettext_noop, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from claims.admin.forms import AssignForm, ExportForm, SetStatusForm
from claims.models import Article, Claim, ClaimStatus
from claims.reports import FORMATS, Audience, Report, http_response

BULK_LIMIT = 500
# Stored untranslated in the history; the History page translates it.
PUBLISHED_REASON = gettext_noop("Published")
SHOWN_FAILURES = 15


def _claims(request, queryset):
    """The selected claims, loaded for saving; None (with a message) when too many."""
    count = queryset.count()
    if count > BULK_LIMIT:
        messages.error(
            request,
            gettext("Select at most %(limit)s claims for a bulk change (you selected %(count)s).")
            % {"limit": BULK_LIMIT, "count": count},
        )
        return None
    return list(
        Claim.objects.filter(pk__in=queryset.values("pk")).select_related("article", "speaker").order_by("pk")
    )


def _report(request, done, failures, done_message):
    """Say how many claims changed (`done_message` is an ngettext_lazy keyed on
    "count"), and list those that could not, with why."""
    if done:
        messages.success(request, done_message % {"count": done})
    if failures:
        shown = failures[:SHOWN_FAILURES]
        items = format_html_join(
            "",
            '<li><a href="{}">#{}</a> <span dir="auto">{}</span>: {}</li>',
            (
                (reverse("admin:claims_claim_change", args=[c.pk]), c.pk, _short(str(c)), " ".join(problems))
                for c, problems in shown
            ),
        )
        more = ""
        if len(failures) > len(shown):
            more = gettext("… and %(count)s more.") % {"count": len(failures) - len(shown)}
        messages.error(
            request,
            format_html(
                "{}<ul class='fc-failures'>{}</ul>{}",
                ngettext(
                    "%(count)s claim was not changed:",
                    "%(count)s claims were not changed:",
                    len(failures),
                )
                % {"count": len(failures)},
                items,
                more,
            ),
        )
    if not done and not failures:
        messages.info(request, gettext("Nothing needed to change."))


def _short(text, limit=70):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _intermediate(modeladmin, request, queryset, *, action, title, form, submit, note="", claims=None):
    """A confirmation page in the style of Django's delete_selected."""
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "opts": modeladmin.model._meta,
        "form": form,
        "action": action,
        "submit_label": submit,
        "note": note,
        "claims": list((queryset if claims is None else claims).select_related("speaker")[:50]),
        "count": (queryset if claims is None else claims).count(),
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "select_across": request.POST.get("select_across", "0"),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": modeladmin.media,
    }
    return TemplateResponse(request, "admin/claims/claim/action_form.html", context)


def _save(modeladmin, request, claim, fields, message):
    claim.save(update_fields=[*fields, "updated_at"])
    modeladmin.log_change(request, claim, message)


@admin.action(description=_("Assign the selected claims to me"), permissions=["change"])
def assign_to_me(modeladmin, request, queryset):
    claims = _claims(request, queryset)
    if claims is None:
        return None
    done = 0
    for claim in claims:
        if claim.assignee_id != request.user.pk:
            claim.assignee = request.user
            _save(modeladmin, request, claim, ["assignee"], gettext("Assigned to themselves."))
            done += 1
    _report(
        request,
        done,
        [],
        ngettext_lazy("Assigned %(count)s claim to you.", "Assigned %(count)s claims to you.", "count"),
    )
    return None


@admin.action(description=_("Assign the selected claims to…"), permissions=["assign"])
def assign_to(modeladmin, request, queryset):
    form = AssignForm(request.POST if "apply" in request.POST else None)
    if "apply" not in request.POST or not form.is_valid():
        return _intermediate(
            modeladmin,
            request,
            queryset,
            action="assign_to",
            title=gettext("Assign claims"),
            form=form,
            submit=gettext("Assign"),
        )
    claims = _claims(request, queryset)
    if claims is None:
        return None
    user = form.cleaned_data["assignee"]
    done = 0
    for claim in claims:
        if claim.assignee_id != (user.pk if user else None):
            claim.assignee = user
            name = (user.get_full_name() or user.get_username()) if user else gettext("nobody")
            _save(modeladmin, request, claim, ["assignee"], gettext("Assigned to %(name)s.") % {"name": name})
            done += 1
    _report(
        request,
        done,
        [],
        ngettext_lazy(
            "Changed the assignee of %(count)s claim.", "Changed the assignee of %(count)s claims.", "count"
        ),
    )
    return None


@admin.action(description=_("Set the status of the selected claims…"), permissions=["change"])
def set_status(modeladmin, request, queryset):
    form = SetStatusForm(request.POST if "apply" in request.POST else None)
    if "apply" not in request.POST or not form.is_valid():
        return _intermediate(
            modeladmin,
            request,
            queryset,
            action="set_status",
            title=gettext("Set status"),
            form=form,
            submit=gettext("Set status"),
            note=gettext(
                "Each claim is checked on its own: claims that cannot make this move are listed afterwards and left as they are."
            ),
        )
    claims = _claims(request, queryset)
    if claims is None:
        return None
    status = form.cleaned_data["status"]
    done, failures = 0, []
    for claim in claims:
        if claim.status == status:
            continue
        try:
            if claim.status == ClaimStatus.PUBLISHED and not request.user.has_perm("claims.publish_claim"):
                raise ValidationError(gettext("Only editors can withdraw a published claim."))
            claim.set_status(status, by=request.user)
            _save(
                modeladmin,
                request,
                claim,
                ["status"],
                gettext("Status set to “%(status)s”.") % {"status": ClaimStatus(status).label},
            )
            done += 1
        except (ValidationError, PermissionDenied) as exc:
            failures.append((claim, _messages(exc)))
    _report(
        request,
        done,
        failures,
        ngettext_lazy("Set the status of %(count)s claim.", "Set the status of %(count)s claims.", "count"),
    )
    return None


@admin.action(description=_("Publish the selected claims"), permissions=["publish"])
def publish(modeladmin, request, queryset):
    claims = _claims(request, queryset)
    if claims is None:
        return None
    done, failures = 0, []
    for claim in claims:
        if claim.status == ClaimStatus.PUBLISHED:
            continue
        try:
            claim._change_reason = PUBLISHED_REASON
            claim.publish(by=request.user)
            modeladmin.log_change(request, claim, gettext("Published."))
            done += 1
        except (ValidationError, PermissionDenied) as exc:
            failures.append((claim, _messages(exc)))
    _report(
        request,
        done,
        failures,
        ngettext_lazy("Published %(count)s claim.", "Published %(count)s claims.", "count"),
    )
    return None


def _messages(exc):
    return exc.messages if isinstance(exc, ValidationError) else [str(exc)]


# --- Export ------------------------------------------------------------------
# The formats are the reports module's; the desk chooses the audience. The
# internal one (notes, drafts, assignees) needs the right to edit claims.


def export_formats():
    return [(fmt.key, fmt.label) for fmt in FORMATS.values()]


def export_audiences(user):
    return [(audience.value, audience.label) for audience in Audience.readable_by(user)]


def export_claims(claims, fmt, audience=Audience.INTERNAL, title=""):
    """A download of the claims (a queryset) as a report in `fmt`."""
    return http_response(Report.for_claims(claims, audience, title), fmt, attachment=True)


def _export(modeladmin, request, queryset, claims, action, title):
    form = ExportForm(
        request.POST if "apply" in request.POST else None,
        formats=export_formats(),
        audiences=export_audiences(request.user),
    )
    if "apply" not in request.POST or not form.is_valid():
        return _intermediate(
            modeladmin,
            request,
            queryset,
            action=action,
            title=title,
            form=form,
            submit=gettext("Download"),
            claims=claims,
        )
    data = form.cleaned_data
    articles = list(queryset[:2]) if queryset.model is Article else []
    if len(articles) == 1:  # one article: its own report, titled and laid out as such
        return http_response(
            Report.for_article(articles[0], data["audience"]), data["format"], attachment=True
        )
    return export_claims(claims, data["format"], data["audience"])


@admin.action(description=_("Export the selected claims…"), permissions=["view"])
def export_selected(modeladmin, request, queryset):
    return _export(modeladmin, request, queryset, queryset, "export_selected", gettext("Export claims"))


@admin.action(description=_("Export the report of the selected articles…"), permissions=["view"])
def export_articles(modeladmin, request, queryset):
    claims = Claim.objects.filter(article__in=queryset)
    return _export(modeladmin, request, queryset, claims, "export_articles", gettext("Export report"))
