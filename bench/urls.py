"""The platform's URLs plus one floor view per measured page, under /bench-floor/."""

from django.urls import path

from bench import floors
from config.urls import urlpatterns as platform_urlpatterns

urlpatterns = [
    path(f"bench-floor/{name}/", view, name=f"bench-floor-{name}")
    for name, view in floors.FLOORS.items()
] + platform_urlpatterns
