from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from nkohub.territories.selectors import home_municipalities, home_region


@require_GET
def municipality_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "territories/municipality_list.html",
        {"region": home_region(), "municipalities": home_municipalities()},
    )
