from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from nkohub.core.pagination import paginate
from nkohub.organizations.models import Organization


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    organizations = Organization.objects.select_related("municipality", "legal_form").order_by("full_name")
    return render(request, "organizations/directory.html", {"page": paginate(request, organizations)})


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_object_or_404(
        Organization.objects.select_related("municipality__region", "legal_form").prefetch_related("spheres"), pk=pk
    )
    return render(request, "organizations/detail.html", {"organization": organization})
