"""Find an optional module (reference.py, demo.py) in each installed app of the project, in INSTALLED_APPS order."""

import importlib
import importlib.util
from types import ModuleType

from django.apps import apps


def project_app_modules(module_name: str) -> list[ModuleType]:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("nkohub."):
            continue
        dotted = f"{config.name}.{module_name}"
        if importlib.util.find_spec(dotted) is not None:
            modules.append(importlib.import_module(dotted))
    return modules
