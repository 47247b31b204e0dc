"""The QR picture of a check-in code (segno, SVG): the organiser's phone page reads the code from it."""

import io

import segno


def checkin_svg(code: str) -> bytes:
    out = io.BytesIO()
    segno.make(code, error="m").save(out, kind="svg", scale=8, border=2, title=code)
    return out.getvalue()
