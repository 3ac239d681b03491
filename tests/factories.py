"""Small builders for test rows, with text we write ourselves."""

from claims.models import Article, Claim, Rating, Source

ARABIC_TEXT = "وقال الوزير إن الاقتصاد ينمو بسرعة. وأضاف أن البطالة تراجعت."
ENGLISH_TEXT = 'The minister said the economy was growing fast. "Unemployment fell," she added.'


def make_article(text=ENGLISH_TEXT, **fields):
    fields.setdefault("title", text.split(".")[0][:80])
    fields.setdefault("language", "ar" if text[:1] >= "\u0600" else "en")
    return Article.objects.create(text=text, **fields)


def make_claim(article, content, occurrence=0, **fields):
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(content, start + 1)
    return Claim.objects.create(
        article=article, content=content, start=start, end=start + len(content), **fields
    )


def rating(scale, slug):
    return Rating.objects.get(scale=scale, slug=slug)


def make_source(**fields):
    fields.setdefault("title", "Statistics office bulletin")
    return Source.objects.create(**fields)
