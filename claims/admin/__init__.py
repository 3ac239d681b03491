"""The review desk: the Django admin where fact-checkers spend their day.

articles.py   the article page (highlighted text, claims in reading order)
claims.py     the claims list and the claim page (verdicts, sources, notes, publishing)
verdicts.py, sources.py, notes.py, speakers.py, ratings.py   the other models
forms.py, actions.py, filters.py   what the pages above are made of
versioning.py  conflict-safe saving; history.py  readable History pages
highlight.py, display.py   the HTML that marks claims in text
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# Importing the modules registers their ModelAdmins.
from claims.admin import articles, claims, notes, ratings, sources, speakers, verdicts  # noqa: F401

admin.site.site_header = _("Fact-checking workbench")
admin.site.site_title = _("Fact-checking workbench")
admin.site.index_title = _("Review desk")

# Django's own wording, translated again in our catalogue (which takes
# precedence): its Arabic "أضف %(verbose_name)s آخر" does not agree with our
# verbose names, which carry the article ("الحكم").
DJANGO_WORDING = [gettext_noop("Add another %(verbose_name)s")]
