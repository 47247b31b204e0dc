"""Tests travel to a day at noon in Moscow, so that "today" is that day in UTC and in Europe/Moscow alike."""

import time_machine


def at(day: str) -> time_machine.travel:
    return time_machine.travel(f"{day}T09:00:00Z", tick=False)
