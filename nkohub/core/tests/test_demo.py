import pytest
from django.core.management import call_command

from nkohub.accounts.models import User
from nkohub.organizations.models import Organization


@pytest.mark.django_db(transaction=True)
def test_load_demo_creates_every_role_and_a_second_run_changes_nothing(capsys) -> None:
    call_command("load_demo")
    output = capsys.readouterr().out
    for role in (
        "оператор",
        "владелец НКО",
        "редактор НКО",
        "участник",
        "чиновник",
        "спонсор",
        "медиапартнёр",
        "эксперт",
    ):
        assert role in output
    kinds = set(Organization.objects.values_list("kind", flat=True))
    assert {"ngo", "authority", "business", "media", "resource_centre"} <= kinds
    assert not User.objects.filter(is_demo=False, email__endswith="@demo.nko-cluster.ru").exists()
    counts = {model: model.objects.count() for model in (User, Organization)}
    call_command("load_demo", "--quiet-logins")
    assert {model: model.objects.count() for model in (User, Organization)} == counts


@pytest.mark.django_db(transaction=True)
def test_demo_organisations_and_projects_get_drawn_logos_and_covers_once() -> None:
    from nkohub.projects.models import Project

    call_command("load_demo", "--quiet-logins")
    with_logo = Organization.objects.exclude(logo="")
    assert with_logo.filter(kind="ngo").count() >= 10
    assert not with_logo.filter(logo_thumbnail="").exists()  # made by the task at once here
    covered = Project.objects.exclude(cover="")
    assert covered.exists()
    assert Project.objects.filter(cover="").exists()  # one shows a placeholder
    names = set(with_logo.values_list("logo", flat=True))
    call_command("load_demo", "--quiet-logins")
    assert set(Organization.objects.exclude(logo="").values_list("logo", flat=True)) == names
