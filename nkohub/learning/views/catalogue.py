"""The catalogue, a course's page with the learner's place in it, enrolment and consent to share."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.core.pagination import paginate
from nkohub.core.permissions import is_operator
from nkohub.core.service_calls import perform, submit_form
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.learning import forms, permissions, selectors, services

from ._shared import _course


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    form = forms.CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    courses = selectors.catalogue(
        topic=filters.get("topic"), format=filters.get("format", ""), q=filters.get("q", "")
    )
    context = {
        "form": form,
        "page": paginate(request, courses, per_page=12),
        "filtered": any(filters.values()),
        "can_create": permissions.can_create_course(request.user),
        "suggestion": selectors.catalogue_suggestion(filters["q"]) if filters.get("q") else "",
    }
    return render(request, "learning/index.html", context)


@require_safe
def course_detail(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request.user, slug)
    enrolment = selectors.enrolment_of(request.user, course)
    organizations = selectors.organizations_of(request.user)
    context = {
        "course": course,
        "enrolment": enrolment,
        "place": selectors.place_in(course, enrolment),
        "can_edit": permissions.can_edit_course(request.user, course),
        "can_enrol": permissions.can_enrol(request.user, course, enrolment),
        "enrol_form": forms.EnrolForm(course=course, organizations=organizations),
        "sharing_form": forms.SharingForm(
            organizations=organizations,
            initial={"share_with": enrolment.shared_with_id if enrolment else None},
        ),
        "has_organizations": bool(enrolment) and organizations.exists(),
        "today": timezone.localdate(),
    }
    return render(request, "learning/course_detail.html", context)


@login_required
@require_POST
def enrol(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    course = _course(request.user, slug)
    enrolment = selectors.enrolment_of(request.user, course)
    permissions.require(permissions.can_enrol(request.user, course, enrolment))
    form = forms.EnrolForm(
        request.POST, course=course, organizations=selectors.organizations_of(request.user)
    )
    done = submit_form(
        request,
        form,
        lambda data: services.enrolment_create(
            actor=request.user,
            course=course,
            cohort=data.get("cohort"),
            share_with=data.get("share_with"),
        ),
        _("You are enrolled. Start with the first lesson."),
    )
    if done is None:
        place = selectors.place_in(course, None)
        context = {
            "course": course,
            "enrolment": None,
            "place": place,
            "can_edit": permissions.can_edit_course(request.user, course),
            "can_enrol": permissions.can_enrol(request.user, course, None),
            "enrol_form": form,
            "today": timezone.localdate(),
        }
        return render(request, "learning/course_detail.html", context, status=400)
    return redirect(course)


@login_required
@require_POST
def sharing(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    course = _course(request.user, slug)
    enrolment = selectors.enrolment_of(request.user, course)
    if enrolment is None:
        permissions.require(permissions.refused(_("You are not enrolled in this course.")))
    assert enrolment is not None
    permissions.require(permissions.can_change_sharing(request.user, enrolment))
    form = forms.SharingForm(request.POST, organizations=selectors.organizations_of(request.user))
    if form.is_valid():
        organization = form.cleaned_data["share_with"]
        perform(
            request,
            lambda: services.enrolment_set_sharing(
                actor=request.user, enrolment=enrolment, organization=organization
            ),
            _("Your progress is shown to the owners of %(organization)s.")
            % {"organization": organization}
            if organization
            else _("Your progress is no longer shown to any organisation."),
        )
    return redirect(course)


@login_required
@require_safe
def continue_course(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    course = _course(request.user, slug)
    enrolment = selectors.enrolment_of(request.user, course)
    place = selectors.place_in(course, enrolment)
    if enrolment is None or place.continue_with is None:
        return redirect(course)
    return redirect("learning:lesson", slug=course.slug, pk=place.continue_with.pk)


@login_required
@require_safe
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = {
        "enrolments": selectors.my_enrolments(request.user),
        "editing": selectors.courses_edited_by(request.user, everything=is_operator(request.user)),
        "organizations": [
            organization
            for organization in selectors.organizations_of(request.user)
            if permissions.can_view_staff_progress(request.user, organization)
        ],
    }
    return render(request, "learning/mine.html", context)
