"""Supporting an idea once, withdrawing the support, and who may not."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.core.errors import DomainError
from nkohub.ideas import services
from nkohub.ideas.models import Idea, IdeaSupport

pytestmark = pytest.mark.django_db


def _count(idea: Idea) -> int:
    return Idea.objects.get(pk=idea.pk).supports_count


def test_a_support_moves_the_counter(idea: Idea, outsider: Any) -> None:
    services.idea_support(actor=outsider, idea=idea)
    assert _count(idea) == 1


def test_a_second_support_of_one_person_changes_nothing(idea: Idea, outsider: Any) -> None:
    services.idea_support(actor=outsider, idea=idea)
    again = services.idea_support(actor=outsider, idea=idea)
    assert (again, _count(idea), IdeaSupport.objects.count()) == (False, 1, 1)


def test_the_author_cannot_support_their_own_idea(idea: Idea, member: Any) -> None:
    with pytest.raises(DomainError):
        services.idea_support(actor=member, idea=idea)


def test_a_rejected_idea_collects_no_supports(idea: Idea, outsider: Any) -> None:
    Idea.objects.filter(pk=idea.pk).update(status=Idea.Status.REJECTED, status_reason="Дубль")
    idea.refresh_from_db()
    with pytest.raises(DomainError):
        services.idea_support(actor=outsider, idea=idea)


def test_withdrawing_a_support_moves_the_counter_back(idea: Idea, outsider: Any) -> None:
    services.idea_support(actor=outsider, idea=idea)
    services.idea_withdraw_support(actor=outsider, idea=idea)
    assert (_count(idea), IdeaSupport.objects.count()) == (0, 0)


def test_withdrawing_twice_moves_the_counter_once(idea: Idea, outsider: Any, owner: Any) -> None:
    services.idea_support(actor=outsider, idea=idea)
    services.idea_support(actor=owner, idea=idea)
    services.idea_withdraw_support(actor=outsider, idea=idea)
    again = services.idea_withdraw_support(actor=outsider, idea=idea)
    assert (again, _count(idea)) == (False, 1)


def test_the_button_supports_the_idea(client: Any, idea: Idea, outsider: Any) -> None:
    client.force_login(outsider)
    client.post(reverse("ideas:support", args=[idea.pk]))
    assert IdeaSupport.objects.filter(idea=idea, user=outsider).exists()


def test_an_anonymous_visitor_is_sent_to_log_in_to_support(client: Any, idea: Idea) -> None:
    response = client.post(reverse("ideas:support", args=[idea.pk]))
    assert response.url.startswith(reverse("account_login"))


def test_supporting_a_missing_idea_is_404(client: Any, outsider: Any) -> None:
    client.force_login(outsider)
    assert client.post(reverse("ideas:support", args=[999999])).status_code == 404


def test_the_author_s_press_is_refused_with_the_reason(
    client: Any, idea: Idea, member: Any
) -> None:
    client.force_login(member)
    response = client.post(reverse("ideas:support", args=[idea.pk]), follow=True)
    assert "Нельзя поддержать свою идею" in response.content.decode()


def test_the_page_shows_the_withdraw_button_to_a_supporter(
    client: Any, idea: Idea, outsider: Any
) -> None:
    services.idea_support(actor=outsider, idea=idea)
    client.force_login(outsider)
    response = client.get(idea.get_absolute_url())
    assert reverse("ideas:withdraw", args=[idea.pk]) in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_log_in_to_withdraw(client: Any, idea: Idea) -> None:
    response = client.post(reverse("ideas:withdraw", args=[idea.pk]))
    assert response.url.startswith(reverse("account_login"))


def test_withdrawing_from_a_missing_idea_is_404(client: Any, outsider: Any) -> None:
    client.force_login(outsider)
    assert client.post(reverse("ideas:withdraw", args=[999999])).status_code == 404


def test_someone_who_never_supported_withdraws_nothing(
    client: Any, idea: Idea, outsider: Any, owner: Any
) -> None:
    services.idea_support(actor=owner, idea=idea)
    client.force_login(outsider)
    client.post(reverse("ideas:withdraw", args=[idea.pk]))
    assert _count(idea) == 1
