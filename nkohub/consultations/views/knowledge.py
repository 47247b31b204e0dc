"""The knowledge base: its search with «Возможно, вы имели в виду», an article, the operator's editing."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.consultations import forms, permissions, selectors, services
from nkohub.core.pagination import paginate
from nkohub.core.service_calls import perform, submit_form
from nkohub.core.types import AuthenticatedHttpRequest

from ._shared import _article, _question


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    form = forms.KnowledgeBaseFilterForm(request.GET or None, competences=selectors.competences())
    filters = form.cleaned_data if form.is_valid() else {}
    q = filters.get("q", "")
    competence = filters.get("competence")
    articles = selectors.knowledge_base(q=q, competence=competence.pk if competence else None)
    context = {
        "form": form,
        "page": paginate(request, articles, per_page=20),
        "filtered": bool(q or competence),
        "suggestion": selectors.knowledge_base_suggestion(q) if q else "",
        "is_expert": permissions.can_use_desk(request.user),
        "can_oversee": permissions.can_oversee(request.user),
    }
    return render(request, "consultations/index.html", context)


@require_safe
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(request.user, pk)
    context = {"article": article, "can_edit": permissions.can_edit_article(request.user, article)}
    return render(request, "consultations/article_detail.html", context)


@login_required
@require_POST
def publish_question(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The operator makes a draft article of a public answered question and goes on to edit it."""
    question = _question(request.user, pk)
    permissions.require(permissions.can_publish_question(request.user, question))
    made: list[object] = []
    ok = perform(
        request,
        lambda: made.append(services.article_from_question(actor=request.user, question=question)),
        _("A draft article is made of the answer. Edit it and publish."),
    )
    if not ok:
        return redirect(question)
    return redirect("consultations:article_edit", pk=made[0].pk)  # type: ignore[attr-defined]


@login_required
def article_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    article = _article(request.user, pk)
    permissions.require(permissions.can_edit_article(request.user, article))
    form = forms.ArticleForm(
        request.POST or None, instance=article, initial={"publish": article.is_published}
    )
    done = submit_form(
        request,
        form,
        lambda data: services.article_update(
            actor=request.user,
            article=article,
            title=data["title"],
            competence=data["competence"],
            question_text=data["question_text"],
            body=data["body"],
            publish=data["publish"],
        ),
        _("The article is saved."),
    )
    if done is not None:
        return redirect(done)
    return render(request, "consultations/article_form.html", {"form": form, "article": article})
