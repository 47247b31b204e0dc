"""PDF of an application from the background with progress, kept per version; DOCX at once."""

import shutil
import subprocess
from typing import Any

import pytest
from django.apps import apps
from django.urls import reverse

from nkohub.core.tests.tools import missing_tool
from nkohub.grants import export_jobs
from nkohub.grants.models import Application, ApplicationExport

pytestmark = pytest.mark.django_db


def pdf_url(application: Application) -> str:
    return reverse("grants:application_export", args=[application.pk, "pdf"])


def body(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# Without Redis a task runs when the request's transaction commits, so these tests commit.
embedded = pytest.mark.django_db(transaction=True)


@embedded
def test_without_a_worker_the_pdf_is_rendered_in_the_request_and_downloaded(
    client: Any, owner: Any, full_application: Application
) -> None:
    client.force_login(owner)
    response = client.get(pdf_url(full_application))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="zayavka-' in response["Content-Disposition"]
    content = body(response)
    assert content.startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        missing_tool("pdftotext (poppler-utils) is not installed: the PDF text was not read back")
    text = subprocess.run(
        [pdftotext, "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    words = " ".join(text.split())  # table cells wrap their text over lines
    assert "Обоснование социальной значимости" in words
    assert "Оплата труда координатора волонтёров" in words
    assert "Смирнова Ольга Петровна — руководитель проекта" in words
    assert "('name'" not in words


def test_with_a_worker_the_page_shows_the_progress_then_the_file(
    client: Any,
    member: Any,
    full_application: Application,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.get(pdf_url(full_application))
    export = ApplicationExport.objects.get()
    status_url = reverse("grants:application_export_status", args=[full_application.pk, export.pk])
    assert response.status_code == 302
    assert response["Location"] == status_url
    page = client.get(status_url).content.decode()
    assert "<progress" in page
    assert 'hx-trigger="every 1s"' in page
    assert 'http-equiv="refresh"' in page  # without JavaScript the page reloads itself
    assert len(queued) == 1
    queued[0]()  # the worker picks the task up
    export.refresh_from_db()
    assert (export.status, export.progress) == (ApplicationExport.Status.READY, 100)
    partial = client.get(status_url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in partial  # polling stops
    file_url = reverse("grants:application_export_file", args=[full_application.pk, export.pk])
    assert file_url in partial
    assert body(client.get(file_url)).startswith(b"%PDF")


@embedded
def test_the_pdf_of_a_version_is_rendered_once_and_then_downloaded_at_once(
    client: Any, owner: Any, full_application: Application, monkeypatch: Any
) -> None:
    renders: list[int] = []
    real = export_jobs.build_pdf

    def counting(application: Any, doc: Any, **kwargs: Any) -> bytes:
        renders.append(application.pk)
        return real(application, doc, **kwargs)

    monkeypatch.setattr(export_jobs, "build_pdf", counting)
    client.force_login(owner)
    for _ in range(3):
        assert body(client.get(pdf_url(full_application))).startswith(b"%PDF")
    assert len(renders) == 1
    assert ApplicationExport.objects.count() == 1


def test_progress_is_reported_between_the_steps(
    owner: Any, full_application: Application, monkeypatch: Any
) -> None:
    seen: list[int] = []
    monkeypatch.setattr(export_jobs, "_report", lambda export, percent: seen.append(percent))
    export = ApplicationExport.objects.create(
        application=full_application, version=full_application.version, format="pdf"
    )
    export_jobs.application_export_execute(export_id=export.pk)
    assert seen == [20, 80]


def test_the_pdf_shows_the_version_asked_for_not_later_edits(
    owner: Any, full_application: Application
) -> None:
    export = ApplicationExport.objects.create(application=full_application, version=1, format="pdf")
    export_jobs.application_export_execute(export_id=export.pk)
    export.refresh_from_db()
    assert export.status == ApplicationExport.Status.READY
    assert export.filename == f"zayavka-{full_application.pk}-v1.pdf"
    assert full_application.version == 2


def test_only_the_last_versions_keep_their_files(owner: Any, full_application: Application) -> None:
    for version in range(1, 6):
        export = ApplicationExport.objects.create(
            application=full_application, version=version, format="pdf"
        )
        export_jobs.application_export_execute(export_id=export.pk)
    kept = list(ApplicationExport.objects.values_list("version", flat=True).order_by("version"))
    assert kept == [3, 4, 5]


@embedded
def test_a_failed_render_says_why_and_is_tried_again_when_asked(
    client: Any, owner: Any, full_application: Application, monkeypatch: Any
) -> None:
    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise OSError("Pango is not installed")

    monkeypatch.setattr(export_jobs, "build_pdf", broken)
    client.force_login(owner)
    response = client.get(pdf_url(full_application), follow=True)
    page = response.content.decode()
    assert "Не удалось подготовить PDF" in page
    assert "Pango is not installed" in page
    assert ApplicationExport.objects.get().status == ApplicationExport.Status.FAILED
    monkeypatch.undo()
    response = client.get(pdf_url(full_application))
    assert body(response).startswith(b"%PDF")
    assert ApplicationExport.objects.get().status == ApplicationExport.Status.READY


def test_outsiders_see_neither_the_pdf_nor_its_progress(
    client: Any,
    outsider: Any,
    full_application: Application,
    django_capture_on_commit_callbacks: Any,
) -> None:
    export = ApplicationExport.objects.create(
        application=full_application, version=full_application.version, format="pdf"
    )
    export_jobs.application_export_execute(export_id=export.pk)
    client.force_login(outsider)
    args = [full_application.pk, export.pk]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(pdf_url(full_application)).status_code == 404
    assert client.get(reverse("grants:application_export_status", args=args)).status_code == 404
    assert client.get(reverse("grants:application_export_file", args=args)).status_code == 404
    assert ApplicationExport.objects.count() == 1


def test_an_export_of_another_application_is_not_found(
    client: Any, owner: Any, full_application: Application, ngo: Any
) -> None:
    other = Application.objects.create(organization=ngo, title="Другая заявка", version=1)
    export = ApplicationExport.objects.create(application=other, version=1, format="pdf")
    client.force_login(owner)
    url = reverse("grants:application_export_status", args=[full_application.pk, export.pk])
    assert client.get(url).status_code == 404


def test_workers_load_the_pdf_renderer_at_start_when_told_to(
    settings: Any, monkeypatch: Any
) -> None:
    calls: list[bool] = []
    monkeypatch.setattr("nkohub.grants.exports.warm_up_pdf", lambda: calls.append(True))
    config: Any = apps.get_app_config("grants")
    settings.GRANTS_WARM_PDF_RENDERER = False
    config._warm_pdf_renderer()
    settings.GRANTS_WARM_PDF_RENDERER = True
    config._warm_pdf_renderer()
    assert calls == [True]


def test_the_docx_is_downloaded_at_once(
    client: Any, owner: Any, full_application: Application
) -> None:
    client.force_login(owner)
    response = client.get(reverse("grants:application_export", args=[full_application.pk, "docx"]))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="zayavka-{full_application.pk}-v{full_application.version}.docx"'
    )
    assert body(response).startswith(b"PK")  # a ZIP: the Office Open XML package
    assert not ApplicationExport.objects.exists()
