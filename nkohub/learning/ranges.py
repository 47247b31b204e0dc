"""Serving a private file with HTTP range requests (RFC 9110 §14), so a video can be sought and resumed.

    GET …/video/  Range: bytes=1000-1999  → 206 Partial Content, Content-Range: bytes 1000-1999/5000
    no Range, or one that cannot be parsed  → 200 with the whole file, Accept-Ranges: bytes
    a range past the end                    → 416 Range Not Satisfiable, Content-Range: bytes */5000

One range per request (browsers' players ask for one); a list of ranges gets the whole file.
"""

import re
from collections.abc import Iterator
from typing import IO

from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse

from nkohub.core.serving import harden

CHUNK = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def parse_range(header: str, size: int) -> tuple[int, int] | bool | None:
    """(first, last) byte of a single satisfiable range; None when there is no usable range header
    (serve everything); False when the range is not satisfiable."""
    match = _RANGE.match(header.strip()) if header else None
    if match is None:
        return None
    first_text, last_text = match.groups()
    if not first_text and not last_text:
        return None
    if not first_text:  # the last N bytes
        length = int(last_text)
        if length == 0 or size == 0:
            return False
        return max(0, size - length), size - 1
    first = int(first_text)
    last = int(last_text) if last_text else size - 1
    if first >= size or last < first:
        return False
    return first, min(last, size - 1)


def _chunks(handle: IO[bytes], first: int, length: int) -> Iterator[bytes]:
    try:
        handle.seek(first)
        left = length
        while left > 0:
            data = handle.read(min(CHUNK, left))
            if not data:
                break
            left -= len(data)
            yield data
    finally:
        handle.close()


def ranged_response(
    request: HttpRequest, handle: IO[bytes], *, size: int, content_type: str
) -> HttpResponse | StreamingHttpResponse:
    wanted = parse_range(request.headers.get("Range", ""), size)
    if wanted is False:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        response["Accept-Ranges"] = "bytes"
        return response
    if wanted is None:
        whole = FileResponse(handle, content_type=content_type)
        whole["Accept-Ranges"] = "bytes"
        whole["Content-Length"] = str(size)
        whole["Cache-Control"] = "private, no-transform"
        harden(whole)
        return whole
    first, last = wanted  # type: ignore[misc]
    length = last - first + 1
    partial = StreamingHttpResponse(
        _chunks(handle, first, length), status=206, content_type=content_type
    )
    partial["Content-Range"] = f"bytes {first}-{last}/{size}"
    partial["Content-Length"] = str(length)
    partial["Accept-Ranges"] = "bytes"
    partial["Cache-Control"] = "private, no-transform"
    harden(partial)
    return partial
