"""The default rating scales. Newsrooms may edit or extend them in the admin."""

from django.db import migrations
from django.utils.translation import gettext_noop

# (slug, label, value, colour, description); value is the ClaimReview
# ratingValue (1 = worst), 0 for ratings that are off the ordinal scale.
ATTRIBUTION = [
    ("accurate-quote", gettext_noop("Accurate quote"), 5, "#1a7f37",
     gettext_noop("The speaker said this, in these words.")),
    ("paraphrase-faithful", gettext_noop("Paraphrase faithful"), 4, "#4c9a2a",
     gettext_noop("Not the speaker's words, but a faithful rendering of what they said.")),
    ("misquoted", gettext_noop("Misquoted"), 2, "#d1242f",
     gettext_noop("The speaker said something materially different.")),
    ("out-of-context", gettext_noop("Out of context"), 3, "#e36209",
     gettext_noop("The words are real but their context changes their meaning.")),
    ("misattributed", gettext_noop("Misattributed"), 1, "#a40e26",
     gettext_noop("Someone else said it, or nobody did.")),
    ("unverifiable", gettext_noop("Unverifiable"), 0, "#6e7781",
     gettext_noop("No record could confirm or refute that the speaker said it.")),
]
CONTENT = [
    ("true", gettext_noop("True"), 6, "#1a7f37", gettext_noop("Accurate, with nothing significant missing.")),
    ("mostly-true", gettext_noop("Mostly true"), 5, "#4c9a2a",
     gettext_noop("Accurate but needs clarification or additional information.")),
    ("half-true", gettext_noop("Half true"), 4, "#bf8700",
     gettext_noop("Partially accurate but leaves out important details.")),
    ("misleading", gettext_noop("Misleading"), 3, "#e36209",
     gettext_noop("Contains accurate elements but gives a false impression.")),
    ("mostly-false", gettext_noop("Mostly false"), 2, "#d1242f",
     gettext_noop("An element of truth, but ignores facts that change the picture.")),
    ("false", gettext_noop("False"), 1, "#a40e26", gettext_noop("Not accurate.")),
    ("unproven", gettext_noop("Unproven"), 0, "#6e7781",
     gettext_noop("The evidence available neither proves nor disproves it.")),
]


def add_ratings(apps, schema_editor):
    Rating = apps.get_model("claims", "Rating")
    for scale, rows in (("attribution", ATTRIBUTION), ("content", CONTENT)):
        for order, (slug, label, value, colour, description) in enumerate(rows, start=1):
            Rating.objects.update_or_create(
                scale=scale,
                slug=slug,
                defaults=dict(label=label, value=value, colour=colour, description=description, order=order),
            )


def remove_ratings(apps, schema_editor):
    Rating = apps.get_model("claims", "Rating")
    for scale, rows in (("attribution", ATTRIBUTION), ("content", CONTENT)):
        Rating.objects.filter(scale=scale, slug__in=[row[0] for row in rows], verdicts__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]

    operations = [migrations.RunPython(add_ratings, remove_ratings)]
