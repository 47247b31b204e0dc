"""Writes of the registry: profiles, registration, claims, memberships, invitations.

One function per use case, keyword-only, atomic, audited; rules broken → DomainError (Russian).
Imports live in `nkohub.organizations.imports`.
"""

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from nkohub.core.audit import audit_log, diff_fields
from nkohub.core.errors import DomainError
from nkohub.core.images import image_discard, image_replace, thumbnail_make, validate_image
from nkohub.core.storage import original_filename
from nkohub.notifications.background import enqueue_on_commit
from nkohub.notifications.services import notify
from nkohub.organizations import permissions, selectors, tasks
from nkohub.organizations.documents import validate_claim_document
from nkohub.organizations.models import (
    LOGO,
    LOGO_MAX_BYTES,
    LOGO_MIN_SIZE,
    Claim,
    Invitation,
    LegalForm,
    Membership,
    Organization,
    Sphere,
)
from nkohub.organizations.search import search_text_for

PROFILE_FIELDS = [
    "kind",
    "full_name",
    "short_name",
    "legal_form",
    "register",
    "inn",
    "ogrn",
    "kpp",
    "registration_date",
    "status",
    "municipality",
    "address",
    "description",
    "website",
    "social_links",
    "public_email",
    "public_phone",
]
OPERATOR_ONLY_FIELDS = {"kind", "register", "inn", "ogrn", "status"}


def _url(name: str, *args: Any) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def organization_refresh_search(organization: Organization) -> None:
    organization.search_text = search_text_for(
        organization.full_name,
        organization.short_name,
        organization.description,
        organization.inn or "",
        organization.ogrn or "",
    )


def _clean_identifiers(data: dict[str, Any]) -> None:
    for name in ("inn", "ogrn"):
        if name in data:
            value = "".join(str(data[name] or "").split())
            data[name] = value or None


def _save(organization: Organization) -> None:
    organization_refresh_search(organization)
    try:
        organization.full_clean()
    except ValidationError as exc:
        first_field, messages = next(iter(exc.message_dict.items()))
        raise DomainError(
            messages[0], field=None if first_field == "__all__" else first_field
        ) from exc
    try:
        with transaction.atomic():
            organization.save()
    except IntegrityError as exc:
        raise DomainError(
            "Организация с таким ИНН или ОГРН уже есть в реестре.", field="inn"
        ) from exc


def _ensure_identifiers_free(
    *, inn: str | None, ogrn: str | None, exclude_pk: int | None = None
) -> None:
    for field_name, value, label in (("ogrn", ogrn, "ОГРН"), ("inn", inn, "ИНН")):
        if not value:
            continue
        clash = (
            Organization.objects.filter(**{field_name: value}).exclude(pk=exclude_pk or 0).first()
        )
        if clash is not None:
            raise DomainError(
                f"Организация с {label} {value} уже есть в реестре: «{clash.display_name}». "
                "Если вы представляете её, подайте заявку на управление её профилем.",
                field=field_name,
            )


@transaction.atomic
def organization_update(
    *,
    actor: Any,
    organization: Organization,
    data: dict[str, Any],
    spheres: Iterable[Sphere] | None = None,
) -> Organization:
    if not permissions.can_edit_organization(actor, organization):
        raise DomainError("У вас нет прав на изменение профиля этой организации.")
    data = dict(data)
    _clean_identifiers(data)
    if not permissions.can_verify_organization(actor, organization):
        for name in OPERATOR_ONLY_FIELDS:
            data.pop(name, None)
    before = Organization.objects.get(pk=organization.pk)
    _ensure_identifiers_free(inn=data.get("inn"), ogrn=data.get("ogrn"), exclude_pk=organization.pk)
    for name, value in data.items():
        if name in PROFILE_FIELDS:
            setattr(organization, name, value)
    # Changing the legal identity of a verified organisation needs a new verification.
    identity_changed = before.inn != organization.inn or before.ogrn != organization.ogrn
    if (
        organization.is_verified
        and identity_changed
        and not permissions.can_verify_organization(actor, organization)
    ):
        raise DomainError("ИНН и ОГРН проверенной организации меняет только оператор.", field="inn")
    logo = organization_logo_apply(organization=organization, data=data, previous=before)
    _save_with_logo(organization, logo)
    changes = diff_fields(before, organization, PROFILE_FIELDS)
    if logo is not None:
        changes["logo"] = [before.logo.name or "", logo]
    if spheres is not None:
        old = set(before.spheres.values_list("code", flat=True))
        organization.spheres.set(spheres)
        new = {s.code for s in spheres}
        if old != new:
            changes["spheres"] = [sorted(old), sorted(new)]
    if changes:
        audit_log(
            actor=actor,
            action="organizations.organization.update",
            obj=organization,
            changes=changes,
        )
    return organization


@transaction.atomic
def organization_create(
    *, actor: Any, data: dict[str, Any], spheres: Iterable[Sphere] = (), verified: bool = False
) -> Organization:
    """An operator adds an organisation to the registry directly."""
    if not permissions.can_verify_organization(actor):
        raise DomainError("Добавлять организации в реестр напрямую может только оператор.")
    data = dict(data)
    _clean_identifiers(data)
    _ensure_identifiers_free(inn=data.get("inn"), ogrn=data.get("ogrn"))
    organization = Organization(**{k: v for k, v in data.items() if k in PROFILE_FIELDS})
    logo = organization_logo_apply(organization=organization, data=data, previous=None)
    if verified:
        organization.is_verified, organization.verified_at, organization.verified_by = (
            True,
            timezone.now(),
            actor,
        )
    _save_with_logo(organization, logo)
    organization.spheres.set(spheres)
    audit_log(actor=actor, action="organizations.organization.create", obj=organization)
    return organization


@transaction.atomic
def organization_set_verified(
    *, actor: Any, organization: Organization, verified: bool
) -> Organization:
    if not permissions.can_verify_organization(actor, organization):
        raise DomainError("Подтверждать организации может только оператор.")
    if organization.is_verified == verified:
        return organization
    organization.is_verified = verified
    organization.verified_at = timezone.now() if verified else None
    organization.verified_by = actor if verified else None
    if verified:
        organization.is_published = True
    organization.save(
        update_fields=["is_verified", "verified_at", "verified_by", "is_published", "updated_at"]
    )
    audit_log(
        actor=actor,
        action="organizations.organization.verify"
        if verified
        else "organizations.organization.unverify",
        obj=organization,
    )
    return organization


class FundCardOrganization(NamedTuple):
    organization: Organization
    action: str  # "created", "updated" (a missing INN/OGRN filled in) or "found"
    notes: list[str]


def _legal_form_in_name(full_name: str) -> LegalForm | None:
    """The legal form a name starts with or contains before its proper name in quotes
    («МЕСТНАЯ ОБЩЕСТВЕННАЯ ОРГАНИЗАЦИЯ …», «Автономная некоммерческая организация «…»»)."""
    head = re.split(r"[«\"“„]", full_name.lower().replace("ё", "е"), maxsplit=1)[0]
    found: list[tuple[int, int, LegalForm]] = []
    for form in LegalForm.objects.filter(is_nonprofit=True):
        name = form.name.lower().replace("ё", "е").split(" (")[0]
        position = head.find(name)
        if position >= 0:
            found.append((position, -len(name), form))
    return min(found, key=lambda item: item[:2])[2] if found else None


@transaction.atomic
def organization_from_fund_card(
    *, actor: Any, full_name: str, inn: str | None, ogrn: str | None, card_number: str = ""
) -> FundCardOrganization:
    """The registry's organisation named on a Presidential Grants Fund project card: found by OGRN,
    then INN (a missing identifier is filled in), or created with its legal form read from the name.

    `actor` is an operator, or None when the import runs from the command line."""
    if actor is not None and not permissions.can_verify_organization(actor):
        raise DomainError("Добавлять организации из карточек фонда может только оператор.")
    data: dict[str, Any] = {"inn": inn, "ogrn": ogrn}
    _clean_identifiers(data)
    inn, ogrn = data["inn"], data["ogrn"]
    if not inn and not ogrn:
        raise DomainError("В карточке нет ни ИНН, ни ОГРН организации.", field="inn")
    by_ogrn = Organization.objects.filter(ogrn=ogrn).first() if ogrn else None
    by_inn = Organization.objects.filter(inn=inn).first() if inn else None
    if by_ogrn and by_inn and by_ogrn.pk != by_inn.pk:
        raise DomainError(
            f"ОГРН {ogrn} и ИНН {inn} принадлежат разным организациям реестра "
            f"(«{by_ogrn.display_name}» и «{by_inn.display_name}»): проверьте карточку.",
            field="ogrn",
        )
    organization = by_ogrn or by_inn
    if organization is None:
        name = " ".join(full_name.split())
        if not name:
            raise DomainError(
                "Организации с такими ИНН и ОГРН в реестре нет, а её название в карточке "
                "не прочитано: создать её не из чего.",
                field="full_name",
            )
        organization = Organization(
            kind=Organization.Kind.NGO,
            full_name=name,
            legal_form=_legal_form_in_name(name),
            inn=inn,
            ogrn=ogrn,
            source=Organization.Source.FUND_CARD,
            source_id=card_number,
        )
        _save(organization)
        audit_log(
            actor=actor,
            action="organizations.organization.create_from_fund_card",
            obj=organization,
            changes={"card": card_number},
        )
        return FundCardOrganization(organization, "created", [])
    notes, changes = [], {}
    for name, value, label in (("inn", inn, "ИНН"), ("ogrn", ogrn, "ОГРН")):
        known = getattr(organization, name)
        if value and not known:
            setattr(organization, name, value)
            changes[name] = [None, value]
        elif value and known != value:
            notes.append(
                f"{label} в карточке ({value}) не совпадает с реестром ({known}): "
                "оставлен указанный в реестре."
            )
    if not changes:
        return FundCardOrganization(organization, "found", notes)
    _save(organization)
    audit_log(
        actor=actor,
        action="organizations.organization.update_from_fund_card",
        obj=organization,
        changes={**changes, "card": card_number},
    )
    return FundCardOrganization(organization, "updated", notes)


# --- the logo -----------------------------------------------------------------------------------


def organization_logo_apply(
    *, organization: Organization, data: dict[str, Any], previous: Organization | None
) -> str | None:
    """A new logo (an upload in `data["logo"]`) or its removal (`False`, the form's «clear» box).
    Anything else — the logo already stored, or no key at all — keeps what is stored. The
    thumbnail is made in the background once the transaction commits. Returns the new logo's
    name ("" when removed), None when the logo stays as it was."""
    value = data.get("logo")
    if isinstance(value, UploadedFile):
        try:
            validate_image(value, max_bytes=LOGO_MAX_BYTES, min_size=LOGO_MIN_SIZE)
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field="logo") from exc
        stored = image_replace(organization, LOGO, value, previous=previous)
    elif value is False and previous is not None and previous.logo:
        stored = image_replace(organization, LOGO, None, previous=previous)
    else:
        if previous is not None:  # a model form may have touched the instance: keep the stored one
            organization.logo, organization.logo_thumbnail = previous.logo, previous.logo_thumbnail
        return None
    transaction.on_commit(lambda: _enqueue_logo_thumbnail(organization))
    return stored


def _save_with_logo(organization: Organization, logo: str | None) -> None:
    """Save; a logo file stored for a row that could not be saved goes with it."""
    try:
        _save(organization)
    except DomainError:
        image_discard(organization, LOGO, logo or "")
        raise


def _enqueue_logo_thumbnail(organization: Organization) -> None:
    if organization.pk and organization.logo:
        tasks.make_logo_thumbnail.enqueue(organization.pk)


def organization_logo_thumbnail_make(*, organization_id: int) -> str:
    """The background half of a logo upload: its thumbnail, made once (see nkohub.core.images)."""
    return thumbnail_make(Organization, organization_id, LOGO)


def organization_set_demo_logo(*, organization: Organization, png: bytes) -> None:
    """Demo data: a drawn logo for a demo organisation that has none (no audit: nobody acted)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    if not organization.is_demo or organization.logo:
        return
    with transaction.atomic():
        image_replace(
            organization, LOGO, SimpleUploadedFile("logo.png", png, "image/png"), previous=None
        )
        organization.save(update_fields=["logo", "logo_thumbnail", "updated_at"])
        enqueue_on_commit(tasks.make_logo_thumbnail, organization.pk)


# --- registration and claims ---------------------------------------------------------------------


def _attach_document(claim: Claim, document: UploadedFile | None) -> None:
    if document is None:
        return
    try:
        validate_claim_document(document)
    except ValidationError as exc:
        raise DomainError(exc.messages[0], field="document") from exc
    claim.document_name = original_filename(document.name, fallback="document")
    claim.document.save(document.name or "document", document, save=False)


def _tell_operators(*, claim: Claim, actor: Any) -> None:
    from django.contrib.auth import get_user_model

    operators = get_user_model().objects.filter(is_operator=True, is_active=True)
    title = (
        f"Новая организация на проверку: {claim.organization.display_name}"
        if claim.kind == Claim.Kind.REGISTRATION
        else f"Заявка на управление профилем: {claim.organization.display_name}"
    )
    notify(
        recipients=operators,
        kind="organizations.claim.submitted",
        title=title,
        body=f"{claim.user.display_name}: {claim.get_stated_role_display()}.",
        obj=claim,
        url=_url("organizations:claim_review", claim.pk),
        actor=actor,
    )


@transaction.atomic
def organization_register(
    *,
    actor: Any,
    data: dict[str, Any],
    spheres: Iterable[Sphere] = (),
    stated_role: str,
    position: str = "",
    comment: str = "",
    document: UploadedFile | None = None,
    confirm_not_duplicate: bool = False,
) -> Claim:
    """A person registers an organisation missing from the registry; it stays hidden until an operator approves."""
    if not permissions.can_register_organization(actor):
        raise DomainError("Чтобы зарегистрировать организацию, войдите на платформу.")
    data = dict(data)
    _clean_identifiers(data)
    if not data.get("inn") and not data.get("ogrn"):
        raise DomainError("Укажите ИНН или ОГРН организации.", field="inn")
    _ensure_identifiers_free(inn=data.get("inn"), ogrn=data.get("ogrn"))
    municipality = data.get("municipality")
    if not confirm_not_duplicate:
        similar = selectors.possible_duplicates(
            full_name=data.get("full_name", ""), municipality_id=getattr(municipality, "pk", None)
        )
        if similar:
            names = "; ".join(f"«{o.display_name}»" for o in similar[:3])
            raise DomainError(
                f"Похожие организации уже есть в реестре в этом муниципалитете: {names}. "
                "Если ваша — среди них, подайте заявку на управление её профилем; если это другая "
                "организация, отметьте «Это другая организация» и отправьте форму ещё раз.",
                field="full_name",
            )
    organization = Organization(**{k: v for k, v in data.items() if k in PROFILE_FIELDS})
    logo = organization_logo_apply(organization=organization, data=data, previous=None)
    organization.source = Organization.Source.MANUAL
    organization.is_published = False
    _save_with_logo(organization, logo)
    organization.spheres.set(spheres)
    claim = Claim(
        kind=Claim.Kind.REGISTRATION,
        organization=organization,
        user=actor,
        stated_role=stated_role,
        position=position.strip(),
        comment=comment.strip(),
    )
    _attach_document(claim, document)
    claim.full_clean()
    claim.save()
    audit_log(
        actor=actor,
        action="organizations.organization.register",
        obj=organization,
        changes={"claim": claim.pk},
    )
    _tell_operators(claim=claim, actor=actor)
    return claim


@transaction.atomic
def claim_submit(
    *,
    actor: Any,
    organization: Organization,
    stated_role: str,
    position: str = "",
    comment: str = "",
    document: UploadedFile | None = None,
) -> Claim:
    if not permissions.can_claim(actor, organization):
        raise DomainError("Вы уже состоите в этой организации или не можете подать заявку.")
    if Claim.objects.filter(
        user=actor, organization=organization, status=Claim.Status.PENDING
    ).exists():
        raise DomainError("Ваша заявка по этой организации уже ждёт проверки.")
    if document is None:
        raise DomainError("Приложите документ, подтверждающий ваши полномочия.", field="document")
    claim = Claim(
        kind=Claim.Kind.CLAIM,
        organization=organization,
        user=actor,
        stated_role=stated_role,
        position=position.strip(),
        comment=comment.strip(),
    )
    _attach_document(claim, document)
    claim.full_clean()
    claim.save()
    audit_log(
        actor=actor,
        action="organizations.claim.submit",
        obj=organization,
        changes={"claim": claim.pk},
    )
    _tell_operators(claim=claim, actor=actor)
    return claim


def _check_reviewable(actor: Any, claim: Claim) -> None:
    if not permissions.can_review_claims(actor):
        raise DomainError("Рассматривать заявки может только оператор.")
    if claim.status != Claim.Status.PENDING:
        raise DomainError("Заявка уже рассмотрена.")


@transaction.atomic
def claim_approve(*, actor: Any, claim: Claim) -> Claim:
    claim = (
        Claim.objects.select_for_update().select_related("organization", "user").get(pk=claim.pk)
    )
    _check_reviewable(actor, claim)
    organization = claim.organization
    role = Membership.Role.OWNER
    membership, created = Membership.objects.get_or_create(
        user=claim.user,
        organization=organization,
        defaults={"role": role, "position": claim.position},
    )
    if not created and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    permissions.forget_membership_roles(claim.user)
    claim.status, claim.reviewed_by, claim.reviewed_at = (
        Claim.Status.APPROVED,
        actor,
        timezone.now(),
    )
    claim.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    organization.is_published = True
    organization.is_verified, organization.verified_at, organization.verified_by = (
        True,
        timezone.now(),
        actor,
    )
    organization.save(
        update_fields=["is_published", "is_verified", "verified_at", "verified_by", "updated_at"]
    )
    audit_log(
        actor=actor,
        action="organizations.claim.approve",
        obj=organization,
        changes={"claim": claim.pk, "user": claim.user},
    )
    notify(
        recipients=[claim.user],
        kind="organizations.claim.approved",
        title=f"Заявка одобрена: {organization.display_name}",
        body="Теперь вы управляете профилем организации и можете приглашать коллег.",
        obj=organization,
        url=_url("organizations:detail", organization.pk),
        actor=actor,
    )
    return claim


@transaction.atomic
def claim_reject(*, actor: Any, claim: Claim, reason: str) -> Claim:
    claim = (
        Claim.objects.select_for_update().select_related("organization", "user").get(pk=claim.pk)
    )
    _check_reviewable(actor, claim)
    reason = reason.strip()
    if not reason:
        raise DomainError("Укажите причину отказа — заявитель её увидит.", field="reason")
    claim.status, claim.reviewed_by, claim.reviewed_at = (
        Claim.Status.REJECTED,
        actor,
        timezone.now(),
    )
    claim.rejection_reason = reason
    claim.save(update_fields=["status", "reviewed_by", "reviewed_at", "rejection_reason"])
    audit_log(
        actor=actor,
        action="organizations.claim.reject",
        obj=claim.organization,
        changes={"claim": claim.pk, "reason": reason},
    )
    notify(
        recipients=[claim.user],
        kind="organizations.claim.rejected",
        title=f"Заявка отклонена: {claim.organization.display_name}",
        body=f"Причина: {reason}",
        obj=claim,
        url=_url("organizations:claim_detail", claim.pk),
        actor=actor,
    )
    return claim


@transaction.atomic
def claim_withdraw(*, actor: Any, claim: Claim) -> Claim:
    if not permissions.can_withdraw_claim(actor, claim):
        raise DomainError("Отозвать можно только свою заявку, которая ещё ждёт проверки.")
    claim.status = Claim.Status.WITHDRAWN
    claim.save(update_fields=["status"])
    audit_log(
        actor=actor,
        action="organizations.claim.withdraw",
        obj=claim.organization,
        changes={"claim": claim.pk},
    )
    return claim


# --- members and invitations ---------------------------------------------------------------------


def _owner_count(organization: Organization) -> int:
    return Membership.objects.filter(organization=organization, role=Membership.Role.OWNER).count()


def _lock_memberships(organization: Organization) -> None:
    # Serialise concurrent changes of one organisation's members (the last-owner rule).
    list(
        Membership.objects.select_for_update()
        .filter(organization=organization)
        .values_list("pk", flat=True)
    )


@transaction.atomic
def membership_change_role(*, actor: Any, membership: Membership, role: str) -> Membership:
    organization = membership.organization
    if not permissions.can_manage_members(actor, organization):
        raise DomainError("Менять роли участников может только владелец организации.")
    if role not in Membership.Role.values:
        raise DomainError("Неизвестная роль.", field="role")
    _lock_memberships(organization)
    membership.refresh_from_db()
    if membership.role == role:
        return membership
    if membership.role == Membership.Role.OWNER and _owner_count(organization) <= 1:
        raise DomainError(
            "Нельзя понизить последнего владельца: сначала назначьте другого владельца."
        )
    old = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    permissions.forget_membership_roles(membership.user)
    audit_log(
        actor=actor,
        action="organizations.membership.role",
        obj=organization,
        changes={"user": membership.user, "role": [old, role]},
    )
    notify(
        recipients=[membership.user],
        kind="organizations.membership.role_changed",
        title=f"Ваша роль в «{organization.display_name}»: {membership.get_role_display()}",
        obj=organization,
        url=_url("organizations:detail", organization.pk),
        actor=actor,
    )
    return membership


@transaction.atomic
def membership_remove(*, actor: Any, membership: Membership) -> None:
    organization = membership.organization
    leaving = actor.pk == membership.user_id
    if not leaving and not permissions.can_manage_members(actor, organization):
        raise DomainError("Исключать участников может только владелец организации.")
    _lock_memberships(organization)
    membership.refresh_from_db()
    if membership.role == Membership.Role.OWNER and _owner_count(organization) <= 1:
        raise DomainError(
            "Последний владелец не может покинуть организацию: сначала передайте права владельца другому участнику."
        )
    user = membership.user
    membership.delete()
    permissions.forget_membership_roles(user)
    audit_log(
        actor=actor,
        action="organizations.membership.leave" if leaving else "organizations.membership.remove",
        obj=organization,
        changes={"user": user},
    )
    if not leaving:
        notify(
            recipients=[user],
            kind="organizations.membership.removed",
            title=f"Вы больше не участник «{organization.display_name}»",
            obj=organization,
            url=_url("organizations:detail", organization.pk),
            actor=actor,
        )


@transaction.atomic
def membership_leave(*, actor: Any, organization: Organization) -> None:
    membership = (
        Membership.objects.filter(user=actor, organization=organization)
        .select_related("user", "organization")
        .first()
    )
    if membership is None:
        raise DomainError("Вы не состоите в этой организации.")
    membership_remove(actor=actor, membership=membership)


def _send_invitation_mail(invitation: Invitation) -> None:
    link = _url("organizations:invitation_accept", invitation.token)
    send_mail(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Приглашение в «{invitation.organization.display_name}»",
        message=(
            f"Здравствуйте!\n\n{invitation.invited_by.display_name if invitation.invited_by else 'Владелец'} приглашает вас "
            f"в организацию «{invitation.organization.display_name}» на платформе {settings.SITE_NAME} "
            f"(роль: {invitation.get_role_display()}).\n\n"
            f"Чтобы принять приглашение, войдите или зарегистрируйтесь с этим адресом и откройте ссылку:\n{link}\n\n"
            f"Приглашение действует до {timezone.localtime(invitation.expires_at):%d.%m.%Y}.\n"
        ),
        from_email=None,
        recipient_list=[invitation.email],
    )


@transaction.atomic
def invitation_create(
    *, actor: Any, organization: Organization, email: str, role: str
) -> Invitation:
    if not permissions.can_manage_members(actor, organization):
        raise DomainError("Приглашать участников может только владелец организации.")
    email = email.strip().lower()
    if role not in Membership.Role.values:
        raise DomainError("Неизвестная роль.", field="role")
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise DomainError("Этот человек уже состоит в организации.", field="email")
    if selectors.open_invitations_of(organization).filter(email__iexact=email).exists():
        raise DomainError(
            "Приглашение на этот адрес уже отправлено и ещё действует.", field="email"
        )
    # an expired, never accepted invitation to the same address is closed so that a new one may be sent
    Invitation.objects.filter(
        organization=organization,
        email__iexact=email,
        accepted_at__isnull=True,
        cancelled_at__isnull=True,
    ).update(cancelled_at=timezone.now())
    invitation = Invitation(organization=organization, email=email, role=role, invited_by=actor)
    invitation.full_clean()
    invitation.save()
    audit_log(
        actor=actor,
        action="organizations.invitation.create",
        obj=organization,
        changes={"email": email, "role": role},
    )
    transaction.on_commit(lambda: _send_invitation_mail(invitation))
    from django.contrib.auth import get_user_model

    known = get_user_model().objects.filter(email__iexact=email, is_active=True)
    notify(
        recipients=known,
        kind="organizations.invitation.received",
        title=f"Приглашение в «{organization.display_name}»",
        body=f"Роль: {invitation.get_role_display()}.",
        obj=organization,
        url=_url("organizations:invitation_accept", invitation.token),
        actor=actor,
    )
    return invitation


@transaction.atomic
def invitation_cancel(*, actor: Any, invitation: Invitation) -> Invitation:
    if not permissions.can_manage_members(actor, invitation.organization):
        raise DomainError("Отменять приглашения может только владелец организации.")
    if invitation.accepted_at or invitation.cancelled_at:
        raise DomainError("Приглашение уже принято или отменено.")
    invitation.cancelled_at = timezone.now()
    invitation.save(update_fields=["cancelled_at"])
    audit_log(
        actor=actor,
        action="organizations.invitation.cancel",
        obj=invitation.organization,
        changes={"email": invitation.email},
    )
    return invitation


@transaction.atomic
def invitation_accept(*, actor: Any, invitation: Invitation) -> Membership:
    invitation = (
        Invitation.objects.select_for_update().select_related("organization").get(pk=invitation.pk)
    )
    if not invitation.is_open:
        raise DomainError("Приглашение больше не действует: оно принято, отменено или истекло.")
    if actor.email.lower() != invitation.email.lower():
        raise DomainError(
            f"Приглашение отправлено на адрес {invitation.email}. Войдите с этим адресом, чтобы принять его."
        )
    membership, created = Membership.objects.get_or_create(
        user=actor, organization=invitation.organization, defaults={"role": invitation.role}
    )
    if not created:
        raise DomainError("Вы уже состоите в этой организации.")
    invitation.accepted_at, invitation.accepted_by = timezone.now(), actor
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    permissions.forget_membership_roles(actor)
    audit_log(
        actor=actor,
        action="organizations.invitation.accept",
        obj=invitation.organization,
        changes={"role": invitation.role},
    )
    notify(
        recipients=selectors.owners_of(invitation.organization),
        kind="organizations.invitation.accepted",
        title=f"{actor.display_name} принял(а) приглашение в «{invitation.organization.display_name}»",
        obj=invitation.organization,
        url=_url("organizations:members", invitation.organization.pk),
        actor=actor,
    )
    return membership


# --- personal data (152-ФЗ) ----------------------------------------------------------------------


def personal_data_export(user: Any) -> dict[str, Any]:
    return {
        "memberships": [
            {
                "organization": m.organization.full_name,
                "organization_id": m.organization_id,
                "role": m.role,
                "position": m.position,
                "since": m.created_at.isoformat(),
            }
            for m in Membership.objects.filter(user=user)
            .select_related("organization")
            .order_by("pk")
        ],
        "claims": [
            {
                "organization": c.organization.full_name,
                "kind": c.kind,
                "stated_role": c.stated_role,
                "position": c.position,
                "comment": c.comment,
                "document": c.document_name,
                "status": c.status,
                "rejection_reason": c.rejection_reason,
                "submitted": c.created_at.isoformat(),
            }
            for c in Claim.objects.filter(user=user).select_related("organization").order_by("pk")
        ],
        "invitations_received": [
            {
                "organization": i.organization.full_name,
                "role": i.role,
                "sent": i.created_at.isoformat(),
                "accepted": i.accepted_at.isoformat() if i.accepted_at else None,
            }
            for i in Invitation.objects.filter(email__iexact=user.email)
            .select_related("organization")
            .order_by("pk")
        ],
    }


@transaction.atomic
def personal_data_erase(user: Any) -> dict[str, Any]:
    """Remove the person's memberships, claims (with their documents) and invitations addressed to them."""
    claims = list(Claim.objects.filter(user=user))
    documents = 0
    for claim in claims:
        if claim.document:
            claim.document.delete(save=False)
            documents += 1
    claims_deleted = Claim.objects.filter(user=user).delete()[0]
    memberships_deleted = Membership.objects.filter(user=user).delete()[0]
    invitations = Invitation.objects.filter(email__iexact=user.email).update(
        email=f"deleted-{user.pk}@invalid"
    )
    return {
        "memberships": memberships_deleted,
        "claims": claims_deleted,
        "claim_documents": documents,
        "invitations_anonymised": invitations,
    }
