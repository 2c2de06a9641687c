"""The diagnostic's section of a member's data download (Loi 25), registered from
hooks.py: what the member answered, not what their colleagues did."""

from .models import Response


def member_responses_export(user) -> list[dict]:
    return [
        {
            "organisation": response.answer_set.organisation.name,
            "wave": response.answer_set.wave.year,
            "question": response.question.code,
            "now": response.now,
            "target": response.target,
            "choices": response.choices,
            "text": response.text,
            "updated_at": response.updated_at.isoformat(),
        }
        for response in Response.objects.filter(respondent=user)
        .select_related("answer_set__organisation", "answer_set__wave", "question")
        .order_by("answer_set__wave__year", "question__sort_order", "pk")
    ]
