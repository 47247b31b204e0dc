"""Demo consultations (content in `demo_content`), built through the services: two experts with their
competences (the lawyer of the accounts' demo and an accountant), questions in every state — new,
overdue, taken, waiting for a clarification, answered, rated, withdrawn — knowledge-base articles
(published and a draft), and slots, one of them booked. Idempotent: a question is found by its title."""

import datetime as dt
from typing import Any

from allauth.account.models import EmailAddress
from django.utils import timezone

from nkohub.accounts.models import User
from nkohub.consultations import services
from nkohub.consultations.demo_content import QUESTIONS, SLOTS
from nkohub.consultations.models import Article, Expert, Question, Slot
from nkohub.consultations.reference import competence
from nkohub.core.demo_context import DemoContext

ACCOUNTANT = ("accountant@demo.nko-cluster.ru", "Светлана Игоревна Кузнецова")
ASKERS = {"ngo_owner": "ngo", "ngo_editor": "ngo", "ngo2_owner": "ngo2"}


def _experts(ctx: DemoContext) -> dict[str, Expert]:
    operator = ctx.users["operator"]
    lawyer = ctx.users["expert"]
    accountant = User.objects.filter(email=ACCOUNTANT[0]).first()
    if accountant is None:
        accountant = User.objects.create_user(
            email=ACCOUNTANT[0], password=None, full_name=ACCOUNTANT[1], is_demo=True
        )
        accountant.password = lawyer.password  # the demo's one password, hashed once
        accountant.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=accountant, email=ACCOUNTANT[0], defaults={"verified": True, "primary": True}
    )
    ctx.users["expert_accountant"] = accountant
    ctx.add_login("эксперт (бухгалтер)", ACCOUNTANT[0], "бухгалтер НКО: учёт, налоги, фандрайзинг")
    experts = {}
    for key, user, topics, bio in (
        (
            "expert",
            lawyer,
            ["law", "taxes", "grants", "pr", "it"],
            "Юрист, 12 лет сопровождает НКО Калужской области: регистрация, отчётность, гранты.",
        ),
        (
            "expert_accountant",
            accountant,
            ["accounting", "taxes", "fundraising"],
            "Главный бухгалтер благотворительного фонда, ведёт учёт целевых средств и грантов.",
        ),
    ):
        expert = Expert.objects.filter(user=user).first()
        if expert is None:
            expert = services.expert_create(
                actor=operator, user=user, competences=[competence(t) for t in topics]
            )
            Expert.objects.filter(pk=expert.pk).update(bio=bio, is_demo=True)
        experts[key] = expert
    return experts


def _expert_for(experts: dict[str, Expert], topic: str) -> Expert:
    for expert in experts.values():
        if any(c.slug == topic for c in expert.competences.all()):
            return expert
    return experts["expert"]


def _question(ctx: DemoContext, experts: dict[str, Expert], spec: dict[str, Any]) -> None:
    if Question.objects.filter(title=spec["title"], is_demo=True).exists():
        return
    asker = ctx.users[spec["asker"]]
    question = services.question_ask(
        actor=asker,
        organization=ctx.organizations[ASKERS[spec["asker"]]],
        competence=competence(spec["topic"]),
        title=spec["title"],
        text=spec["text"],
        visibility=Question.Visibility.PUBLIC if spec["public"] else Question.Visibility.PRIVATE,
    )
    Question.objects.filter(pk=question.pk).update(is_demo=True)
    state = spec["state"]
    if state == "overdue":
        Question.objects.filter(pk=question.pk).update(
            due_on=timezone.localdate() - dt.timedelta(days=2),
            created_at=timezone.now() - dt.timedelta(days=10),
        )
        return
    if state == "withdrawn":
        services.question_withdraw(actor=asker, question=question)
        return
    if state == "new":
        return
    expert = _expert_for(experts, spec["topic"])
    question = services.question_take(actor=expert.user, question=question, expert=expert)
    if state == "clarification":
        services.question_ask_clarification(
            actor=expert.user, question=question, text=spec["clarification"]
        )
        return
    if state == "taken":
        return
    question = services.question_answer(actor=expert.user, question=question, answer=spec["answer"])
    if state == "closed":
        question = services.question_rate(
            actor=asker,
            question=question,
            rating=spec["rating"],
            comment=spec.get("rating_comment", ""),
        )
    if spec.get("article"):
        _article(ctx, question, spec)


def _article(ctx: DemoContext, question: Question, spec: dict[str, Any]) -> None:
    operator = ctx.users["operator"]
    article = services.article_from_question(actor=operator, question=question)
    services.article_update(
        actor=operator,
        article=article,
        title=spec["article_title"],
        competence=question.competence,
        question_text=question.text,
        body=question.answer,
        publish=spec["article"] == "published",
    )
    Article.objects.filter(pk=article.pk).update(is_demo=True)


def _slots(ctx: DemoContext, experts: dict[str, Expert]) -> None:
    today = timezone.localdate()
    for index, (key, days, hour, hours, topic, place) in enumerate(SLOTS):
        expert = experts[key]
        starts_at = timezone.make_aware(
            dt.datetime.combine(today + dt.timedelta(days=days), dt.time(hour))
        )
        if Slot.objects.filter(expert=expert, starts_at=starts_at).exists():
            continue
        slot = services.slot_create(
            actor=expert.user,
            expert=expert,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=hours),
            place=place,
            competence=competence(topic),
        )
        Slot.objects.filter(pk=slot.pk).update(is_demo=True)
        if index == 1:
            services.slot_book(
                actor=ctx.users["ngo_editor"],
                slot=slot,
                organization=ctx.organizations["ngo"],
                topic_note="Устав: как добавить платные услуги в виды деятельности",
            )


def load(ctx: DemoContext) -> None:
    if "expert" not in ctx.users or "ngo" not in ctx.organizations:
        return
    experts = _experts(ctx)
    for spec in QUESTIONS:
        _question(ctx, experts, spec)
    _slots(ctx, experts)
