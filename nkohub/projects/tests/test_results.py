from decimal import Decimal
from io import BytesIO
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from nkohub.core.errors import DomainError
from nkohub.notifications.models import Notification
from nkohub.projects import services
from nkohub.projects.models import Project, ResultPhoto
from nkohub.projects.tests.factories import PlannedResultFactory, PledgeFactory

pytestmark = pytest.mark.django_db


def _image(
    fmt: str = "JPEG", name: str = "photo.jpg", size: tuple[int, int] = (40, 30)
) -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", size, "orange").save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


@pytest.fixture
def running(project: Project) -> Project:
    project.status = Project.Status.RUNNING
    project.save()
    return project


def test_the_team_reports_actual_values_and_partners_are_told(
    client: Any, editor: Any, sponsor: Any, running: Project
) -> None:
    result = PlannedResultFactory.create(
        project=running, name="Семей обучено", unit="семей", planned_value=Decimal(60)
    )
    services.pledge_accept(
        actor=editor, pledge=PledgeFactory.create(project=running, pledged_by=sponsor)
    )
    client.force_login(editor)
    response = client.post(
        reverse("projects:results", args=[running.pk]),
        {f"actual_{result.pk}": "72", "outcome_story": "Обучили больше семей, чем планировали."},
    )
    assert response.status_code == 302
    result.refresh_from_db()
    assert result.actual_value == Decimal("72")
    assert result.achievement_percent == 120
    running.refresh_from_db()
    assert running.results_reported_at is not None
    assert Notification.objects.filter(recipient=sponsor, kind="projects.results.reported").exists()
    page = client.get(reverse("projects:detail", args=[running.pk])).content.decode()
    assert "Обучили больше семей" in page
    assert "120%" in page


def test_results_wait_until_the_project_runs(editor: Any, draft: Project) -> None:
    with pytest.raises(DomainError, match="реализуется"):
        services.results_report(actor=editor, project=draft, actual_values={}, outcome_story="Рано")


def test_a_member_cannot_report_results(client: Any, member: Any, running: Project) -> None:
    client.force_login(member)
    url = reverse("projects:results", args=[running.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"outcome_story": "Чужой отчёт"}).status_code == 403
    running.refresh_from_db()
    assert running.outcome_story == ""


def test_an_outsider_cannot_upload_photos(client: Any, outsider: Any, running: Project) -> None:
    client.force_login(outsider)
    response = client.post(reverse("projects:results", args=[running.pk]), {"image": _image()})
    assert response.status_code == 403
    assert not ResultPhoto.objects.exists()


def test_the_team_uploads_a_photo_stored_under_a_safe_name(
    client: Any, editor: Any, running: Project
) -> None:
    client.force_login(editor)
    response = client.post(
        reverse("projects:results", args=[running.pk]),
        {"image": _image("PNG", "../../evil.jpg"), "caption": "Занятие"},
    )
    assert response.status_code == 302
    photo = ResultPhoto.objects.get()
    assert str(photo.image.name).startswith(f"projects/{running.pk}/results/photo-")
    assert str(photo.image.name).endswith(".png")
    assert photo.caption == "Занятие"


def test_a_file_that_is_not_an_image_is_refused(client: Any, editor: Any, running: Project) -> None:
    client.force_login(editor)
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = client.post(reverse("projects:results", args=[running.pk]), {"image": fake})
    assert response.status_code == 400
    assert "image" in response.context["photo_form"].errors
    assert not ResultPhoto.objects.exists()


def test_a_gif_is_refused(editor: Any, running: Project) -> None:
    with pytest.raises(DomainError, match="JPEG, PNG и WebP"):
        services.result_photo_add(actor=editor, project=running, image=_image("GIF", "a.gif"))


def test_a_photo_over_5_mb_is_refused(editor: Any, running: Project, settings: Any) -> None:
    big = SimpleUploadedFile(
        "big.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 1), content_type="image/jpeg"
    )
    with pytest.raises(DomainError, match="5 МБ"):
        services.result_photo_add(actor=editor, project=running, image=big)


def test_the_team_deletes_a_photo_a_member_cannot(
    client: Any, editor: Any, member: Any, running: Project
) -> None:
    photo = services.result_photo_add(actor=editor, project=running, image=_image())
    url = reverse("projects:part_delete", args=[running.pk, "photo", photo.pk])
    client.force_login(member)
    assert client.post(url).status_code == 403
    client.force_login(editor)
    assert client.post(url).status_code == 302
    assert not ResultPhoto.objects.exists()
