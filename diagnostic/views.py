"""Views parse input, call one service or selector, and render. The answering page works
without JavaScript (one form saves every answer); with it, each answer is saved as it is
typed through `answer_save_one`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from hub.parsing import parse_id, parse_ids

from . import access, selectors, services
from .models import AnswerSet, Question

MAX_LEVEL = 100


class _Unreadable(Exception):
    """A value that is not one the form could have sent."""


def _level(value: str | None) -> int | None:
    if value in (None, ""):
        return None
    level = parse_id(value, maximum=MAX_LEVEL)
    if level is None:
        raise _Unreadable
    return level


def _typed(post, question: Question) -> dict:
    """What the member typed for `question`, as the service takes it."""
    prefix = f"q{question.pk}"
    if question.kind == Question.Kind.SCALE:
        return {
            "now": _level(post.get(f"{prefix}_now")),
            "target": _level(post.get(f"{prefix}_target")),
        }
    if question.kind == Question.Kind.CHOICE:
        raw = post.getlist(f"{prefix}_choice")
        chosen = parse_ids(raw, maximum=MAX_LEVEL)
        if len(chosen) != len(set(raw)):
            raise _Unreadable
        return {"choices": chosen}
    return {"text": post.get(f"{prefix}_text", "")}


def _left_empty(post, question: Question) -> bool:
    prefix = f"q{question.pk}_"
    return not any(
        value.strip() for name in post if name.startswith(prefix) for value in post.getlist(name)
    )


def _save(request, answer_set: AnswerSet, question: Question) -> str | None:
    """Saves one answer; the message for the member when it cannot be saved."""
    try:
        services.answer_save(
            answer_set=answer_set,
            question=question,
            respondent=request.user,
            **_typed(request.POST, question),
        )
    except _Unreadable:
        return str(services.DiagnosticError.MESSAGES[services.DiagnosticError.BAD_VALUE])
    except services.DiagnosticError as error:
        return error.message
    return None


def _shown_values(question: Question, response, typed) -> dict:
    """What the form shows for a question, as strings: what was just typed when a POST is
    shown again, else what the member saved."""
    prefix = f"q{question.pk}"
    if typed:
        return {
            "now": typed.get(f"{prefix}_now", ""),
            "target": typed.get(f"{prefix}_target", ""),
            "choices": typed.getlist(f"{prefix}_choice"),
            "text": typed.get(f"{prefix}_text", ""),
        }
    if response is None:
        return {"now": "", "target": "", "choices": [], "text": ""}
    return {
        "now": str(response.now or ""),
        "target": str(response.target or ""),
        "choices": [str(value) for value in response.choices],
        "text": response.text,
    }


def _sections(form, typed, errors) -> list:
    return [
        {
            "section": part.section,
            "questions": [
                {
                    "question": question,
                    "values": _shown_values(question, response, typed),
                    "error": errors.get(question.pk),
                }
                for question, response in part.questions
            ],
        }
        for part in form
    ]


@login_required
@require_safe
def home(request):
    wave = selectors.open_wave()
    organisation = request.user.organisation
    answer_set = (
        selectors.answer_set_for(organisation_id=organisation.pk, wave=wave)
        if wave is not None and organisation is not None
        else None
    )
    return render(
        request,
        "diagnostic/home.html",
        {"wave": wave, "organisation": organisation, "answer_set": answer_set},
    )


@login_required
@require_POST
def start(request):
    wave = selectors.open_wave()
    organisation = request.user.organisation
    if wave is None or organisation is None:
        messages.error(request, _("There is no diagnostic you can start right now."))
        return redirect("diagnostic:home")
    answer_set = services.answer_set_start(organisation=organisation, wave=wave, by=request.user)
    return redirect("diagnostic:answer", pk=answer_set.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer(request, pk: int):
    """GET: the questionnaire with what this member answered so far. POST (without
    JavaScript): saves every answer of the form; the ones that cannot be saved come back
    with their message and what was typed, the others are saved."""
    answer_set = access.access_answer_set(user=request.user, pk=pk)
    form = selectors.answer_form(answer_set=answer_set, respondent=request.user)
    errors, typed = {}, {}
    if request.method == "POST":
        if answer_set.status == AnswerSet.Status.SUBMITTED:
            messages.error(
                request,
                services.DiagnosticError(
                    services.DiagnosticError.ALREADY_SUBMITTED, year=answer_set.wave.year
                ).message,
            )
            return redirect("diagnostic:answer", pk=pk)
        for part in form:
            for question, response in part.questions:
                if response is None and _left_empty(request.POST, question):
                    continue  # not answered yet: no empty row
                message = _save(request, answer_set, question)
                if message:
                    errors[question.pk] = message
        if not errors:
            messages.success(request, _("Your answers are saved. You can come back later."))
            return redirect("diagnostic:answer", pk=pk)
        typed = request.POST
        form = selectors.answer_form(answer_set=answer_set, respondent=request.user)
        messages.error(request, _("Some answers could not be saved: see the messages below."))
    return render(
        request,
        "diagnostic/answer.html",
        {
            "answer_set": answer_set,
            "sections": _sections(form, typed, errors),
            "sharing_choices": AnswerSet.Sharing.choices,
            "submitted": answer_set.status == AnswerSet.Status.SUBMITTED,
        },
        status=400 if errors else 200,
    )


@login_required
@require_POST
def answer_save_one(request, pk: int, question_pk: int):
    """Saves one answer as it is typed (the page's script calls it). Saving the same value
    twice changes nothing. JSON: {"saved": true} or {"error": "…"} with a 400."""
    answer_set = access.access_answer_set(user=request.user, pk=pk)
    question = (
        Question.objects.filter(
            pk=question_pk, section__questionnaire_id=answer_set.questionnaire_id
        )
        .prefetch_related("options")
        .select_related("section")
        .first()
    )
    if question is None:
        raise Http404
    message = _save(request, answer_set, question)
    if message:
        return JsonResponse({"error": message}, status=400)
    return JsonResponse({"saved": True})


@login_required
@require_POST
def submit(request, pk: int):
    answer_set = access.access_answer_set(user=request.user, pk=pk)
    try:
        services.answer_set_submit(
            answer_set=answer_set, by=request.user, sharing=request.POST.get("sharing", "")
        )
    except services.DiagnosticError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your organization's diagnostic is submitted. Thank you!"))
    return redirect("diagnostic:answer", pk=pk)
