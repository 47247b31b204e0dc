"""Background work of the registry (django.tasks): imports run outside the request; logos get
their thumbnails.

An import records its own failures on its run (the operator sees them on the import page); what fails
around it (the database gone, say) is not retried — a half-read file is not read twice — but kept as a
task failure on the operations page, where an operator can run it again."""

from nkohub.notifications.background import background_task


@background_task(max_attempts=1)
def run_import(run_id: int) -> None:
    from nkohub.organizations.imports.runs import import_run_execute

    import_run_execute(run_id=run_id)


@background_task(max_attempts=3)
def make_logo_thumbnail(organization_id: int) -> str:
    from nkohub.organizations.services import organization_logo_thumbnail_make

    return organization_logo_thumbnail_make(organization_id=organization_id)
