from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from nkohub.core.errors import DomainError
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.notifications import services
from nkohub.notifications.models import (
    EmailDelivery,
    Notification,
    NotificationPreference,
    ScheduledJob,
    TaskFailure,
)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "kind", "created_at", "read_at", "email_mode"]
    list_filter = ["kind", "email_mode", ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "recipient__email", "kind"]
    raw_id_fields = ["recipient", "actor", "delivery"]
    list_select_related = ["recipient"]
    date_hierarchy = "created_at"


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "email_mode", "updated_at"]
    list_filter = ["email_mode"]
    search_fields = ["user__email", "kind"]
    raw_id_fields = ["user"]


@admin.register(EmailDelivery)
class EmailDeliveryAdmin(admin.ModelAdmin):
    list_display = [
        "pk",
        "recipient",
        "kind",
        "status",
        "attempts",
        "created_at",
        "sent_at",
        "last_error",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["recipient__email", "subject", "last_error"]
    raw_id_fields = ["recipient"]
    list_select_related = ["recipient"]
    readonly_fields = ["claimed_at", "sent_at", "created_at"]
    actions = ["send_again"]

    @admin.action(description=_("Send the failed e-mails again"))
    def send_again(
        self, request: AuthenticatedHttpRequest, queryset: QuerySet[EmailDelivery]
    ) -> None:
        done = 0
        for delivery in queryset.filter(status=EmailDelivery.Status.FAILED):
            services.email_delivery_retry(actor=request.user, delivery=delivery)
            done += 1
        self.message_user(request, _("%(n)s e-mails queued again.") % {"n": done}, messages.SUCCESS)


@admin.register(TaskFailure)
class TaskFailureAdmin(admin.ModelAdmin):
    list_display = ["task_path", "failed_at", "attempts", "error_summary", "resolved_at"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter), "task_path"]
    search_fields = ["task_path", "error"]
    readonly_fields = [
        "task_path",
        "args",
        "kwargs",
        "attempts",
        "error",
        "failed_at",
        "resolved_at",
        "resolution",
    ]
    actions = ["run_again", "close"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def _apply(self, request: HttpRequest, queryset: QuerySet[TaskFailure], action: Any) -> None:
        for failure in queryset:
            try:
                action(actor=request.user, failure=failure)
            except DomainError as error:
                self.message_user(request, f"{failure}: {error.message}", messages.WARNING)

    @admin.action(description=_("Run the tasks again"))
    def run_again(self, request: HttpRequest, queryset: QuerySet[TaskFailure]) -> None:
        self._apply(request, queryset, services.task_failure_retry)

    @admin.action(description=_("Close the failures"))
    def close(self, request: HttpRequest, queryset: QuerySet[TaskFailure]) -> None:
        self._apply(request, queryset, services.task_failure_resolve)


@admin.register(ScheduledJob)
class ScheduledJobAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "last_outcome",
        "last_started_at",
        "last_finished_at",
        "next_run_at",
        "last_result",
    ]
    readonly_fields = [
        "last_started_at",
        "last_finished_at",
        "last_outcome",
        "last_result",
        "last_error",
    ]
