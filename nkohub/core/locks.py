"""Named locks with an expiry, kept in the database (`core.Lease`), for work that must not run twice at
once across processes and machines — e.g. one periodic job on two workers (nkohub.notifications.scheduling).

    with lease("job:notifications.send_digests", seconds=900) as held:
        if held:
            ...

Taking a lease is one INSERT, or one conditional UPDATE of an expired row: atomic on PostgreSQL and on
SQLite alike, so exactly one of the processes that race for a free lease wins it. A process that dies
while holding one blocks the name only until `seconds` have passed.
"""

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from nkohub.core.models import Heartbeat, Lease

# The heartbeat every scheduler writes at each check (notifications.scheduling; read by core.health).
SCHEDULER_HEARTBEAT = "scheduler"


def holder_name() -> str:
    """Who holds a lease: the host, the process and a random part (two holders never share a name)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def acquire(name: str, *, seconds: float, holder: str) -> bool:
    """Take the lease `name` for `seconds` if it is free or expired; True when this holder has it."""
    now = timezone.now()
    expires_at = now + timedelta(seconds=seconds)
    taken = Lease.objects.filter(name=name, expires_at__lte=now).update(
        holder=holder, expires_at=expires_at
    )
    if taken:
        return True
    try:
        with transaction.atomic():
            Lease.objects.create(name=name, holder=holder, expires_at=expires_at)
    except IntegrityError:  # somebody holds it (or won the race to create it)
        return False
    return True


def release(name: str, *, holder: str) -> None:
    Lease.objects.filter(name=name, holder=holder).delete()


@contextmanager
def lease(name: str, *, seconds: float) -> Iterator[bool]:
    """Hold `name` while the block runs; yields False (and holds nothing) when another process has it."""
    holder = holder_name()
    held = acquire(name, seconds=seconds, holder=holder)
    try:
        yield held
    finally:
        if held:
            release(name, holder=holder)


def beat(name: str, *, holder: str = "") -> None:
    """Record that the process `name` is alive now."""
    Heartbeat.objects.update_or_create(
        name=name, defaults={"beat_at": timezone.now(), "holder": holder or holder_name()}
    )


def last_beat(name: str) -> Heartbeat | None:
    return Heartbeat.objects.filter(name=name).first()
