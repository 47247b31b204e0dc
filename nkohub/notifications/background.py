"""Background tasks with bounded retries, and the record of those that failed for good.

    from nkohub.notifications.background import background_task, enqueue_on_commit

    @background_task(max_attempts=3)
    def import_registry(upload_id: int) -> None: ...

    enqueue_on_commit(import_registry, upload.pk)

A failing attempt is enqueued again after a growing pause (at once where the backend cannot defer,
as in the embedded setup). When the last attempt fails, a `TaskFailure` row keeps the task, its
arguments and the traceback; operators see it on the operations page and in the admin and can run it again.

When the queue itself cannot be reached (Redis down), enqueueing does not fail the request that asked for
the work: `enqueue_safely` logs it and keeps the task as a `TaskFailure` of stage "enqueue", and the
`notifications.requeue_tasks` job queues it again once Redis answers (operators may also run it at once).
"""

import functools
import logging
import traceback
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.tasks import Task, task
from django.utils import timezone
from django.utils.module_loading import import_string

from nkohub.core import request_id

logger = logging.getLogger(__name__)

ATTEMPT_KWARG = "_attempt"
# The id of the request that enqueued the task (core.request_id): the worker's log lines carry it too.
REQUEST_ID_KWARG = "_request_id"


def background_task(
    function: Callable[..., Any] | None = None,
    *,
    max_attempts: int = 3,
    retry_delay: timedelta = timedelta(minutes=1),
    **task_options: Any,
) -> Any:
    """`django.tasks.task` plus bounded retries and a `TaskFailure` record after the last attempt."""
    if max_attempts < 1:
        raise ValueError("max_attempts must be at least 1")

    def decorate(func: Callable[..., Any]) -> Any:
        task_path = f"{func.__module__}.{func.__qualname__}"

        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            attempt = int(kwargs.pop(ATTEMPT_KWARG, 1))
            with request_id.bound(str(kwargs.pop(REQUEST_ID_KWARG, "") or request_id.current())):
                return _attempt(args, kwargs, attempt)

        def _attempt(args: tuple[Any, ...], kwargs: dict[str, Any], attempt: int) -> Any:
            try:
                return func(*args, **kwargs)
            except Exception:
                error = traceback.format_exc()
                if attempt < max_attempts:
                    logger.warning(
                        "Task %s failed (attempt %s of %s), retrying",
                        task_path,
                        attempt,
                        max_attempts,
                    )
                    _enqueue_retry(
                        import_string(task_path),
                        args,
                        kwargs,
                        attempt + 1,
                        retry_delay * 2 ** (attempt - 1),
                    )
                    return None
                logger.error("Task %s failed after %s attempts", task_path, attempt)
                _record_failure(
                    task_path=task_path,
                    args=list(args),
                    kwargs=kwargs,
                    attempts=attempt,
                    error=error,
                )
                raise

        run.nkohub_background = True  # type: ignore[attr-defined]  # takes REQUEST_ID_KWARG
        return task(**task_options)(run)

    if function is not None:
        return decorate(function)
    return decorate


def _enqueue_retry(
    this_task: Task, args: tuple[Any, ...], kwargs: dict[str, Any], attempt: int, delay: timedelta
) -> None:
    if this_task.get_backend().supports_defer:
        this_task = this_task.using(run_after=timezone.now() + delay)
    enqueue_safely(this_task, *args, **{**kwargs, ATTEMPT_KWARG: attempt})


def _record_failure(**fields: Any) -> None:
    from nkohub.notifications.services import task_failure_record

    try:
        task_failure_record(**fields)
    except Exception:  # the database may be what failed; the log still has it
        logger.exception("Could not record the failure of %s", fields["task_path"])


def queue_unreachable_errors() -> tuple[type[BaseException], ...]:
    """What an enqueue raises when the queue cannot be reached (a bug in the arguments is not one)."""
    from redis.exceptions import RedisError

    return (RedisError, OSError)


def enqueue_safely(this_task: Task, *args: Any, **kwargs: Any) -> bool:
    """Enqueue now; if the queue is unreachable, keep the task to be queued later. True when queued."""
    current_id = request_id.current()
    if current_id and getattr(this_task.func, "nkohub_background", False):
        kwargs.setdefault(REQUEST_ID_KWARG, current_id)
    try:
        this_task.enqueue(*args, **kwargs)
    except queue_unreachable_errors() as error:
        logger.warning(
            "Could not queue %s (%s); kept to be queued when the queue answers",
            this_task.module_path,
            error,
        )
        from nkohub.notifications.models import TaskFailure

        _record_failure(
            task_path=this_task.module_path,
            args=list(args),
            kwargs=kwargs,
            attempts=0,
            error=f"{type(error).__name__}: {error}",
            stage=TaskFailure.Stage.ENQUEUE,
        )
        return False
    return True


def enqueue_on_commit(this_task: Task, *args: Any, **kwargs: Any) -> None:
    """Enqueue `this_task` with JSON-serialisable arguments once the current transaction commits."""
    transaction.on_commit(lambda: enqueue_safely(this_task, *args, **kwargs))
