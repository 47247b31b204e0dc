"""Members of an organisation and invitations."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.notifications.services import notify
from nkohub.organizations import permissions, selectors
from nkohub.organizations.models import (
    Invitation,
    Membership,
    Organization,
)

from ._shared import _url

if TYPE_CHECKING:
    from nkohub.accounts.models import User

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
def membership_change_role(*, actor: "User", membership: Membership, role: str) -> Membership:
    organization = membership.organization
    if not permissions.can_manage_members(actor, organization):
        raise DomainError(_("Only the organisation's owner changes its members' roles."))
    if role not in Membership.Role.values:
        raise DomainError(_("Unknown role."), field="role")
    _lock_memberships(organization)
    membership.refresh_from_db()
    if membership.role == role:
        return membership
    if membership.role == Membership.Role.OWNER and _owner_count(organization) <= 1:
        raise DomainError(_("The last owner cannot be demoted: first make someone else an owner."))
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
def membership_remove(*, actor: "User", membership: Membership) -> None:
    organization = membership.organization
    leaving = actor.pk == membership.user_id
    if not leaving and not permissions.can_manage_members(actor, organization):
        raise DomainError(_("Only the organisation's owner removes members."))
    _lock_memberships(organization)
    membership.refresh_from_db()
    if membership.role == Membership.Role.OWNER and _owner_count(organization) <= 1:
        raise DomainError(
            _(
                "The last owner cannot leave the organisation: first hand the owner's rights to "
                "another member."
            )
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
def membership_leave(*, actor: "User", organization: Organization) -> None:
    membership = (
        Membership.objects.filter(user=actor, organization=organization)
        .select_related("user", "organization")
        .first()
    )
    if membership is None:
        raise DomainError(_("You are not a member of this organisation."))
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
    *, actor: "User", organization: Organization, email: str, role: str
) -> Invitation:
    if not permissions.can_manage_members(actor, organization):
        raise DomainError(_("Only the organisation's owner invites members."))
    email = email.strip().lower()
    if role not in Membership.Role.values:
        raise DomainError(_("Unknown role."), field="role")
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise DomainError(_("This person is already a member of the organisation."), field="email")
    if selectors.open_invitations_of(organization).filter(email__iexact=email).exists():
        raise DomainError(
            _("An invitation to this address is already sent and still valid."), field="email"
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
def invitation_cancel(*, actor: "User", invitation: Invitation) -> Invitation:
    if not permissions.can_manage_members(actor, invitation.organization):
        raise DomainError(_("Only the organisation's owner cancels invitations."))
    if invitation.accepted_at or invitation.cancelled_at:
        raise DomainError(_("The invitation is already accepted or cancelled."))
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
def invitation_accept(*, actor: "User", invitation: Invitation) -> Membership:
    invitation = (
        Invitation.objects.select_for_update().select_related("organization").get(pk=invitation.pk)
    )
    if not invitation.is_open:
        raise DomainError(
            _("The invitation is no longer valid: it was accepted, cancelled or has expired.")
        )
    if actor.email.lower() != invitation.email.lower():
        raise DomainError(
            _("The invitation was sent to %(email)s. Log in with this address to accept it.")
            % {"email": invitation.email}
        )
    membership, created = Membership.objects.get_or_create(
        user=actor, organization=invitation.organization, defaults={"role": invitation.role}
    )
    if not created:
        raise DomainError(_("You already belong to this organisation."))
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
