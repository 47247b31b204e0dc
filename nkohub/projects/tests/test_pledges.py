import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from nkohub.core.errors import DomainError
from nkohub.notifications.models import Notification
from nkohub.projects import selectors, services
from nkohub.projects.models import Partnership, Pledge, Project, ProjectNeed
from nkohub.projects.tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db


def _pledge_post(business: Any, need: ProjectNeed, amount: str = "120 000,00") -> dict[str, Any]:
    return {
        "organization": business.pk,
        "kind": "money",
        "need": need.pk,
        "amount": amount,
        "description": "На продуктовые наборы",
        "conditions": "Отчёт раз в квартал",
    }


def test_a_sponsor_pledges_for_the_business_and_the_team_is_told(
    client: Any, sponsor: Any, business: Any, editor: Any, project: Project, money_need: ProjectNeed
) -> None:
    client.force_login(sponsor)
    form_page = client.get(reverse("projects:pledge", args=[project.pk]))
    assert form_page.status_code == 200
    assert "<h1>Предложить поддержку</h1>" in form_page.content.decode()
    assert f">{business.display_name}</option>" in form_page.content.decode()
    response = client.post(
        reverse("projects:pledge", args=[project.pk]), _pledge_post(business, money_need)
    )
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert pledge.organization == business
    assert pledge.amount == Decimal("120000.00")
    assert isinstance(pledge.amount, Decimal)
    assert pledge.status == Pledge.Status.PENDING
    assert Notification.objects.filter(recipient=editor, kind="projects.pledge.created").exists()


def test_a_person_pledges_as_themselves(client: Any, outsider: Any, project: Project) -> None:
    client.force_login(outsider)
    data = {"kind": "goods", "description": "Тёплые пледы, 10 штук", "amount": "10"}
    assert client.post(reverse("projects:pledge", args=[project.pk]), data).status_code == 302
    pledge = Pledge.objects.get()
    assert pledge.organization is None
    assert pledge.pledger_name == outsider.display_name


def test_a_person_cannot_pledge_in_the_name_of_a_company_they_do_not_act_for(
    client: Any, sponsor_member: Any, business: Any, project: Project, money_need: ProjectNeed
) -> None:
    client.force_login(sponsor_member)
    response = client.post(
        reverse("projects:pledge", args=[project.pk]), _pledge_post(business, money_need)
    )
    assert response.status_code == 400
    assert "organization" in response.context["form"].errors
    assert not Pledge.objects.exists()


def test_money_needs_an_amount_and_goods_a_description(
    client: Any, outsider: Any, project: Project
) -> None:
    client.force_login(outsider)
    url = reverse("projects:pledge", args=[project.pk])
    response = client.post(url, {"kind": "money"})
    assert response.context["form"].errors == {"amount": ["Укажите сумму в рублях."]}
    assert "Укажите сумму в рублях." in response.content.decode()
    response = client.post(url, {"kind": "goods"})
    assert response.context["form"].errors == {
        "description": ["Опишите, что именно вы предлагаете."]
    }
    response = client.post(url, {"kind": "money", "amount": "-5"})
    assert (
        "Убедитесь, что это значение больше либо равно 0.01."
        in response.context["form"].errors["amount"]
    )
    assert not Pledge.objects.exists()


def test_the_team_cannot_pledge_to_its_own_project(
    client: Any, editor: Any, member: Any, project: Project
) -> None:
    for person in (editor, member):
        client.force_login(person)
        assert client.get(reverse("projects:pledge", args=[project.pk])).status_code == 403


def test_a_guest_is_sent_to_log_in(client: Any, project: Project) -> None:
    response = client.get(reverse("projects:pledge", args=[project.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_nobody_pledges_to_a_project_not_at_the_fair(
    client: Any, outsider: Any, draft: Project
) -> None:
    client.force_login(outsider)
    assert (
        client.post(reverse("projects:pledge", args=[draft.pk]), {"kind": "goods"}).status_code
        == 404
    )


def test_a_money_pledge_cannot_cover_a_volunteer_need(outsider: Any, project: Project) -> None:
    need = project.needs.create(kind="volunteers", description="Волонтёры", quantity=5, unit="чел.")
    with pytest.raises(DomainError, match="Денежная"):
        services.pledge_create(
            actor=outsider, project=project, kind="money", amount=Decimal(100), need=need
        )


def test_accepting_makes_a_partnership_and_tells_the_sponsor(
    client: Any, editor: Any, sponsor: Any, business: Any, project: Project, money_need: ProjectNeed
) -> None:
    pledge = PledgeFactory.create(
        project=project, need=money_need, organization=business, pledged_by=sponsor
    )
    client.force_login(editor)
    assert client.post(reverse("projects:pledge_accept", args=[pledge.pk])).status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.ACCEPTED
    assert pledge.decided_by == editor
    assert Partnership.objects.get(pledge=pledge).status == Partnership.Status.ACTIVE
    assert Notification.objects.filter(recipient=sponsor, kind="projects.pledge.accepted").exists()


def test_a_pledge_is_decided_once(editor: Any, project: Project) -> None:
    pledge = PledgeFactory.create(project=project)
    services.pledge_accept(actor=editor, pledge=pledge)
    with pytest.raises(DomainError, match="уже есть решение"):
        services.pledge_decline(actor=editor, pledge=pledge)


@pytest.mark.parametrize("action", ["pledge_accept", "pledge_decline"])
def test_only_the_team_decides(
    client: Any, member: Any, outsider: Any, sponsor: Any, project: Project, action: str
) -> None:
    pledge = PledgeFactory.create(project=project, pledged_by=sponsor)
    url = reverse(f"projects:{action}", args=[pledge.pk])
    client.force_login(outsider)
    assert client.post(url).status_code == 404
    client.force_login(member)
    assert client.post(url).status_code == 404
    client.force_login(sponsor)  # the pledger sees the pledge but cannot decide it
    assert client.post(url).status_code == 403
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.PENDING


def test_declining_keeps_the_reason_and_tells_the_pledger(
    client: Any, editor: Any, outsider: Any, project: Project
) -> None:
    pledge = PledgeFactory.create(
        project=project, pledged_by=outsider, kind="goods", amount=None, description="Пледы"
    )
    client.force_login(editor)
    client.post(reverse("projects:pledge_decline", args=[pledge.pk]), {"reason": "Уже собрали"})
    pledge.refresh_from_db()
    assert (pledge.status, pledge.decline_reason) == (Pledge.Status.DECLINED, "Уже собрали")
    assert Notification.objects.filter(recipient=outsider, kind="projects.pledge.declined").exists()


def test_the_pledger_withdraws_but_nobody_else(
    client: Any, editor: Any, outsider: Any, sponsor: Any, project: Project
) -> None:
    pledge = PledgeFactory.create(project=project, pledged_by=sponsor)
    url = reverse("projects:pledge_withdraw", args=[pledge.pk])
    client.force_login(outsider)
    assert client.post(url).status_code == 404
    client.force_login(editor)
    assert client.post(url).status_code == 403
    client.force_login(sponsor)
    assert client.post(url).status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.WITHDRAWN
    assert Notification.objects.filter(recipient=editor, kind="projects.pledge.withdrawn").exists()


def test_fulfilment_moves_the_coverage(
    client: Any, editor: Any, sponsor: Any, business: Any, project: Project, money_need: ProjectNeed
) -> None:
    pledge = PledgeFactory.create(
        project=project, need=money_need, organization=business, pledged_by=sponsor
    )
    PledgeFactory.create(
        project=project, need=money_need, amount=Decimal("1000.00")
    )  # pending: not counted as pledged
    partnership = services.pledge_accept(actor=editor, pledge=pledge)
    [row] = selectors.need_coverage(project)
    assert (row.pledged, row.received, row.pending) == (
        Decimal("120000.00"),
        Decimal("0"),
        Decimal("1000.00"),
    )
    assert row.pledged_percent == 40

    client.force_login(editor)
    today = timezone.localdate().isoformat()
    response = client.post(
        reverse("projects:fulfilment", args=[partnership.pk]),
        {"received_on": today, "amount": "80 000,10"},
    )
    assert response.status_code == 302
    [row] = selectors.need_coverage(project)
    assert row.received == Decimal("80000.10")
    assert row.received_percent == 26
    assert Notification.objects.filter(
        recipient=sponsor, kind="projects.fulfilment.recorded"
    ).exists()
    page = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert '<progress id="received-' in page
    assert 'value="26"' in page
    assert '<meter id="pledged-' in page
    assert 'value="40"' in page

    services.fulfilment_record(
        actor=editor,
        partnership=partnership,
        received_on=timezone.localdate(),
        amount=Decimal("39999.90"),
    )
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.FULFILLED


def test_money_sums_stay_exact(editor: Any, project: Project, money_need: ProjectNeed) -> None:
    for _ in range(3):
        pledge = PledgeFactory.create(project=project, need=money_need, amount=Decimal("0.10"))
        partnership = services.pledge_accept(actor=editor, pledge=pledge)
        services.fulfilment_record(
            actor=editor,
            partnership=partnership,
            received_on=timezone.localdate(),
            amount=Decimal("0.10"),
        )
    [row] = selectors.need_coverage(project)
    assert row.pledged == Decimal("0.30")
    assert row.received == Decimal("0.30")


def test_only_the_team_records_fulfilment(
    client: Any, member: Any, sponsor: Any, outsider: Any, editor: Any, project: Project
) -> None:
    pledge = PledgeFactory.create(project=project, pledged_by=sponsor)
    partnership = services.pledge_accept(actor=editor, pledge=pledge)
    url = reverse("projects:fulfilment", args=[partnership.pk])
    data = {"received_on": timezone.localdate().isoformat(), "amount": "100"}
    client.force_login(outsider)
    assert client.post(url, data).status_code == 404
    client.force_login(sponsor)
    assert client.post(url, data).status_code == 403
    client.force_login(member)
    assert client.post(url, data).status_code == 404
    assert not partnership.fulfilments.exists()


def test_fulfilment_cannot_be_dated_in_the_future(editor: Any, project: Project) -> None:
    partnership = services.pledge_accept(actor=editor, pledge=PledgeFactory.create(project=project))
    with pytest.raises(DomainError, match="будущем"):
        services.fulfilment_record(
            actor=editor,
            partnership=partnership,
            received_on=timezone.localdate() + datetime.timedelta(days=1),
            amount=Decimal(1),
        )


def test_the_team_sees_all_pledges_a_pledger_only_theirs(
    client: Any, editor: Any, sponsor: Any, outsider: Any, project: Project
) -> None:
    PledgeFactory.create(project=project, pledged_by=sponsor, description="Предложение спонсора")
    PledgeFactory.create(project=project, pledged_by=outsider, description="Предложение жителя")
    client.force_login(editor)
    assert len(client.get(reverse("projects:detail", args=[project.pk])).context["pledges"]) == 2
    client.force_login(outsider)
    pledges = client.get(reverse("projects:detail", args=[project.pk])).context["pledges"]
    assert [p.description for p in pledges] == ["Предложение жителя"]


def test_a_closed_project_takes_no_pledges(outsider: Any, editor: Any, project: Project) -> None:
    services.project_change_status(actor=editor, project=project, status=Project.Status.CANCELLED)
    with pytest.raises(DomainError, match="не принимает"):
        services.pledge_create(actor=outsider, project=project, kind="goods", description="Пледы")


def test_accepted_organisations_are_shown_as_partners_but_people_stay_private(
    client: Any, editor: Any, sponsor: Any, business: Any, outsider: Any, project: Project
) -> None:
    services.pledge_accept(
        actor=editor,
        pledge=PledgeFactory.create(project=project, organization=business, pledged_by=sponsor),
    )
    services.pledge_accept(
        actor=editor, pledge=PledgeFactory.create(project=project, pledged_by=outsider)
    )
    response = client.get(reverse("projects:detail", args=[project.pk]))
    assert list(response.context["partners"]) == [business]
    assert outsider.display_name not in response.content.decode()


def test_an_ended_partnership_counts_only_what_it_delivered(
    client: Any,
    editor: Any,
    member: Any,
    sponsor: Any,
    business: Any,
    project: Project,
    money_need: ProjectNeed,
) -> None:
    pledge = PledgeFactory.create(
        project=project, need=money_need, organization=business, pledged_by=sponsor
    )
    partnership = services.pledge_accept(actor=editor, pledge=pledge)
    services.fulfilment_record(
        actor=editor,
        partnership=partnership,
        received_on=timezone.localdate(),
        amount=Decimal("30000.00"),
    )
    url = reverse("projects:partnership_end", args=[partnership.pk])
    client.force_login(member)
    assert client.post(url, {"reason": "Чужое решение"}).status_code == 404
    client.force_login(sponsor)
    assert client.post(url, {"reason": "Чужое решение"}).status_code == 403
    client.force_login(editor)
    client.post(url, {"reason": ""})
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.ACTIVE
    client.post(url, {"reason": "Компания не смогла продолжить"})
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.CANCELLED
    [row] = selectors.need_coverage(project)
    assert (row.pledged, row.received) == (Decimal("30000.00"), Decimal("30000.00"))
    assert Notification.objects.filter(
        recipient=sponsor, kind="projects.partnership.ended"
    ).exists()
