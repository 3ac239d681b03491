"""Helpers shared by the admin tests: posting change forms as a browser would."""

import re

from django.urls import reverse

from claims.admin.versioning import VERSION_FIELD


def form_data(response):
    """The fields a browser would post from the admin change form in `response`.

    Reads the rendered HTML (inputs, selects, textareas), so the tests post what
    the page really carries: hidden versions, management forms, initial values.
    """
    html = response.content.decode()
    form = re.search(r'<form[^>]*id="\w+_form"[^>]*>(.*?)</form>', html, re.S).group(1)
    data = {}
    for tag in re.finditer(r"<input\b([^>]*)>", form):
        attrs = _attrs(tag.group(1))
        name = attrs.get("name")
        if not name or "disabled" in attrs:
            continue
        kind = attrs.get("type", "text")
        if kind in ("checkbox", "radio"):
            if "checked" in attrs:
                data[name] = attrs.get("value", "on")
            continue
        if kind in ("submit", "button"):
            continue
        data[name] = attrs.get("value", "")
    for select in re.finditer(r"<select\b([^>]*)>(.*?)</select>", form, re.S):
        attrs = _attrs(select.group(1))
        if "disabled" in attrs or not attrs.get("name"):
            continue
        chosen = re.search(r'<option value="([^"]*)"[^>]*\bselected\b', select.group(2))
        data[attrs["name"]] = chosen.group(1) if chosen else ""
    for area in re.finditer(r"<textarea\b([^>]*)>(.*?)</textarea>", form, re.S):
        attrs = _attrs(area.group(1))
        if "disabled" in attrs or not attrs.get("name"):
            continue
        data[attrs["name"]] = _unescape(area.group(2).lstrip("\n"))
    return data


def _attrs(text):
    attrs = {}
    for match in re.finditer(r'([\w-]+)(?:="([^"]*)")?', text):
        attrs[match.group(1)] = _unescape(match.group(2)) if match.group(2) is not None else ""
    return attrs


def _unescape(value):
    import html

    return html.unescape(value)


def claim_url(claim):
    return reverse("admin:claims_claim_change", args=[claim.pk])


def open_claim(client, claim):
    """GET the claim page and return (response, the data its form would post)."""
    response = client.get(claim_url(claim))
    assert response.status_code == 200
    return response, form_data(response)


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


__all__ = ["VERSION_FIELD", "claim_url", "form_data", "messages_of", "open_claim"]
