"""The library: the public catalogue, a material's page, its file (each download counted) and its
preview, uploading and editing by operators and course authors, attaching materials to lessons."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.pagination import paginate
from nkohub.core.permissions import is_operator
from nkohub.core.service_calls import perform, submit_form
from nkohub.core.serving import user_file_response
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.learning import documents, forms, permissions, selectors, services
from nkohub.learning.models import Material

from ._shared import _course, _lesson


def _material(user: Any, pk: int, *, edit: bool = False) -> Material:
    """A draft is 404 to those who may not edit it; editing needs the right (403)."""
    material = selectors.material_by_pk(pk)
    if material is None or not permissions.can_view_material(user, material):
        raise Http404
    if edit:
        permissions.require(permissions.can_edit_material(user, material))
    return material


@require_safe
def library_index(request: HttpRequest) -> HttpResponse:
    form = forms.LibraryFilterForm(request.GET or None, tags=selectors.tags())
    filters = form.cleaned_data if form.is_valid() else {}
    materials = selectors.library(
        topic=filters.get("topic"),
        tag=filters.get("tag"),
        kind=filters.get("kind", ""),
        q=filters.get("q", ""),
    )
    context = {
        "form": form,
        "page": paginate(request, materials, per_page=12),
        "filtered": any(filters.values()),
        "can_contribute": permissions.can_contribute(request.user),
        "suggestion": selectors.library_suggestion(filters["q"]) if filters.get("q") else "",
    }
    return render(request, "learning/library.html", context)


@require_safe
def material_detail(request: HttpRequest, pk: int) -> HttpResponse:
    material = _material(request.user, pk)
    context = {
        "material": material,
        "courses": selectors.courses_using(material),
        "can_edit": permissions.can_edit_material(request.user, material),
        "status_actions": Material.TRANSITIONS[material.status],
        "format_name": documents.FORMATS.get(material.file_format, material.file_format),
    }
    return render(request, "learning/material_detail.html", context)


@require_safe
def material_download(request: HttpRequest, pk: int) -> FileResponse:
    material = _material(request.user, pk)
    try:
        handle = material.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    if request.method == "GET":  # a HEAD request downloads nothing
        services.material_download_count(material=material)
    return user_file_response(
        handle,
        filename=material.original_name,
        content_type=documents.CONTENT_TYPES.get(material.file_format, "application/octet-stream"),
    )


@require_safe
def material_preview(request: HttpRequest, pk: int) -> FileResponse:
    material = _material(request.user, pk)
    if not material.preview_image:
        raise Http404
    try:
        handle = material.preview_image.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = user_file_response(handle, content_type="image/png", filename="preview.png")
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _write(request: AuthenticatedHttpRequest, form: forms.MaterialForm, material: Material | None):
    def write(data: dict[str, Any]) -> Material:
        fields = {
            "title": data["title"],
            "kind": data["kind"],
            "description": data["description"],
            "topics": data["topics"],
            "tags": data["tags_text"],
        }
        if material is None:
            return services.material_create(actor=request.user, upload=data["upload"], **fields)
        return services.material_update(
            actor=request.user, material=material, upload=data.get("upload"), **fields
        )

    return write


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def material_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    permissions.require(
        permissions.can_contribute(request.user)
        or permissions.refused(
            _("Materials are uploaded by the resource centre's operators and course authors.")
        )
    )
    form = forms.MaterialForm(request.POST or None, request.FILES or None)
    material = submit_form(
        request,
        form,
        _write(request, form, None),
        _("The material is uploaded as a draft. Its preview is being prepared."),
    )
    if material is not None:
        return redirect(material)
    return render(request, "learning/material_form.html", {"form": form, "material": None})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def material_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    material = _material(request.user, pk, edit=True)
    form = forms.MaterialForm(request.POST or None, request.FILES or None, instance=material)
    if submit_form(request, form, _write(request, form, material), _("The material is saved.")):
        return redirect(material)
    return render(request, "learning/material_form.html", {"form": form, "material": material})


@login_required
@require_POST
def material_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    material = _material(request.user, pk, edit=True)
    status = request.POST.get("status", "")
    perform(
        request,
        lambda: services.material_set_status(actor=request.user, material=material, status=status),
        _("The material is published.")
        if status == Material.Status.PUBLISHED
        else _("The material is back in drafts."),
    )
    return redirect(material)


@login_required
@require_safe
def library_mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    permissions.require(
        permissions.can_contribute(request.user)
        or permissions.refused(
            _("Materials are uploaded by the resource centre's operators and course authors.")
        )
    )
    materials = selectors.materials_edited_by(request.user, everything=is_operator(request.user))
    context = {"page": paginate(request, materials, per_page=20)}
    return render(request, "learning/library_mine.html", context)


# --- a lesson's materials -----------------------------------------------------------------------
@login_required
@require_POST
def lesson_material_attach(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _course(request.user, slug, edit=True, include_archived=True)
    lesson = _lesson(course, pk)
    form = forms.LessonMaterialForm(request.POST, materials=selectors.materials_attachable())
    if form.is_valid():
        material = form.cleaned_data["material"]
        perform(
            request,
            lambda: services.lesson_material_attach(
                actor=request.user, lesson=lesson, material=material
            ),
            _("The material is attached to the lesson."),
        )
    else:
        messages.error(request, _("Choose a published material from the library."))
    return redirect(reverse("learning:lesson_edit", args=[course.slug, lesson.pk]) + "#materials")


@login_required
@require_POST
def lesson_material_detach(
    request: AuthenticatedHttpRequest, slug: str, pk: int, material_pk: int
) -> HttpResponse:
    course = _course(request.user, slug, edit=True, include_archived=True)
    lesson = _lesson(course, pk)
    material = next((m for m in selectors.materials_attached(lesson) if m.pk == material_pk), None)
    if material is None:
        raise Http404
    perform(
        request,
        lambda: services.lesson_material_detach(
            actor=request.user, lesson=lesson, material=material
        ),
        _("The material is detached from the lesson."),
    )
    return redirect(reverse("learning:lesson_edit", args=[course.slug, lesson.pk]) + "#materials")
