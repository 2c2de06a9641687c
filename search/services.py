"""Writes of the search room: counting a search that found nothing, rebuilding the "did you
mean" vocabulary."""

import re
from collections import Counter

from django.db import transaction
from django.db.models import F

from hub import extensions
from hub.sanitize import fold

from .models import SearchMiss, SearchWord

WORD = re.compile(r"[^\W\d_]{3,40}")  # letters only, 3 to 40 of them


def normalise(query: str) -> str:
    return " ".join(fold(query).split())[:200]


def search_miss_record(*, query: str) -> None:
    """Counts one more search of `query` that found nothing. Stores the normalised query
    and a count only: never who searched, nor when beyond the first and last time."""
    key = normalise(query)
    if not key:
        return
    updated = SearchMiss.objects.filter(query=key).update(count=F("count") + 1)
    if not updated:
        with transaction.atomic():
            miss, created = SearchMiss.objects.select_for_update().get_or_create(
                query=key, defaults={"count": 1}
            )
            if not created:
                SearchMiss.objects.filter(pk=miss.pk).update(count=F("count") + 1)


def vocabulary_rebuild() -> int:
    """Replaces the vocabulary with the words of every provider's `words()` (public content
    only, read as a visitor), each kept in its most frequent spelling. Returns the number of
    words. Idempotent: the same content gives the same rows."""
    spellings: dict[str, Counter] = {}
    for _key, provider in extensions.search_providers.items():
        if provider.words is None:
            continue
        for text in provider.words():
            for word in WORD.findall(text or ""):
                lowered = word.lower()
                spellings.setdefault(fold(lowered), Counter())[lowered] += 1
    rows = [
        SearchWord(word=counter.most_common(1)[0][0], folded=folded, weight=sum(counter.values()))
        for folded, counter in spellings.items()
    ]
    with transaction.atomic():
        SearchWord.objects.all().delete()
        SearchWord.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
