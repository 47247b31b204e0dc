"""Every write of the projects app: projects and their parts, fair entries, pledges, partnerships,
fulfilment, results. Services check domain rules (not rights: views ask permissions.py first),
record the audit trail and tell the people concerned."""

import datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils import timezone

from nkohub.core.audit import audit_log, diff_fields
from nkohub.core.errors import DomainError
from nkohub.core.images import IMAGE_FORMATS, image_replace, thumbnail_make, validate_image
from nkohub.core.templatetags.nkohub import rubles
from nkohub.notifications.services import notify
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import ACTING_ROLES
from nkohub.projects import tasks
from nkohub.projects.models import (
    COVER,
    COVER_MAX_BYTES,
    COVER_MIN_SIZE,
    FairEntry,
    FairSeason,
    Fulfilment,
    Partnership,
    PlannedResult,
    Pledge,
    Project,
    ProjectNeed,
    ProjectTask,
    ResultPhoto,
    SponsorPreferences,
    TeamMember,
)

PROJECT_FIELDS = [
    "title",
    "summary",
    "goal",
    "social_significance",
    "covers_whole_region",
    "target_groups",
    "starts_on",
    "ends_on",
    "budget_total",
    "own_contribution",
    "cofinancing",
]
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTOS_PER_PROJECT = 30


def _users() -> Any:
    return get_user_model().objects.filter(is_active=True)


def team_recipients(organization: Organization) -> QuerySet[Any]:
    return _users().filter(
        memberships__organization=organization, memberships__role__in=ACTING_ROLES
    )


def pledger_recipients(pledge: Pledge) -> Any:
    if pledge.organization is not None:
        return [*team_recipients(pledge.organization), pledge.pledged_by]
    return [pledge.pledged_by]


def _project_url(project: Project) -> str:
    return reverse("projects:detail", args=[project.pk])


def _notify_partners(project: Project, *, actor: Any, kind: str, title: str) -> None:
    """Tell everyone whose support the project accepted."""
    accepted = Pledge.objects.filter(project=project, status=Pledge.Status.ACCEPTED)
    partners = [
        user
        for pledge in accepted.select_related("organization", "pledged_by")
        for user in pledger_recipients(pledge)
    ]
    notify(
        recipients=partners,
        kind=kind,
        title=title,
        obj=project,
        url=_project_url(project),
        actor=actor,
    )


def _full_clean(obj: Any) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise DomainError(
            " ".join(messages), field=None if field == "__all__" else field
        ) from error


def _check_money(project: Project) -> None:
    if project.own_contribution + project.cofinancing > project.budget_total:
        raise DomainError(
            "Собственный вклад и софинансирование вместе не могут превышать общий бюджет проекта.",
            field="cofinancing",
        )


def _set_tasks(project: Project, tasks: list[str]) -> None:
    project.tasks.all().delete()
    ProjectTask.objects.bulk_create(
        ProjectTask(project=project, position=number, text=text)
        for number, text in enumerate((t.strip() for t in tasks if t.strip()), start=1)
    )


# --- projects ---------------------------------------------------------------------------------


@transaction.atomic
def project_create(
    *,
    actor: Any,
    organization: Organization,
    data: dict[str, Any],
    spheres: Any = (),
    municipalities: Any = (),
    tasks: list[str] | None = None,
    cover: UploadedFile | None = None,
) -> Project:
    project = Project(
        organization=organization,
        created_by=actor,
        **{k: data[k] for k in PROJECT_FIELDS if k in data},
    )
    _full_clean(project)
    _check_money(project)
    if cover is not None:
        project_cover_replace(project=project, cover=cover, previous=None)
    project.search_text = project.build_search_text()
    project.save()
    project.spheres.set(spheres)
    project.municipalities.set(municipalities)
    _set_tasks(project, tasks or [])
    audit_log(
        actor=actor,
        action="projects.project.create",
        obj=project,
        changes={"organization": organization},
    )
    return project


@transaction.atomic
def project_update(
    *,
    actor: Any,
    project: Project,
    data: dict[str, Any],
    spheres: Any = None,
    municipalities: Any = None,
    tasks: list[str] | None = None,
    cover: UploadedFile | None = None,
    remove_cover: bool = False,
) -> Project:
    """Change a project; `cover` replaces its cover image, `remove_cover` takes it away."""
    before = Project.objects.get(pk=project.pk)
    for name in PROJECT_FIELDS:
        if name in data:
            setattr(project, name, data[name])
    _full_clean(project)
    _check_money(project)
    changes = diff_fields(before, project, PROJECT_FIELDS)
    if cover is not None or (remove_cover and before.cover):
        project_cover_replace(project=project, cover=cover, previous=before)
        changes["cover"] = [before.cover.name or "", project.cover.name or ""]
    project.search_text = project.build_search_text()
    project.save()
    if spheres is not None:
        project.spheres.set(spheres)
    if municipalities is not None:
        project.municipalities.set(municipalities)
    if tasks is not None:
        _set_tasks(project, tasks)
    audit_log(actor=actor, action="projects.project.update", obj=project, changes=changes)
    return project


def project_cover_replace(
    *, project: Project, cover: UploadedFile | None, previous: Project | None
) -> None:
    """Put a checked cover (or none) on the project, its thumbnail made once it commits; the
    caller saves the project."""
    if cover is not None:
        _checked_image(cover, field="cover", max_bytes=COVER_MAX_BYTES, min_size=COVER_MIN_SIZE)
    image_replace(project, COVER, cover, previous=previous)
    if cover is not None:
        transaction.on_commit(lambda: tasks.make_cover_thumbnail.enqueue(project.pk))


def project_cover_thumbnail_make(*, project_id: int) -> str:
    """The background half of a cover upload: its thumbnail, made once (see nkohub.core.images)."""
    return thumbnail_make(Project, project_id, COVER)


def project_set_demo_cover(*, project: Project, jpeg: bytes) -> None:
    """Demo data: a drawn cover for a demo project that has none (no audit: nobody acted)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    if not project.is_demo or project.cover:
        return
    with transaction.atomic():
        project_cover_replace(
            project=project,
            cover=SimpleUploadedFile("cover.jpg", jpeg, "image/jpeg"),
            previous=None,
        )
        project.save(update_fields=["cover", "cover_thumbnail", "updated_at"])


@transaction.atomic
def project_change_status(*, actor: Any, project: Project, status: str) -> Project:
    project.status = (
        Project.objects.select_for_update(of=("self",))
        .values_list("status", flat=True)
        .get(pk=project.pk)
    )
    if not project.can_move_to(status):
        raise DomainError(
            f"Проект в статусе «{project.get_status_display()}» нельзя перевести в статус «{Project.Status(status).label}».",
            field="status",
        )
    old = project.status
    project.status = status
    project.save(update_fields=["status", "updated_at"])
    audit_log(
        actor=actor,
        action="projects.project.status",
        obj=project,
        changes={"status": [old, status]},
    )
    _notify_partners(
        project,
        actor=actor,
        kind="projects.project.status_changed",
        title=f"Проект «{project.title}»: статус «{project.get_status_display()}»",
    )
    return project


# --- parts of a project -------------------------------------------------------------------------


def _next_position(queryset: Any) -> int:
    return (queryset.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def need_add(
    *, actor: Any, project: Project, kind: str, description: str, quantity: Decimal, unit: str = ""
) -> ProjectNeed:
    need = ProjectNeed(
        project=project,
        kind=kind,
        description=description,
        quantity=quantity,
        unit="₽" if kind == ProjectNeed.Kind.MONEY else unit,
        position=_next_position(project.needs.all()),
    )
    if kind != ProjectNeed.Kind.MONEY and not unit:
        raise DomainError(
            "Укажите единицу измерения: например, «чел.», «ч», «шт.», «кв. м».", field="unit"
        )
    _full_clean(need)
    need.save()
    audit_log(
        actor=actor,
        action="projects.need.add",
        obj=project,
        changes={"need": str(need), "quantity": quantity},
    )
    return need


@transaction.atomic
def need_delete(*, actor: Any, need: ProjectNeed) -> None:
    if need.pledges.filter(status=Pledge.Status.ACCEPTED).exists():
        raise DomainError(
            "Под эту потребность уже есть принятые обещания поддержки — её нельзя удалить."
        )
    audit_log(
        actor=actor, action="projects.need.delete", obj=need.project, changes={"need": str(need)}
    )
    need.delete()


@transaction.atomic
def planned_result_add(
    *, actor: Any, project: Project, name: str, unit: str, planned_value: Decimal
) -> PlannedResult:
    result = PlannedResult(
        project=project,
        name=name,
        unit=unit,
        planned_value=planned_value,
        position=_next_position(project.planned_results.all()),
    )
    _full_clean(result)
    result.save()
    audit_log(
        actor=actor,
        action="projects.result.add",
        obj=project,
        changes={"indicator": name, "planned": planned_value},
    )
    return result


@transaction.atomic
def planned_result_delete(*, actor: Any, result: PlannedResult) -> None:
    project = result.project
    audit_log(
        actor=actor,
        action="projects.result.delete",
        obj=project,
        changes={"indicator": result.name},
    )
    result.delete()
    for number, remaining in enumerate(project.planned_results.order_by("position"), start=1):
        if remaining.position != number:
            PlannedResult.objects.filter(pk=remaining.pk).update(position=number)


@transaction.atomic
def team_member_add(
    *, actor: Any, project: Project, full_name: str, role: str, user: Any = None
) -> TeamMember:
    member = TeamMember(
        project=project,
        full_name=full_name,
        role=role,
        user=user,
        position=_next_position(project.team.all()),
    )
    _full_clean(member)
    member.save()
    audit_log(actor=actor, action="projects.team.add", obj=project, changes={"member": str(member)})
    return member


@transaction.atomic
def team_member_delete(*, actor: Any, member: TeamMember) -> None:
    audit_log(
        actor=actor,
        action="projects.team.delete",
        obj=member.project,
        changes={"member": str(member)},
    )
    member.delete()


# --- results ---------------------------------------------------------------------------------------


@transaction.atomic
def results_report(
    *, actor: Any, project: Project, actual_values: dict[int, Decimal | None], outcome_story: str
) -> Project:
    if project.status not in (Project.Status.RUNNING, Project.Status.COMPLETED):
        raise DomainError("Результаты можно отчитать, когда проект реализуется или завершён.")
    changes: dict[str, Any] = {}
    for result in project.planned_results.all():
        if result.pk in actual_values and actual_values[result.pk] != result.actual_value:
            changes[result.name] = [result.actual_value, actual_values[result.pk]]
            result.actual_value = actual_values[result.pk]
            _full_clean(result)
            result.save(update_fields=["actual_value"])
    project.outcome_story = outcome_story.strip()
    project.results_reported_at = timezone.now()
    project.save(update_fields=["outcome_story", "results_reported_at", "updated_at"])
    audit_log(actor=actor, action="projects.results.report", obj=project, changes=changes)
    _notify_partners(
        project,
        actor=actor,
        kind="projects.results.reported",
        title=f"Проект «{project.title}» отчитался о результатах",
    )
    return project


def _checked_image(image: UploadedFile, *, field: str, **limits: Any) -> str:
    """The upload is a real JPEG, PNG or WebP within the limits; returns the right extension."""
    try:
        facts = validate_image(image, **limits)
    except ValidationError as error:
        raise DomainError(error.messages[0], field=field) from error
    return IMAGE_FORMATS[facts.format]


def validate_result_photo(image: UploadedFile) -> str:
    """Checks the upload is a real JPEG, PNG or WebP of at most 5 MB; returns the right extension."""
    return _checked_image(image, field="image", max_bytes=PHOTO_MAX_BYTES)


@transaction.atomic
def result_photo_add(
    *, actor: Any, project: Project, image: UploadedFile, caption: str = ""
) -> ResultPhoto:
    extension = validate_result_photo(image)
    if project.result_photos.count() >= PHOTOS_PER_PROJECT:
        raise DomainError(
            f"У проекта уже {PHOTOS_PER_PROJECT} фотографий — удалите лишние, чтобы добавить новые."
        )
    image.name = f"photo-{timezone.now():%Y%m%d%H%M%S}{extension}"
    photo = ResultPhoto(project=project, image=image, caption=caption.strip(), uploaded_by=actor)
    photo.save()
    audit_log(
        actor=actor, action="projects.photo.add", obj=project, changes={"photo": photo.image.name}
    )
    return photo


@transaction.atomic
def result_photo_delete(*, actor: Any, photo: ResultPhoto) -> None:
    audit_log(
        actor=actor,
        action="projects.photo.delete",
        obj=photo.project,
        changes={"photo": photo.image.name},
    )
    name, storage = str(photo.image.name), photo.image.storage
    transaction.on_commit(lambda: storage.delete(name))
    photo.delete()


# --- the fair --------------------------------------------------------------------------------------


@transaction.atomic
def season_save(
    *, actor: Any, season: FairSeason | None = None, data: dict[str, Any]
) -> FairSeason:
    """Create a fair season or change one (operators)."""
    before = FairSeason.objects.get(pk=season.pk) if season is not None and season.pk else None
    season = season or FairSeason()
    for name in FairSeason.EDITABLE_FIELDS:
        if name in data:
            setattr(season, name, data[name])
    _full_clean(season)
    season.save()
    changes = (
        diff_fields(before, season, list(FairSeason.EDITABLE_FIELDS))
        if before
        else {"title": season.title}
    )
    audit_log(
        actor=actor,
        action="projects.season.update" if before else "projects.season.create",
        obj=season,
        changes=changes,
    )
    return season


@transaction.atomic
def fair_entry_submit(
    *, actor: Any, project: Project, season: FairSeason, today: datetime.date | None = None
) -> FairEntry:
    today = today or timezone.localdate()
    if not (season.submissions_open_on <= today <= season.submissions_close_on):
        raise DomainError(
            f"Приём проектов на «{season.title}» идёт с {season.submissions_open_on:%d.%m.%Y} "
            f"по {season.submissions_close_on:%d.%m.%Y}.",
            field="season",
        )
    if not project.is_open:
        raise DomainError("Завершённый или отменённый проект нельзя подать на ярмарку.")
    if not project.summary.strip() or not project.needs.exists():
        raise DomainError(
            "Перед подачей опишите проект и добавьте хотя бы одну потребность — так партнёры поймут, чем помочь."
        )
    entry = FairEntry.objects.filter(season=season, project=project).first()
    if entry is not None and entry.status in (
        FairEntry.Status.SUBMITTED,
        FairEntry.Status.ACCEPTED,
    ):
        raise DomainError("Проект уже подан на эту ярмарку.", field="season")
    if entry is None:
        entry = FairEntry(season=season, project=project)
    entry.status = FairEntry.Status.SUBMITTED
    entry.submitted_by = actor
    entry.submitted_at = timezone.now()
    entry.decided_by = None
    entry.decided_at = None
    entry.decision_note = ""
    entry.save()
    audit_log(
        actor=actor, action="projects.fair.submit", obj=project, changes={"season": season.title}
    )
    notify(
        recipients=_users().filter(is_operator=True),
        kind="projects.fair.submitted",
        title=f"Новый проект на ярмарку: «{project.title}»",
        body=f"{project.organization} подаёт проект на «{season.title}».",
        obj=entry,
        url=reverse("projects:moderation"),
        actor=actor,
    )
    return entry


@transaction.atomic
def fair_entry_decide(*, actor: Any, entry: FairEntry, accept: bool, note: str = "") -> FairEntry:
    entry = (
        FairEntry.objects.select_for_update(of=("self",))
        .select_related("project__organization", "season")
        .get(pk=entry.pk)
    )
    if entry.status != FairEntry.Status.SUBMITTED:
        raise DomainError("По этой заявке уже принято решение.")
    if not accept and not note.strip():
        raise DomainError("Объясните организации, почему проект не принят.", field="note")
    entry.status = FairEntry.Status.ACCEPTED if accept else FairEntry.Status.REJECTED
    entry.decided_by = actor
    entry.decided_at = timezone.now()
    entry.decision_note = note.strip()
    entry.save()
    audit_log(
        actor=actor,
        action="projects.fair.decide",
        obj=entry.project,
        changes={"season": entry.season.title, "status": entry.status},
    )
    project = entry.project
    title = (
        f"Проект «{project.title}» принят на «{entry.season.title}»"
        if accept
        else f"Проект «{project.title}» не принят на «{entry.season.title}»"
    )
    notify(
        recipients=team_recipients(project.organization),
        kind="projects.fair.accepted" if accept else "projects.fair.rejected",
        title=title,
        body=entry.decision_note,
        obj=project,
        url=_project_url(project),
        actor=actor,
    )
    return entry


@transaction.atomic
def fair_entry_withdraw(*, actor: Any, entry: FairEntry) -> FairEntry:
    if entry.status not in (FairEntry.Status.SUBMITTED, FairEntry.Status.ACCEPTED):
        raise DomainError("Эту заявку уже нельзя отозвать.")
    entry.status = FairEntry.Status.WITHDRAWN
    entry.save(update_fields=["status"])
    audit_log(
        actor=actor,
        action="projects.fair.withdraw",
        obj=entry.project,
        changes={"season": entry.season.title},
    )
    return entry


# --- pledges and partnerships ----------------------------------------------------------------------


@transaction.atomic
def pledge_create(
    *,
    actor: Any,
    project: Project,
    kind: str,
    organization: Organization | None = None,
    need: ProjectNeed | None = None,
    amount: Decimal | None = None,
    description: str = "",
    conditions: str = "",
) -> Pledge:
    if not Project.objects.filter(pk=project.pk, status__in=Project.OPEN_STATUSES).exists():
        raise DomainError("Проект завершён или отменён и больше не принимает поддержку.")
    if need is not None and need.project_id != project.pk:
        raise DomainError("Выберите потребность этого проекта.", field="need")
    if kind == Pledge.Kind.MONEY and amount is None:
        raise DomainError("Укажите сумму в рублях.", field="amount")
    if kind != Pledge.Kind.MONEY and not description.strip():
        raise DomainError("Опишите, что именно вы предлагаете.", field="description")
    if need is not None and (need.kind == ProjectNeed.Kind.MONEY) != (kind == Pledge.Kind.MONEY):
        raise DomainError(
            "Денежная потребность покрывается только деньгами, и наоборот.", field="need"
        )
    pledge = Pledge(
        project=project,
        kind=kind,
        organization=organization,
        need=need,
        amount=amount,
        description=description.strip(),
        conditions=conditions.strip(),
        pledged_by=actor,
    )
    _full_clean(pledge)
    pledge.save()
    audit_log(
        actor=actor,
        action="projects.pledge.create",
        obj=pledge,
        changes={"kind": kind, "amount": amount},
    )
    notify(
        recipients=team_recipients(project.organization),
        kind="projects.pledge.created",
        title=f"{pledge.pledger_name} предлагает поддержку проекту «{project.title}»",
        body=pledge.description or f"{pledge.get_kind_display()}: {rubles(amount)}",
        obj=pledge,
        url=_project_url(project) + "#pledges",
        actor=actor,
    )
    return pledge


def _locked_pending(pledge: Pledge) -> Pledge:
    locked = (
        Pledge.objects.select_for_update(of=("self",))
        .select_related("project__organization", "organization", "pledged_by")
        .get(pk=pledge.pk)
    )
    if locked.status != Pledge.Status.PENDING:
        raise DomainError("По этому предложению уже есть решение.")
    return locked


@transaction.atomic
def pledge_accept(*, actor: Any, pledge: Pledge) -> Partnership:
    pledge = _locked_pending(pledge)
    if not pledge.project.is_open:
        raise DomainError("Проект завершён или отменён и больше не принимает поддержку.")
    pledge.status = Pledge.Status.ACCEPTED
    pledge.decided_by = actor
    pledge.decided_at = timezone.now()
    pledge.save(update_fields=["status", "decided_by", "decided_at"])
    partnership = Partnership.objects.create(pledge=pledge)
    audit_log(actor=actor, action="projects.pledge.accept", obj=pledge)
    notify(
        recipients=pledger_recipients(pledge),
        kind="projects.pledge.accepted",
        title=f"Команда проекта «{pledge.project.title}» приняла вашу поддержку",
        body="Вы — партнёр проекта. Команда будет отмечать, что получено.",
        obj=pledge,
        url=_project_url(pledge.project),
        actor=actor,
    )
    return partnership


@transaction.atomic
def pledge_decline(*, actor: Any, pledge: Pledge, reason: str = "") -> Pledge:
    pledge = _locked_pending(pledge)
    pledge.status = Pledge.Status.DECLINED
    pledge.decided_by = actor
    pledge.decided_at = timezone.now()
    pledge.decline_reason = reason.strip()
    pledge.save(update_fields=["status", "decided_by", "decided_at", "decline_reason"])
    audit_log(
        actor=actor,
        action="projects.pledge.decline",
        obj=pledge,
        changes={"reason": pledge.decline_reason},
    )
    notify(
        recipients=pledger_recipients(pledge),
        kind="projects.pledge.declined",
        title=f"Команда проекта «{pledge.project.title}» отклонила предложение поддержки",
        body=pledge.decline_reason,
        obj=pledge,
        url=_project_url(pledge.project),
        actor=actor,
    )
    return pledge


@transaction.atomic
def pledge_withdraw(*, actor: Any, pledge: Pledge) -> Pledge:
    pledge = _locked_pending(pledge)
    pledge.status = Pledge.Status.WITHDRAWN
    pledge.save(update_fields=["status"])
    audit_log(actor=actor, action="projects.pledge.withdraw", obj=pledge)
    notify(
        recipients=team_recipients(pledge.project.organization),
        kind="projects.pledge.withdrawn",
        title=f"{pledge.pledger_name} отозвал предложение поддержки проекта «{pledge.project.title}»",
        obj=pledge,
        url=_project_url(pledge.project),
        actor=actor,
    )
    return pledge


@transaction.atomic
def fulfilment_record(
    *,
    actor: Any,
    partnership: Partnership,
    received_on: datetime.date,
    amount: Decimal | None = None,
    note: str = "",
    completes: bool = False,
) -> Fulfilment:
    partnership = (
        Partnership.objects.select_for_update(of=("self",))
        .select_related(
            "pledge__project__organization", "pledge__organization", "pledge__pledged_by"
        )
        .get(pk=partnership.pk)
    )
    pledge = partnership.pledge
    if partnership.status != Partnership.Status.ACTIVE:
        raise DomainError("Партнёрство уже закрыто.")
    if received_on > timezone.localdate():
        raise DomainError("Дата получения не может быть в будущем.", field="received_on")
    if pledge.kind == Pledge.Kind.MONEY and amount is None:
        raise DomainError("Укажите полученную сумму.", field="amount")
    if amount is None and not note.strip():
        raise DomainError("Укажите количество или опишите, что получено.", field="note")
    fulfilment = Fulfilment(
        partnership=partnership,
        received_on=received_on,
        amount=amount,
        note=note.strip(),
        recorded_by=actor,
    )
    _full_clean(fulfilment)
    fulfilment.save()
    received = sum((f.amount or Decimal("0") for f in partnership.fulfilments.all()), Decimal("0"))
    if completes or (pledge.amount is not None and received >= pledge.amount):
        partnership.status = Partnership.Status.FULFILLED
        partnership.closed_at = timezone.now()
        partnership.save(update_fields=["status", "closed_at"])
    audit_log(
        actor=actor,
        action="projects.fulfilment.record",
        obj=pledge,
        changes={"amount": amount, "received_on": received_on},
    )
    notify(
        recipients=pledger_recipients(pledge),
        kind="projects.fulfilment.recorded",
        title=f"Проект «{pledge.project.title}» отметил получение поддержки",
        body=rubles(amount) if pledge.kind == Pledge.Kind.MONEY else (note or f"{amount:f}"),
        obj=pledge,
        url=_project_url(pledge.project),
        actor=actor,
    )
    return fulfilment


@transaction.atomic
def partnership_end(*, actor: Any, partnership: Partnership, reason: str) -> Partnership:
    """The team closes a partnership that will not be fulfilled further; what was delivered stays."""
    partnership = (
        Partnership.objects.select_for_update(of=("self",))
        .select_related(
            "pledge__project__organization", "pledge__organization", "pledge__pledged_by"
        )
        .get(pk=partnership.pk)
    )
    if partnership.status != Partnership.Status.ACTIVE:
        raise DomainError("Партнёрство уже закрыто.")
    if not reason.strip():
        raise DomainError("Объясните партнёру, почему партнёрство прекращается.", field="reason")
    partnership.status = Partnership.Status.CANCELLED
    partnership.closed_at = timezone.now()
    partnership.save(update_fields=["status", "closed_at"])
    pledge = partnership.pledge
    audit_log(
        actor=actor,
        action="projects.partnership.end",
        obj=pledge,
        changes={"reason": reason.strip()},
    )
    notify(
        recipients=pledger_recipients(pledge),
        kind="projects.partnership.ended",
        title=f"Партнёрство с проектом «{pledge.project.title}» прекращено",
        body=reason.strip(),
        obj=pledge,
        url=_project_url(pledge.project),
        actor=actor,
    )
    return partnership


# --- sponsors ---------------------------------------------------------------------------------------


@transaction.atomic
def sponsor_preferences_update(
    *, actor: Any, organization: Organization, spheres: Any, municipalities: Any
) -> SponsorPreferences:
    preferences, _ = SponsorPreferences.objects.get_or_create(organization=organization)
    preferences.spheres.set(spheres)
    preferences.municipalities.set(municipalities)
    preferences.save()
    audit_log(
        actor=actor,
        action="projects.sponsor.preferences",
        obj=organization,
        changes={
            "spheres": [str(s) for s in spheres],
            "municipalities": [str(m) for m in municipalities],
        },
    )
    return preferences
