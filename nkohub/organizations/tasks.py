"""Background work of the registry (django.tasks): imports run outside the request; logos get
their thumbnails."""

from django.tasks import task

from nkohub.notifications.background import background_task


@task()
def run_import(run_id: int) -> None:
    from nkohub.organizations.imports.runs import import_run_execute

    import_run_execute(run_id=run_id)


@background_task(max_attempts=3)
def make_logo_thumbnail(organization_id: int) -> str:
    from nkohub.organizations.services import organization_logo_thumbnail_make

    return organization_logo_thumbnail_make(organization_id=organization_id)
