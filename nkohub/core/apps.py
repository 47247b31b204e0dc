from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "nkohub.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.tasks.signals import task_finished

        from nkohub.core import metrics

        task_finished.connect(metrics.count_finished_task, dispatch_uid="nkohub.core.metrics.tasks")
