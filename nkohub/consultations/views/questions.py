"""Asking a question, the question's page with what each side may do there, its files."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from nkohub.consultations import forms, permissions, selectors, services
from nkohub.consultations.models import Question
from nkohub.core.forms import PlatformForm
from nkohub.core.pagination import paginate
from nkohub.core.permissions import Decision, is_operator
from nkohub.core.service_calls import perform, submit_form
from nkohub.core.serving import user_file_response
from nkohub.core.storage import original_filename
from nkohub.core.types import AuthenticatedHttpRequest

from ._shared import _question


@login_required
def ask(request: AuthenticatedHttpRequest) -> HttpResponse:
    permissions.require(permissions.can_ask(request.user))
    organizations = selectors.member_organizations(request.user)
    form = forms.AskForm(
        request.POST or None,
        request.FILES or None,
        organizations=organizations,
        competences=selectors.competences(),
    )
    question = submit_form(
        request,
        form,
        lambda data: services.question_ask(
            actor=request.user,
            organization=data["organization"],
            competence=data["competence"],
            title=data["title"],
            text=data["text"],
            visibility=data["visibility"],
            files=data["attachments"],
        ),
        _("Your question is sent to the experts of its topic."),
    )
    if question is not None:
        return redirect(question)
    context = {
        "form": form,
        "has_organizations": organizations.exists(),
        "similar": selectors.similar_articles(
            f"{form['title'].value() or ''} {form['text'].value() or ''}"
        )
        if request.method == "POST"
        else [],
    }
    return render(request, "consultations/ask.html", context)


@require_safe
def suggestions(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The partial "is there already an answer?" under the question being typed."""
    text = f"{request.GET.get('title', '')} {request.GET.get('text', '')}"[:2000]
    return render(
        request, "consultations/_similar.html", {"similar": selectors.similar_articles(text)}
    )


@login_required
@require_safe
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = {
        "page": paginate(request, selectors.questions_of(request.user)),
        "today": timezone.localdate(),
    }
    return render(request, "consultations/mine.html", context)


@login_required
@require_safe
def question_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = _question(request.user, pk)
    user = request.user
    context = {
        "question": question,
        "today": timezone.localdate(),
        "can_take": permissions.can_take(user, question) and question.status == Question.Status.NEW,
        "can_answer": permissions.can_answer(user, question),
        "can_reply": permissions.can_reply(user, question),
        "can_rate": permissions.can_rate(user, question),
        "can_withdraw": permissions.can_withdraw(user, question),
        "can_publish": permissions.can_publish_question(user, question)
        and not hasattr(question, "article"),
        "is_operator": is_operator(user),
        "answer_form": forms.AnswerForm(),
        "clarify_form": forms.TextForm(),
        "reply_form": forms.TextForm(),
        "rate_form": forms.RateForm(),
    }
    return render(request, "consultations/question_detail.html", context)


def _back(question: Question) -> HttpResponse:
    return redirect(question)


@login_required
@require_POST
def take(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = _question(request.user, pk)
    permissions.require(permissions.can_take(request.user, question))
    expert = permissions.expert_of(request.user)
    assert expert is not None  # can_take allowed it
    perform(
        request,
        lambda: services.question_take(actor=request.user, question=question, expert=expert),
        _("The question is yours. Answer it by its due date."),
    )
    return _back(question)


@dataclass(frozen=True)
class Step:
    """One step of a question's thread taken with a form: who may take it, the form, the service."""

    allowed: Callable[[Any, Question], Decision]
    form: type[PlatformForm]
    write: Callable[[Any, Question, dict[str, Any]], Any]
    done: "str | Promise"


def _step(step: Step) -> Callable[..., HttpResponse]:
    @login_required
    @require_POST
    def view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
        question = _question(request.user, pk)
        permissions.require(step.allowed(request.user, question))
        form = step.form(request.POST)
        done = submit_form(
            request, form, lambda data: step.write(request.user, question, data), str(step.done)
        )
        if done is None:
            for errors in form.errors.values():
                messages.error(request, " ".join(str(error) for error in errors))
        return _back(question)

    return view


answer = _step(
    Step(
        permissions.can_answer,
        forms.AnswerForm,
        lambda actor, q, data: services.question_answer(
            actor=actor, question=q, answer=data["answer"]
        ),
        gettext_lazy("The answer is sent to the organisation."),
    )
)
clarify = _step(
    Step(
        permissions.can_answer,
        forms.TextForm,
        lambda actor, q, data: services.question_ask_clarification(
            actor=actor, question=q, text=data["text"]
        ),
        gettext_lazy("Your question is sent to the asker; the clock stops until they reply."),
    )
)
reply = _step(
    Step(
        permissions.can_reply,
        forms.TextForm,
        lambda actor, q, data: services.question_reply(actor=actor, question=q, text=data["text"]),
        gettext_lazy("Your reply is sent to the expert."),
    )
)
rate = _step(
    Step(
        permissions.can_rate,
        forms.RateForm,
        lambda actor, q, data: services.question_rate(
            actor=actor, question=q, rating=data["rating"], comment=data.get("comment", "")
        ),
        gettext_lazy("Thank you for rating the answer."),
    )
)


@login_required
@require_POST
def withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = _question(request.user, pk)
    permissions.require(permissions.can_withdraw(request.user, question))
    perform(
        request,
        lambda: services.question_withdraw(actor=request.user, question=question),
        _("The question is withdrawn."),
    )
    return _back(question)


@login_required
@require_safe
def question_file(request: AuthenticatedHttpRequest, pk: int, file_pk: int) -> FileResponse:
    question = _question(request.user, pk)
    item = next((f for f in question.files.all() if f.pk == file_pk), None)
    if item is None or not permissions.can_view_file(request.user, question):
        raise Http404
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return user_file_response(handle, filename=original_filename(item.original_name))
