"""A day at the review desk, in a real browser: review, publish, collide, in Arabic."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from claims.models import (
    Claim,
    ClaimKind,
    ClaimSource,
    ClaimStatus,
    Rating,
    Scale,
    Source,
    Speaker,
    SpeakerKind,
    Verdict,
    VerdictStatus,
)
from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DENIAL = "وتنفي موسكو"


def paragraph_of(article, marker):
    start = article.text.index(marker)
    end = article.text.find("\n", start)
    return start, len(article.text) if end == -1 else end


def ensure_claim(article, content, speaker, cue, kind, kind_of_speaker=SpeakerKind.PERSON, within=None):
    """The claim extraction found in this stretch of text, or one made by hand where it found none."""
    start, end = within or paragraph_of(article, content)
    found = article.claims.filter(start__gte=start, start__lt=end).order_by("start").first()
    if found:
        return found
    offset = article.text.index(content, start)
    return Claim.objects.create(
        article=article,
        content=content,
        start=offset,
        end=offset + len(content),
        speaker=Speaker.objects.resolve(speaker, kind=kind_of_speaker),
        speaker_text=speaker,
        cue=cue,
        kind=kind,
    )


@pytest.fixture
def denial(seed_article):
    """The claim in "وتنفي موسكو وجود خطط لغزو أوكرانيا…" (extracted, or made by hand before extraction)."""
    ensure_claim(
        seed_article, "العمل جارٍ، سيكون مؤتمراً عبر الفيديو", "ديمتري بيسكوف", "قال", ClaimKind.DIRECT
    )
    return ensure_claim(
        seed_article,
        "وجود خطط لغزو أوكرانيا",
        "موسكو",
        "تنفي",
        ClaimKind.INDIRECT,
        kind_of_speaker=SpeakerKind.GOVERNMENT,
        within=paragraph_of(seed_article, DENIAL),
    )


@pytest.fixture
def reuters():
    return Source.objects.create(
        title="Reuters: Russia launches full-scale invasion of Ukraine",
        publisher="Reuters",
        url="https://www.reuters.com/world/europe/2022-02-24/",
        kind="news",
    )


def rating(scale, slug):
    return Rating.objects.get(scale=scale, slug=slug)


def test_a_fact_checker_reviews_the_denial(
    page, live_server, log_in, screenshot, factchecker, denial, reuters
):
    log_in(page, factchecker)
    page.goto(f"{live_server.url}/admin/claims/article/{denial.article_id}/change/")

    text = page.locator("#fc-text")
    expect(text).to_have_attribute("dir", "rtl")
    expect(page.locator("#fc-text mark.fc-span").first).to_be_visible()
    assert page.locator("#fc-text mark.fc-span").count() >= 2
    assert page.locator(".fc-claim-item").count() == Claim.objects.filter(article=denial.article).count()
    mark = page.locator(f'#fc-text mark[data-claim="{denial.pk}"]').first
    assert DENIAL in text.inner_text()
    assert "تنفي" in mark.get_attribute("title") and "موسكو" in mark.get_attribute("title")
    screenshot(page, "1-factchecker-article")

    mark.click()
    page.wait_for_url(re.compile(rf"/admin/claims/claim/{denial.pk}/change/$"))
    expect(page.locator(".fc-context mark")).to_have_text(denial.content)

    row = int(page.input_value("#id_verdicts-TOTAL_FORMS")) - 1
    page.select_option(f"#id_verdicts-{row}-rating", value=str(rating(Scale.CONTENT, "false").pk))
    page.fill(f"#id_verdicts-{row}-explanation", "Russia invaded Ukraine on 24 February 2022.")

    source_row = int(page.input_value("#id_claim_sources-TOTAL_FORMS")) - 1
    page.click(f"#claim_sources-{source_row} .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "invasion")
    page.click(".select2-results__option >> text=Reuters: Russia launches")
    page.select_option(f"#id_claim_sources-{source_row}-stance", "refutes")
    page.fill(f"#id_claim_sources-{source_row}-excerpt", "Russian forces launched an invasion of Ukraine.")
    page.click("input[name=_continue]")

    expect(page.locator(".messagelist .success")).to_be_visible()
    verdict = denial.verdicts.get()
    assert (verdict.scale, verdict.rating.slug, verdict.author) == (Scale.CONTENT, "false", factchecker)
    link = ClaimSource.objects.get(claim=denial)
    assert (link.source, link.stance, link.added_by) == (reuters, "refutes", factchecker)
    expect(page.locator(".fc-publish")).to_have_count(0)  # a fact-checker does not publish
    screenshot(page, "2-factchecker-claim-saved")


def test_an_editor_publishes_the_reviewed_claim(
    page, live_server, log_in, screenshot, editor, denial, reuters
):
    Verdict.objects.create(
        claim=denial,
        scale=Scale.CONTENT,
        rating=rating(Scale.CONTENT, "false"),
        explanation="Invaded in 2022.",
    )
    Verdict.objects.create(
        claim=denial, scale=Scale.ATTRIBUTION, rating=rating(Scale.ATTRIBUTION, "paraphrase-faithful")
    )
    ClaimSource.objects.create(claim=denial, source=reuters, stance="refutes")
    log_in(page, editor)
    page.goto(f"{live_server.url}/admin/claims/claim/{denial.pk}/change/")

    expect(page.locator(".fc-publish")).to_be_enabled()
    page.click(".fc-publish")

    expect(page.locator(".messagelist .success")).to_contain_text("published")
    expect(page.locator(".fc-publish-box.fc-published")).to_be_visible()
    denial.refresh_from_db()
    assert denial.status == ClaimStatus.PUBLISHED
    assert set(denial.verdicts.values_list("status", flat=True)) == {VerdictStatus.PUBLISHED}
    assert denial.history.latest("history_date").history_user == editor
    screenshot(page, "3-editor-published")

    page.goto(f"{live_server.url}/admin/claims/claim/{denial.pk}/history/")
    expect(page.locator("#change-history")).to_contain_text("Published")
    screenshot(page, "4-editor-history")


def test_a_second_editor_meanwhile_gets_the_conflict(
    browser, live_server, log_in, screenshot, factchecker, editor, denial
):
    first = browser.new_context(viewport={"width": 1400, "height": 1000})
    second = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        fatima, edward = first.new_page(), second.new_page()
        log_in(fatima, factchecker)
        log_in(edward, editor)
        url = f"{live_server.url}/admin/claims/claim/{denial.pk}/change/"
        fatima.goto(url)
        edward.goto(url)

        edward.fill("#id_headline", "Moscow denies planning to invade Ukraine")
        edward.click("input[name=_continue]")
        expect(edward.locator(".messagelist .success")).to_be_visible()

        fatima.fill("#id_headline", "Russia says it has no plans to invade")
        fatima.click("input[name=_continue]")

        error = fatima.locator(".errornote + ul.errorlist, ul.errorlist.nonfield").first
        expect(error).to_contain_text("“edward” changed this claim after you opened it")
        expect(error).to_contain_text("Nothing was saved")
        screenshot(fatima, "5-conflict")
    finally:
        first.close()
        second.close()
    denial.refresh_from_db()
    assert denial.headline == "Moscow denies planning to invade Ukraine"


def test_the_arabic_interface_is_right_to_left(page, live_server, log_in, screenshot, factchecker, denial):
    log_in(page, factchecker)
    page.click(".fc-language button[lang=ar]")
    page.wait_for_selector("html[dir=rtl]")
    page.goto(f"{live_server.url}/admin/claims/article/{denial.article_id}/change/")

    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("#fc-claims-title")).to_contain_text("ادعاء")
    # Right to left: the claims list sits at the left of the text, the
    # navigation sidebar at the right, and the text runs from the right edge.
    text_box = page.locator(".fc-text-wrap").bounding_box()
    claims_box = page.locator(".fc-claims").bounding_box()
    assert claims_box["x"] < text_box["x"]
    nav = page.locator("#nav-sidebar").bounding_box()
    assert nav["x"] > text_box["x"]
    assert page.eval_on_selector("#fc-text", "e => getComputedStyle(e).direction") == "rtl"
    screenshot(page, "6-arabic-article")

    page.goto(f"{live_server.url}/admin/claims/claim/{denial.pk}/change/")
    expect(page.locator("input[name=_save]")).to_have_value("احفظ")
    screenshot(page, "7-arabic-claim")
    page.goto(f"{live_server.url}/admin/claims/claim/")
    expect(page.locator(".fc-shortcuts")).to_contain_text("يحتاج إلى حكم")
    screenshot(page, "8-arabic-list")


def test_a_claim_is_added_by_selecting_text(page, live_server, log_in, screenshot, factchecker):
    text = "🎉 مقدمة 😀\nوقال الوزير 👍 إن الاقتصاد ينمو بسرعة، كما أضاف أن 𝒳 البطالة تراجعت.\n"
    article = make_article(text, language="ar", title="اختبار التحديد")
    log_in(page, factchecker)
    page.goto(f"{live_server.url}/admin/claims/article/{article.pk}/change/")

    wanted = "الاقتصاد ينمو بسرعة، كما أضاف أن 𝒳 البطالة"
    page.evaluate(
        """wanted => {
            const walker = document.createTreeWalker(document.getElementById('fc-text'), NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.data.indexOf(wanted);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + wanted.length);
                    const selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    document.getElementById('fc-text').dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                    return;
                }
            }
            throw new Error('text not found');
        }""",
        wanted,
    )
    form = page.locator("#fc-add-claim")
    expect(form).to_be_visible()
    expect(page.locator("#fc-selection-preview")).to_have_text(wanted)
    page.fill("#fc-add-claim input[name=speaker]", "الوزير")
    page.fill("#fc-add-claim input[name=cue]", "قال")
    screenshot(page, "9-add-claim-selection")
    page.click("#fc-add-claim button[type=submit]")

    page.wait_for_url(re.compile(r"/admin/claims/claim/\d+/change/$"))
    claim = Claim.objects.get(article=article)
    assert (claim.start, claim.end) == (text.index(wanted), text.index(wanted) + len(wanted))
    assert claim.content == wanted and claim.speaker.name == "الوزير"
    assert claim.created_by == User.objects.get(username=factchecker.username)
