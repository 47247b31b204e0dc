"""Problem zones: the ranking from a needs survey and the matrix of zones × the groups that must act
and the platform's tools; the operator maps a zone."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from nkohub.core.service_calls import submit_form
from nkohub.core.types import AuthenticatedHttpRequest, HtmxHttpRequest
from nkohub.surveys import forms, permissions, selectors, services
from nkohub.surveys.models import Actor, ProblemZone, Survey, Tool


@require_safe
def zones(request: HtmxHttpRequest) -> HttpResponse:
    survey: Survey | None
    if request.GET.get("survey", "").isdigit():
        survey = Survey.objects.filter(pk=int(request.GET["survey"])).first()
        if survey is None or not permissions.can_view_results(request.user, survey):
            raise Http404
    else:
        survey = selectors.latest_closed_survey(Survey.Purpose.NEEDS)
    ranking = selectors.problem_zone_ranking(survey) if survey else []
    visible = survey is not None and permissions.can_view_results(request.user, survey)
    context = {
        "survey": survey,
        "ranking": ranking if visible else [],
        "responses": selectors.submitted_count(survey) if survey and visible else 0,
        "zones": selectors.zones_matrix(),
        "actors": list(Actor.objects.all()),
        "tools": list(Tool.objects.all()),
        "can_manage": permissions.can_manage(request.user),
        "needs_surveys": selectors.needs_surveys_for(request.user),
    }
    return render(request, "surveys/zones.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def zone_edit(request: AuthenticatedHttpRequest, pk: int) -> Any:
    permissions.require(
        permissions.can_manage(request.user)
        or permissions.refused(_("Only operators map problem zones."))
    )
    zone = get_object_or_404(ProblemZone.objects.prefetch_related("actors", "tools"), pk=pk)
    form = forms.ZoneMapForm(
        request.POST or None,
        initial={"actors": list(zone.actors.all()), "tools": list(zone.tools.all())},
    )
    saved = submit_form(
        request,
        form,
        lambda data: services.zone_map(
            actor=request.user, zone=zone, actors=list(data["actors"]), tools=list(data["tools"])
        ),
        _("The zone's mapping is saved."),
    )
    if saved is not None:
        return redirect("surveys:zones")
    return render(request, "surveys/zone_form.html", {"zone": zone, "form": form})
