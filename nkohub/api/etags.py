"""ETags of single objects: the hash of the JSON the client would get. If-None-Match with it
answers 304 without a body; any change of what is shown changes the tag."""

import hashlib
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from ninja import Schema


def etagged(request: HttpRequest, schema: type[Schema], obj: Any) -> HttpResponse:
    body = schema.from_orm(obj).model_dump_json().encode()
    tag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    asked = {
        value.strip().removeprefix("W/")
        for value in request.headers.get("If-None-Match", "").split(",")
    }
    if tag in asked or "*" in asked:
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = tag
    return response
