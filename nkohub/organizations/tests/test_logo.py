"""An organisation's logo: checked before it is stored, its thumbnail made once in the background,
shown in the directory and on the profile, initials on a colour when there is none."""

import io
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from PIL import Image

from nkohub.core.models import AuditEntry
from nkohub.organizations import services, tasks
from nkohub.organizations.models import Organization
from nkohub.organizations.tests.test_edit import form_data

pytestmark = pytest.mark.django_db


def png(size: tuple[int, int] = (600, 600)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGBA", size, (29, 78, 137, 255)).save(buffer, format="PNG")
    return SimpleUploadedFile("Логотип фонда.png", buffer.getvalue(), content_type="image/png")


def upload_logo(
    client: Any, organization: Organization, logo: Any, capture: Any, **changes: Any
) -> Any:
    with capture(execute=True):
        return client.post(
            reverse("organizations:edit", args=[organization.pk]),
            form_data(organization, logo=logo, **changes),
        )


def test_an_owner_uploads_a_logo_and_its_thumbnail_is_made(
    client: Any, owner: Any, ngo: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(owner)
    response = upload_logo(client, ngo, png(), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    ngo.refresh_from_db()
    assert str(ngo.logo.name).startswith("organizations/logos/")
    assert str(ngo.logo.name).endswith(".png")
    assert "Логотип" not in str(ngo.logo.name)  # stored under a name of our own
    assert str(ngo.logo_thumbnail.name).endswith("-192.webp")
    with Image.open(default_storage.open(str(ngo.logo_thumbnail.name))) as thumbnail:
        assert thumbnail.size == (192, 192)
    assert ngo.logo_src == ngo.logo_thumbnail.url
    entry = AuditEntry.objects.get(action="organizations.organization.update")
    assert "logo" in entry.changes


def test_until_the_thumbnail_is_ready_the_original_is_shown(owner: Any, ngo: Organization) -> None:
    # in a transaction that has not committed, the task has not run yet
    services.organization_update(actor=owner, organization=ngo, data={"logo": png()})
    ngo.refresh_from_db()
    assert not ngo.logo_thumbnail
    assert ngo.logo_src == ngo.logo.url


def test_a_text_file_named_like_a_logo_is_refused_and_nothing_is_stored(
    client: Any, owner: Any, ngo: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(owner)
    fake = SimpleUploadedFile("logo.png", b"GIF89a? no, just text", content_type="image/png")
    response = upload_logo(
        client, ngo, fake, django_capture_on_commit_callbacks, description="Новый текст"
    )
    assert response.status_code == 200
    assert "Файл не похож на изображение" in response.content.decode()
    assert response.context["form"]["description"].value() == "Новый текст"
    ngo.refresh_from_db()
    assert not ngo.logo
    assert not default_storage.exists("organizations/logos")


def test_a_logo_over_2_mb_is_refused(
    client: Any, owner: Any, ngo: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(owner)
    big = SimpleUploadedFile("logo.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 1))
    response = upload_logo(client, ngo, big, django_capture_on_commit_callbacks)
    assert "не больше 2 МБ" in response.content.decode()


def test_a_service_caller_is_refused_a_non_image_too(owner: Any, ngo: Organization) -> None:
    from nkohub.core.errors import DomainError

    with pytest.raises(DomainError) as error:
        services.organization_update(
            actor=owner,
            organization=ngo,
            data={"logo": SimpleUploadedFile("logo.png", b"%PDF-1.4")},
        )
    assert error.value.field == "logo"


def test_a_new_logo_replaces_the_old_files(
    client: Any, owner: Any, ngo: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(owner)
    upload_logo(client, ngo, png(), django_capture_on_commit_callbacks)
    ngo.refresh_from_db()
    old = [str(ngo.logo.name), str(ngo.logo_thumbnail.name)]
    upload_logo(client, ngo, png((400, 200)), django_capture_on_commit_callbacks)
    ngo.refresh_from_db()
    assert str(ngo.logo.name) not in old
    assert ngo.logo_thumbnail
    assert not any(default_storage.exists(name) for name in old)


def test_clearing_the_logo_removes_it(
    client: Any, owner: Any, ngo: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(owner)
    upload_logo(client, ngo, png(), django_capture_on_commit_callbacks)
    ngo.refresh_from_db()
    names = [str(ngo.logo.name), str(ngo.logo_thumbnail.name)]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("organizations:edit", args=[ngo.pk]), {**form_data(ngo), "logo-clear": "on"}
        )
    ngo.refresh_from_db()
    assert not ngo.logo
    assert not ngo.logo_thumbnail
    assert not any(default_storage.exists(name) for name in names)


def test_saving_the_profile_without_a_new_file_keeps_the_logo(
    client: Any, owner: Any, ngo: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(owner)
    upload_logo(client, ngo, png(), django_capture_on_commit_callbacks)
    ngo.refresh_from_db()
    names = (str(ngo.logo.name), str(ngo.logo_thumbnail.name))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("organizations:edit", args=[ngo.pk]), form_data(ngo))
    ngo.refresh_from_db()
    assert (str(ngo.logo.name), str(ngo.logo_thumbnail.name)) == names


def test_a_member_cannot_change_the_logo(
    client: Any, member: Any, ngo: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(member)
    response = upload_logo(client, ngo, png(), django_capture_on_commit_callbacks)
    assert response.status_code == 403
    ngo.refresh_from_db()
    assert not ngo.logo


def test_an_outsider_cannot_change_the_logo(
    client: Any, outsider: Any, ngo: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(outsider)
    response = upload_logo(client, ngo, png(), django_capture_on_commit_callbacks)
    assert response.status_code == 404
    ngo.refresh_from_db()
    assert not ngo.logo


def test_the_thumbnail_is_made_once(owner: Any, ngo: Organization) -> None:
    services.organization_update(actor=owner, organization=ngo, data={"logo": png()})
    first = services.organization_logo_thumbnail_make(organization_id=ngo.pk)
    again = services.organization_logo_thumbnail_make(organization_id=ngo.pk)
    assert first == again
    assert len(default_storage.listdir("organizations/logos/thumbnails")[1]) == 1


def test_a_logo_replaced_before_its_task_ran_never_gets_the_old_thumbnail(
    owner: Any, ngo: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.organization_update(actor=owner, organization=ngo, data={"logo": png()})
    from nkohub.core import images

    real_render = images.render_thumbnail

    def render_then_replace(file: Any, slot: Any) -> Any:
        content = real_render(file, slot)
        # meanwhile the owner uploads another logo
        Organization.objects.filter(pk=ngo.pk).update(logo="organizations/logos/other.png")
        return content

    monkeypatch.setattr(images, "render_thumbnail", render_then_replace)
    assert services.organization_logo_thumbnail_make(organization_id=ngo.pk) == ""
    ngo.refresh_from_db()
    assert not ngo.logo_thumbnail
    assert default_storage.listdir("organizations/logos/thumbnails")[1] == []


def test_the_task_makes_the_thumbnail(owner: Any, ngo: Organization) -> None:
    services.organization_update(actor=owner, organization=ngo, data={"logo": png()})
    result = tasks.make_logo_thumbnail.enqueue(ngo.pk)
    ngo.refresh_from_db()
    assert result.return_value == str(ngo.logo_thumbnail.name) != ""


def test_the_directory_shows_logos_and_initials_for_the_others(
    client: Any, owner: Any, ngo: Organization, other_ngo: Organization
) -> None:
    services.organization_update(actor=owner, organization=ngo, data={"logo": png()})
    services.organization_logo_thumbnail_make(organization_id=ngo.pk)
    ngo.refresh_from_db()
    content = client.get(reverse("organizations:directory")).content.decode()
    assert f'src="{ngo.logo_thumbnail.url}"' in content
    assert "logo-placeholder logo-tone-" in content
    assert ">Д</span>" in content  # «БФ «Другой»»: one word in the quotes, one letter


def test_the_profile_shows_the_logo_with_a_text_alternative(
    client: Any, owner: Any, ngo: Organization
) -> None:
    services.organization_update(actor=owner, organization=ngo, data={"logo": png()})
    content = client.get(reverse("organizations:detail", args=[ngo.pk])).content.decode()
    assert f'src="{Organization.objects.get(pk=ngo.pk).logo.url}"' in content
    assert 'alt="Логотип: АНО «Добрые соседи»"' in content


def test_an_operator_uploads_a_logo_in_the_admin_and_it_gets_its_thumbnail(
    rf: Any, operator: Any, ngo: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    from types import SimpleNamespace

    from django.contrib import admin

    model_admin = admin.site._registry[Organization]
    request = rf.post("/admin/")
    request.user = operator
    logo = png()
    ngo.logo = logo  # as the admin's model form leaves it
    form = SimpleNamespace(changed_data=["logo"], cleaned_data={"logo": logo})
    with django_capture_on_commit_callbacks(execute=True):
        model_admin.save_model(request, ngo, form, change=True)
    ngo.refresh_from_db()
    assert ngo.logo.name
    assert ngo.logo_thumbnail.name


def test_the_admin_refuses_a_logo_that_is_not_a_picture(
    rf: Any, operator: Any, ngo: Organization
) -> None:
    from django.contrib import admin

    request = rf.get("/admin/")
    request.user = operator
    form_class = admin.site._registry[Organization].get_form(request, ngo)
    form = form_class(
        data={},
        files=MultiValueDict({"logo": [SimpleUploadedFile("logo.png", b"%PDF-1.4")]}),
        instance=ngo,
    )
    form.is_valid()
    assert "logo" in form.errors


def test_the_command_makes_the_thumbnails_that_are_missing(
    owner: Any, ngo: Organization, other_ngo: Organization
) -> None:
    from django.core.management import call_command

    services.organization_update(actor=owner, organization=ngo, data={"logo": png()})
    call_command("make_logo_thumbnails", stdout=io.StringIO())
    ngo.refresh_from_db()
    other_ngo.refresh_from_db()
    assert ngo.logo_thumbnail
    assert not other_ngo.logo_thumbnail  # no logo, nothing to make


def test_a_logo_sent_with_a_profile_that_cannot_be_saved_is_not_kept(
    owner: Any, ngo: Organization
) -> None:
    from nkohub.core.errors import DomainError

    with pytest.raises(DomainError):
        services.organization_update(
            actor=owner, organization=ngo, data={"logo": png(), "public_email": "не адрес"}
        )
    assert not default_storage.exists("organizations/logos") or not any(
        default_storage.listdir("organizations/logos")[1]
    )


def test_logos_cost_the_directory_no_queries(
    client: Any, owner: Any, ngo: Organization, django_assert_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from nkohub.organizations.tests.factories import OrganizationFactory

    services.organization_update(actor=owner, organization=ngo, data={"logo": png()})
    services.organization_logo_thumbnail_make(organization_id=ngo.pk)
    ngo.refresh_from_db()
    # the first visit after a change to the registry: the directory's own caches are cold both times
    with CaptureQueriesContext(connection) as one_logo:
        client.get(reverse("organizations:directory"))
    for _ in range(8):
        OrganizationFactory.create(logo=ngo.logo.name, logo_thumbnail=ngo.logo_thumbnail.name)
    with django_assert_num_queries(len(one_logo.captured_queries)):
        content = client.get(reverse("organizations:directory")).content.decode()
    assert content.count(f'src="{ngo.logo_thumbnail.url}"') == 9
