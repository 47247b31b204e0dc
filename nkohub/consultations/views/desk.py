"""The expert's desk (queue, questions in work, overdue; slots) and their competences; the operators'
page (overdue questions, answers to publish, draft articles)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from nkohub.consultations import forms, permissions, selectors, services
from nkohub.core.pagination import paginate
from nkohub.core.service_calls import submit_form
from nkohub.core.types import AuthenticatedHttpRequest

from ._shared import _expert


@login_required
@require_safe
def desk(request: AuthenticatedHttpRequest) -> HttpResponse:
    expert = _expert(request.user)
    found = selectors.expert_desk(expert)
    context = {
        "expert": expert,
        "desk": found,
        "queue": paginate(request, found.queue, per_page=20),
        "taken": list(found.taken[:50]),
        "slots": list(selectors.slots_of_expert(expert)[:50]),
        "today": timezone.localdate(),
    }
    return render(request, "consultations/desk.html", context)


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    expert = _expert(request.user)
    permissions.require(permissions.can_edit_expert(request.user, expert))
    form = forms.ExpertForm(
        request.POST or None,
        competences=selectors.competences(),
        initial={
            "competences": list(expert.competences.all()),
            "bio": expert.bio,
            "is_active": expert.is_active,
        },
    )
    done = submit_form(
        request,
        form,
        lambda data: services.expert_update(
            actor=request.user,
            expert=expert,
            competences=list(data["competences"]),
            bio=data["bio"],
            is_active=data["is_active"],
        ),
        _("Your competences are saved."),
    )
    if done is not None:
        return redirect("consultations:desk")
    return render(request, "consultations/profile.html", {"form": form, "expert": expert})


@login_required
@require_safe
def oversight(request: AuthenticatedHttpRequest) -> HttpResponse:
    permissions.require(permissions.can_oversee(request.user))
    context = {
        "overdue": paginate(request, selectors.overdue_questions(), per_page=20),
        "publishable": list(selectors.publishable_questions()[:50]),
        "drafts": list(selectors.draft_articles()[:50]),
        "today": timezone.localdate(),
    }
    return render(request, "consultations/oversight.html", context)
