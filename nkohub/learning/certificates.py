"""The certificate as a PDF in Russian: the person's name, the course, hours, date, verification code
and the address where anyone can check it. WeasyPrint with the DejaVu fonts (Cyrillic), one A4
landscape page; WeasyPrint is imported on the first PDF (loading it costs more than a render)."""

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from nkohub.learning.models import Certificate


def certificate_filename(certificate: Certificate) -> str:
    return f"sertifikat-{certificate.code}.pdf"


def certificate_html(certificate: Certificate, *, verify_url: str) -> str:
    with translation.override("ru"):
        issued = timezone.localtime(certificate.issued_at).date()
        return render_to_string(
            "learning/certificate_pdf.html",
            {
                "certificate": certificate,
                "issued": formats.date_format(issued, "j E Y"),
                "verify_url": verify_url,
            },
        )


def certificate_pdf(certificate: Certificate, *, verify_url: str) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=certificate_html(certificate, verify_url=verify_url)).write_pdf())
