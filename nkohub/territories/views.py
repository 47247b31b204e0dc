from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from nkohub.territories.selectors import home_municipalities, home_region


@require_safe
def municipality_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "territories/municipality_list.html",
        {"region": home_region(), "municipalities": home_municipalities()},
    )
