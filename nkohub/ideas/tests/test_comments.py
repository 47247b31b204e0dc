"""Comments and moderation: an operator hides a comment with a reason and its author is told."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from nkohub.core.errors import DomainError
from nkohub.ideas import services
from nkohub.ideas.models import Idea, IdeaComment
from nkohub.ideas.tests.factories import IdeaCommentFactory
from nkohub.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_a_comment_is_published_under_the_idea(client: Any, idea: Idea, outsider: Any) -> None:
    client.force_login(outsider)
    client.post(reverse("ideas:comment", args=[idea.pk]), {"text": "Очень нужно, поддерживаю."})
    assert idea.comments.get().author == outsider


def test_the_idea_s_author_is_told_of_a_comment(idea: Idea, outsider: Any, member: Any) -> None:
    services.comment_add(actor=outsider, idea=idea, text="Очень нужно.")
    assert Notification.objects.filter(recipient=member, kind="ideas.comment.added").exists()


def test_an_anonymous_visitor_is_sent_to_log_in_to_comment(client: Any, idea: Idea) -> None:
    response = client.post(reverse("ideas:comment", args=[idea.pk]), {"text": "Анонимно"})
    assert response.url.startswith(reverse("account_login"))


def test_an_operator_hides_a_comment_and_its_author_is_told_why(idea: Idea, operator: Any) -> None:
    comment = IdeaCommentFactory.create(idea=idea)
    services.comment_hide(actor=operator, comment=comment, reason="Реклама")
    assert Notification.objects.get(recipient=comment.author, kind="ideas.comment.hidden").body == (
        "Реклама"
    )


def test_hiding_needs_a_reason(idea: Idea, operator: Any) -> None:
    comment = IdeaCommentFactory.create(idea=idea)
    with pytest.raises(DomainError):
        services.comment_hide(actor=operator, comment=comment, reason=" ")


def test_the_idea_s_author_may_not_hide_comments(idea: Idea, member: Any) -> None:
    comment = IdeaCommentFactory.create(idea=idea)
    with pytest.raises(PermissionDenied):
        services.comment_hide(actor=member, comment=comment, reason="Не нравится")


def test_the_hide_button_is_403_to_a_non_operator(client: Any, idea: Idea, outsider: Any) -> None:
    comment = IdeaCommentFactory.create(idea=idea)
    client.force_login(outsider)
    url = reverse("ideas:comment_hide", args=[idea.pk, comment.pk])
    assert client.post(url, {"reason": "Спам"}).status_code == 403


def test_a_comment_of_another_idea_is_404(client: Any, idea: Idea, operator: Any) -> None:
    comment = IdeaCommentFactory.create()
    client.force_login(operator)
    url = reverse("ideas:comment_hide", args=[idea.pk, comment.pk])
    assert client.post(url, {"reason": "Спам"}).status_code == 404


def test_a_hidden_comment_is_not_shown_to_the_public(
    client: Any, idea: Idea, operator: Any
) -> None:
    comment = IdeaCommentFactory.create(idea=idea, text="Купите наши окна недорого")
    services.comment_hide(actor=operator, comment=comment, reason="Реклама")
    assert "Купите наши окна" not in client.get(idea.get_absolute_url()).content.decode()


def test_the_operator_hides_from_the_page(client: Any, idea: Idea, operator: Any) -> None:
    comment = IdeaCommentFactory.create(idea=idea)
    client.force_login(operator)
    client.post(reverse("ideas:comment_hide", args=[idea.pk, comment.pk]), {"reason": "Спам"})
    assert IdeaComment.objects.get(pk=comment.pk).hidden_reason == "Спам"
