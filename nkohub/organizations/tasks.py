"""Background work of the registry (django.tasks): imports run outside the request."""

from django.tasks import task


@task()
def run_import(run_id: int) -> None:
    from nkohub.organizations.imports.runs import import_run_execute

    import_run_execute(run_id=run_id)
