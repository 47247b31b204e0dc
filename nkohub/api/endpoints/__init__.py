"""The API's endpoints, one module per app: each defines `router` (a ninja Router) and its
`PREFIX`. A new app's endpoints are one more module here and one line in ENDPOINTS."""

ENDPOINTS = [
    "nkohub.api.endpoints.organizations",
    "nkohub.api.endpoints.resources",
    "nkohub.api.endpoints.projects",
    "nkohub.api.endpoints.grants",
    "nkohub.api.endpoints.reception",
    "nkohub.api.endpoints.learning",
    "nkohub.api.endpoints.dashboard",
    "nkohub.api.endpoints.library",
    "nkohub.api.endpoints.events",
    "nkohub.api.endpoints.news",
    "nkohub.api.endpoints.ideas",
    "nkohub.api.endpoints.consultations",
]
