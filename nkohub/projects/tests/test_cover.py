"""A project's cover: uploaded with the description, checked before it is stored, its 16:9
thumbnail made once in the background; the fair's cards show it, or a placeholder, and a bar of
how far the project's needs are covered."""

import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from nkohub.core.models import AuditEntry
from nkohub.notifications.models import TaskFailure
from nkohub.projects import selectors, services
from nkohub.projects.models import Pledge, Project
from nkohub.projects.tests.factories import ProjectFactory, ProjectNeedFactory
from nkohub.projects.tests.test_projects import PROJECT_POST

pytestmark = pytest.mark.django_db


def jpeg(size: tuple[int, int] = (1600, 1200)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 107, 58)).save(buffer, format="JPEG")
    return SimpleUploadedFile("IMG_2041.JPG", buffer.getvalue(), content_type="image/jpeg")


def edit(client: Any, project: Project, capture: Any, **changes: Any) -> Any:
    with capture(execute=True):
        return client.post(reverse("projects:edit", args=[project.pk]), {**PROJECT_POST, **changes})


def create_with_cover(client: Any, editor: Any, ngo: Any, capture: Any) -> Project:
    client.force_login(editor)
    with capture(execute=True):
        response = client.post(
            reverse("projects:create"), {**PROJECT_POST, "organization": ngo.pk, "cover": jpeg()}
        )
    assert response.status_code == 302
    return Project.objects.get()


def test_an_editor_creates_a_project_with_a_cover_and_its_thumbnail_is_made(
    client: Any, editor: Any, ngo: Any, django_capture_on_commit_callbacks: Any
) -> None:
    project = create_with_cover(client, editor, ngo, django_capture_on_commit_callbacks)
    assert str(project.cover.name).startswith("projects/covers/")
    assert str(project.cover.name).endswith(".jpg")
    with Image.open(default_storage.open(str(project.cover_thumbnail.name))) as thumbnail:
        assert (thumbnail.format, thumbnail.size) == ("WEBP", (960, 540))
    assert project.cover_src == project.cover_thumbnail.url


def test_with_the_queue_down_the_project_is_saved_and_its_thumbnail_waits(
    client: Any, editor: Any, ngo: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0", "DEFAULT_TIMEOUT": 60}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    project = create_with_cover(client, editor, ngo, django_capture_on_commit_callbacks)
    assert not project.cover_thumbnail  # made later: the task waits for the queue
    failure = TaskFailure.objects.get()
    assert (failure.task_path.rsplit(".", 1)[-1], failure.args) == (
        "make_cover_thumbnail",
        [project.pk],
    )


def test_an_editor_replaces_the_cover_and_the_old_files_go(
    client: Any, editor: Any, draft: Project, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(editor)
    edit(client, draft, django_capture_on_commit_callbacks, cover=jpeg())
    draft.refresh_from_db()
    old = [str(draft.cover.name), str(draft.cover_thumbnail.name)]
    edit(client, draft, django_capture_on_commit_callbacks, cover=jpeg((800, 800)))
    draft.refresh_from_db()
    assert str(draft.cover.name) not in old
    assert draft.cover_thumbnail
    assert not any(default_storage.exists(name) for name in old)
    entry = AuditEntry.objects.filter(action="projects.project.update").latest("pk")
    assert "cover" in entry.changes


def test_an_editor_removes_the_cover(
    client: Any, editor: Any, draft: Project, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(editor)
    edit(client, draft, django_capture_on_commit_callbacks, cover=jpeg())
    draft.refresh_from_db()
    names = [str(draft.cover.name), str(draft.cover_thumbnail.name)]
    edit(client, draft, django_capture_on_commit_callbacks, remove_cover="on")
    draft.refresh_from_db()
    assert not draft.cover
    assert not draft.cover_thumbnail
    assert not any(default_storage.exists(name) for name in names)


def test_saving_without_a_new_file_keeps_the_cover(
    client: Any, editor: Any, draft: Project, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(editor)
    edit(client, draft, django_capture_on_commit_callbacks, cover=jpeg())
    draft.refresh_from_db()
    names = (str(draft.cover.name), str(draft.cover_thumbnail.name))
    edit(client, draft, django_capture_on_commit_callbacks, title="Школа заботы — 2")
    draft.refresh_from_db()
    assert (str(draft.cover.name), str(draft.cover_thumbnail.name)) == names


def test_a_cover_that_is_not_a_picture_is_refused_and_the_typed_text_is_kept(
    client: Any, editor: Any, draft: Project, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(editor)
    fake = SimpleUploadedFile("cover.jpg", b"%PDF-1.7 a document", content_type="image/jpeg")
    response = edit(
        client, draft, django_capture_on_commit_callbacks, cover=fake, title="Новое название"
    )
    assert response.status_code == 200
    assert "Файл не похож на изображение" in response.content.decode()
    assert response.context["form"]["title"].value() == "Новое название"
    draft.refresh_from_db()
    assert not draft.cover
    assert draft.title == "Огород добрых соседей"


def test_a_cover_too_small_for_a_card_is_refused(
    client: Any, editor: Any, draft: Project, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(editor)
    response = edit(client, draft, django_capture_on_commit_callbacks, cover=jpeg((320, 240)))
    assert "480×270" in response.content.decode()


def test_a_member_cannot_change_the_cover(
    client: Any, member: Any, draft: Project, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(member)
    response = edit(client, draft, django_capture_on_commit_callbacks, cover=jpeg())
    assert response.status_code == 403
    draft.refresh_from_db()
    assert not draft.cover


def test_an_outsider_cannot_change_the_cover(
    client: Any, outsider: Any, draft: Project, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(outsider)
    response = edit(client, draft, django_capture_on_commit_callbacks, cover=jpeg())
    assert response.status_code == 404  # a draft is hidden from outsiders
    draft.refresh_from_db()
    assert not draft.cover


def test_the_fair_shows_the_cover_or_a_placeholder(
    client: Any, editor: Any, project: Project, ngo: Any, season: Any
) -> None:
    from nkohub.projects.tests.factories import FairEntryFactory

    services.project_update(actor=editor, project=project, data={}, cover=jpeg())
    services.project_cover_thumbnail_make(project_id=project.pk)
    project.refresh_from_db()
    bare = ProjectFactory.create(organization=ngo, title="Без обложки")
    FairEntryFactory.create(project=bare, season=season)
    content = client.get(reverse("projects:fair")).content.decode()
    assert f'src="{project.cover_thumbnail.url}"' in content
    assert f"cover-placeholder cover-tone-{bare.cover_tone}" in content


def test_the_project_page_shows_the_cover_and_offers_it_to_link_previews(
    client: Any, editor: Any, project: Project
) -> None:
    services.project_update(actor=editor, project=project, data={}, cover=jpeg())
    project.refresh_from_db()
    content = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert "cover-hero" in content
    assert f'<meta property="og:image" content="http://testserver{project.cover.url}">' in content


def test_a_card_bar_averages_how_far_each_need_is_covered(project: Project, outsider: Any) -> None:
    money = ProjectNeedFactory.create(project=project, quantity=Decimal("1000"))
    people = ProjectNeedFactory.create(project=project, quantity=Decimal("4"), unit="чел.")
    for need, amount in ((money, "1500"), (people, "1")):
        Pledge.objects.create(
            project=project,
            need=need,
            pledged_by=outsider,
            kind=Pledge.Kind.MONEY if need == money else Pledge.Kind.PRO_BONO,
            amount=Decimal(amount),
            status=Pledge.Status.ACCEPTED,
        )
    [card] = selectors.with_coverage(list(selectors.fair_projects()))
    # money: more than asked, counted as 100 %; people: 1 of 4 = 25 %
    coverage = getattr(card, "coverage")  # noqa: B009 — set by the selector, not a model field
    assert (coverage.needs, coverage.covered, coverage.percent) == (2, 1, 62)


def test_a_completed_project_has_no_bar(project: Project) -> None:
    ProjectNeedFactory.create(project=project)
    Project.objects.filter(pk=project.pk).update(status=Project.Status.COMPLETED)
    [card] = selectors.with_coverage(list(selectors.fair_projects()))
    assert getattr(card, "coverage") is None  # noqa: B009 — set by the selector


def test_an_operator_uploads_a_cover_in_the_admin_and_it_gets_its_thumbnail(
    rf: Any, operator: Any, draft: Project, django_capture_on_commit_callbacks: Any
) -> None:
    from types import SimpleNamespace

    from django.contrib import admin

    model_admin = admin.site._registry[Project]
    request = rf.post("/admin/")
    request.user = operator
    cover = jpeg()
    draft.cover = cover  # as the admin's model form leaves it
    form = SimpleNamespace(changed_data=["cover"], cleaned_data={"cover": cover})
    with django_capture_on_commit_callbacks(execute=True):
        model_admin.save_model(request, draft, form, change=True)
    draft.refresh_from_db()
    assert str(draft.cover.name).startswith("projects/covers/")
    assert draft.cover_thumbnail


def test_the_command_makes_the_cover_thumbnails_that_are_missing(
    editor: Any, draft: Project
) -> None:
    from django.core.management import call_command

    services.project_update(actor=editor, project=draft, data={}, cover=jpeg())
    call_command("make_cover_thumbnails", stdout=io.StringIO())
    draft.refresh_from_db()
    assert draft.cover_thumbnail
