import pytest

from claims.models import Rating, Scale

pytestmark = pytest.mark.django_db


def test_it_ships_the_default_scales_in_order():
    attribution = list(Rating.objects.filter(scale=Scale.ATTRIBUTION).values_list("label", flat=True))
    content = list(Rating.objects.filter(scale=Scale.CONTENT).values_list("label", flat=True))
    assert attribution == [
        "Accurate quote",
        "Paraphrase faithful",
        "Misquoted",
        "Out of context",
        "Misattributed",
        "Unverifiable",
    ]
    assert content == ["True", "Mostly true", "Half true", "Misleading", "Mostly false", "False", "Unproven"]


def test_it_orders_content_values_from_false_to_true():
    values = dict(Rating.objects.filter(scale=Scale.CONTENT).values_list("slug", "value"))
    assert values["false"] < values["mostly-false"] < values["misleading"] < values["half-true"]
    assert values["half-true"] < values["mostly-true"] < values["true"]
    assert values["unproven"] == 0
