from django.urls import path

from nkohub.news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/moderate/", views.moderate, name="moderate"),
    path("<int:pk>/take/<int:outlet_pk>/", views.take, name="take"),
    path("organizations/<int:org_pk>/new/", views.create, name="create"),
    path("organizations/<int:pk>/", views.organization_news, name="organization"),
    path("organizations/<int:pk>/activity/", views.organization_activity, name="org_activity"),
    path("coalitions/<int:pk>/", views.coalition_news, name="coalition"),
    path("moderation/", views.queue, name="moderation"),
    path("desk/", views.desk, name="desk"),
    path("pickups/<int:pk>/published/", views.mark_published, name="mark_published"),
    path("activity/", views.region_activity, name="activity"),
    path("activity/mentions/", views.mentions_upload, name="mentions_upload"),
    path("feed/rss/", feeds.NewsFeed(), name="rss"),
    path("feed/atom/", feeds.NewsAtomFeed(), name="atom"),
    path("feed/organizations/<int:pk>/rss/", feeds.OrganizationNewsFeed(), name="org_rss"),
    path("feed/organizations/<int:pk>/atom/", feeds.OrganizationNewsAtomFeed(), name="org_atom"),
    path("feed/coalitions/<int:pk>/rss/", feeds.CoalitionNewsFeed(), name="coalition_rss"),
    path("feed/coalitions/<int:pk>/atom/", feeds.CoalitionNewsAtomFeed(), name="coalition_atom"),
    path("feed/spheres/<slug:code>/rss/", feeds.SphereNewsFeed(), name="sphere_rss"),
    path("feed/spheres/<slug:code>/atom/", feeds.SphereNewsAtomFeed(), name="sphere_atom"),
]
