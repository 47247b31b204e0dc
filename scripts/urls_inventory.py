"""Every URL of the platform with who may call it, read from the URLconf and the views' code (issue 22, item 9).

    python scripts/urls_inventory.py           # rewrite docs/urls.md
    python scripts/urls_inventory.py --check   # exit 1 if docs/urls.md is stale

For each pattern: its route and name, the HTTP methods its view accepts (from `require_POST`,
`require_safe`, `require_GET` and `require_http_methods([...])`, or a class-based view's handlers),
whether it needs a logged-in person (`login_required` and other `*_required` decorators,
`LoginRequiredMixin`, `redirect_to_login` in the body), and the permission helpers its view calls,
found by reading the view's source with `ast`: calls named `can_*`, `get_*_for_user`, `require*` and
`is_operator`, also inside helper functions of the same module the view calls (two levels down). The
Django admin is one row (staff sessions only; operators through OperatorPermissionBackend), the JSON API
one row per endpoint of its router. A view whose rule the reader cannot see ("—") is for a person to look at.
"""

import ast
import functools
import inspect
import os
import re
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "docs" / "urls.md"
CHECK_NAME = re.compile(r"^(can_\w+|get_\w+_for_user|require\w*|is_operator|_?\w*_for_user)$")
METHOD_DECORATORS = {
    "require_POST": ("POST",),
    "require_GET": ("GET",),
    "require_safe": ("GET", "HEAD"),
}
ALL_METHODS = ("any",)
NOT_CHECKS = {*METHOD_DECORATORS, "require_http_methods", "require_POST"}


@dataclass
class Route:
    route: str
    name: str
    view: str  # module.qualname
    app: str
    methods: tuple[str, ...] = ALL_METHODS
    login: bool = False
    decorators: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)

    @property
    def accepts_post(self) -> bool:
        return "POST" in self.methods or self.methods == ALL_METHODS


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def _decorator_name(node: ast.expr) -> str:
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Name):
        return target.id
    return ""


def _methods_of(decorators: list[ast.expr]) -> tuple[str, ...]:
    for node in decorators:
        name = _decorator_name(node)
        if name in METHOD_DECORATORS:
            return METHOD_DECORATORS[name]
        if name == "require_http_methods" and isinstance(node, ast.Call) and node.args:
            listed = node.args[0]
            if isinstance(listed, (ast.List, ast.Tuple, ast.Set)):
                return tuple(
                    sorted(
                        str(e.value).upper()
                        for e in listed.elts
                        if isinstance(e, ast.Constant) and isinstance(e.value, str)
                    )
                )
    return ALL_METHODS


def _called(node: ast.AST, module_name: str) -> Iterator[tuple[str, Any]]:
    """Each call in the function: its name and the object it names in the module, when it is found."""
    namespace = vars(sys.modules[module_name]) if module_name in sys.modules else {}
    for call in ast.walk(node):
        if not isinstance(call, ast.Call):
            continue
        target: Any = None
        func = call.func
        if isinstance(func, ast.Name):
            target = namespace.get(func.id)
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            base = namespace.get(func.value.id)
            target = getattr(base, func.attr, None) if inspect.ismodule(base) else None
        name = _decorator_name(call)
        if name:
            yield name, target


def _is_check(name: str, target: Any) -> bool:
    if name in NOT_CHECKS or name.startswith("_"):
        return False
    defined_in = getattr(target, "__module__", "") or ""
    return bool(CHECK_NAME.match(name)) or defined_in.endswith(".permissions")


def _checks_in(node: ast.FunctionDef, module_name: str, depth: int = 2) -> set[str]:
    """The permission helpers the function calls, itself or through the app's own helpers."""
    found: set[str] = set()
    app_prefix = ".".join(module_name.split(".")[:2]) + "."
    for name, target in _called(node, module_name):
        if _is_check(name, target):
            found.add(name)
            continue
        defined_in = getattr(target, "__module__", "") or ""
        if depth and inspect.isfunction(target) and defined_in.startswith(app_prefix):
            inner = _function_node(inspect.unwrap(target))
            if inner is not None and inner is not node:
                found |= _checks_in(inner, defined_in, depth - 1)
    return found


def _function_node(function: Callable[..., Any]) -> ast.FunctionDef | None:
    try:
        source = textwrap.dedent(inspect.getsource(function))
    except (OSError, TypeError):
        return None
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            return node
    return None


def _ninja_path_view(function: Any, depth: int = 0) -> Any:
    """The django-ninja PathView behind an API URL (its operations carry methods, view and auth)."""
    if hasattr(function, "operations"):
        return function
    if depth > 3 or not inspect.isfunction(function):
        return None
    for value in inspect.getclosurevars(function).nonlocals.values():
        if (found := _ninja_path_view(value, depth + 1)) is not None:
            return found
    return None


def _describe_api(route: str, name: str, path_view: Any) -> Route:
    methods: set[str] = set()
    checks: set[str] = set()
    views = []
    for operation in path_view.operations:
        methods |= {m.upper() for m in operation.methods}
        function = inspect.unwrap(operation.view_func)
        views.append(f"{function.__module__}.{function.__qualname__}")
        node = _function_node(function)
        if node is not None:
            checks |= _checks_in(node, function.__module__)
        checks |= {
            getattr(auth, "__name__", type(auth).__name__) for auth in operation.auth_callbacks
        }
    return Route(
        route=route,
        name=name,
        view=", ".join(views),
        app="api",
        methods=tuple(sorted(methods)) or ALL_METHODS,
        login=False,
        checks=sorted(checks),
    )


def describe(route: str, name: str, callback: Callable[..., Any]) -> Route:
    if (path_view := _ninja_path_view(callback)) is not None:
        return _describe_api(route, name, path_view)
    while isinstance(callback, functools.partial):
        callback = callback.func
    view_class = getattr(callback, "view_class", None)
    original = inspect.unwrap(callback)
    target: Any = view_class or original
    module_name = getattr(target, "__module__", "") or ""
    app = (
        module_name.split(".")[1]
        if module_name.startswith("nkohub.")
        else module_name.split(".")[0]
    )
    entry = Route(
        route=route,
        name=name,
        view=f"{module_name}.{getattr(target, '__qualname__', type(target).__name__)}",
        app=app,
    )
    if view_class is not None:
        handlers = [
            m for m in view_class.http_method_names if m != "options" and hasattr(view_class, m)
        ]
        entry.methods = tuple(sorted(m.upper() for m in handlers)) or ALL_METHODS
        entry.login = any(k.__name__ == "LoginRequiredMixin" for k in view_class.__mro__)
        checks: set[str] = set()
        for handler in ("dispatch", "get", "post", "get_queryset", "get_object", "form_valid"):
            method = view_class.__dict__.get(handler)
            node = _function_node(method) if method else None
            if node is not None:
                checks |= _checks_in(node, module_name)
        entry.checks = sorted(checks)
        return entry
    node = _function_node(original)
    if node is None:
        return entry
    decorators = [_decorator_name(d) for d in node.decorator_list]
    entry.decorators = [d for d in decorators if d]
    entry.methods = _methods_of(node.decorator_list)
    called = {name for name, _target in _called(node, original.__module__)}
    entry.login = (
        any(d.endswith("_required") for d in entry.decorators) or "redirect_to_login" in called
    )
    checks = _checks_in(node, original.__module__)
    entry.checks = sorted(checks | {d for d in entry.decorators if _is_check(d, None)})
    return entry


def _pattern_text(pattern: Any) -> str:
    return str(pattern.pattern)


def walk(
    resolvers: list[Any] | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[Route]:
    """Every URL pattern of the URLconf (the admin as one row, the media server of DEBUG left out)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    for item in resolvers if resolvers is not None else get_resolver().url_patterns:
        text = prefix + _pattern_text(item)
        if isinstance(item, URLResolver):
            space = f"{namespace}{item.namespace}:" if item.namespace else namespace
            if item.app_name == "admin":
                yield Route(
                    route=text + "…",
                    name="admin:*",
                    view="django.contrib.admin",
                    app="admin",
                    methods=("GET", "POST"),
                    login=True,
                    checks=["is_staff", "OperatorPermissionBackend"],
                )
                continue
            yield from walk(item.url_patterns, text, space)
        elif isinstance(item, URLPattern):
            callback = item.callback
            if getattr(callback, "__module__", "") == "django.views.static":
                continue
            name = f"{namespace}{item.name}" if item.name else "—"
            entry = describe(text, name, callback)
            if namespace.startswith("api-v1"):  # django-ninja's own pages (schema, docs) of the API
                entry.app = "api"
            yield entry


def inventory() -> list[Route]:
    return list(walk())


def _cell(values: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f"`{v}`" for v in values) if values else "—"


def markdown(routes: list[Route]) -> str:
    lines = [
        "# Every URL and who may call it",
        "",
        "Generated by `python scripts/urls_inventory.py` from the URLconf and the views' code; "
        "`nkohub/core/tests/test_url_inventory.py` fails when it is stale. *Methods*: what the view's "
        "decorators allow (`any`: no method decorator). *Login*: a login is required before the view runs. "
        "*Checks*: the permission helpers (`can_*`, `get_*_for_user`, `require*`, `is_operator`) the view "
        "calls, itself or through helpers of its module; the rule itself is in the app's `permissions.py`. "
        "`nkohub/core/tests/test_wrong_role_writes.py` posts to every pattern that accepts POST as a guest "
        "and as a person of no organisation. The JSON API (`/api/v1/`) is called with a token: *Checks* "
        "names its authentication (`TokenAuth`: a token with the scope, docs/api.md).",
        "",
    ]
    by_app: dict[str, list[Route]] = {}
    for route in routes:
        by_app.setdefault(route.app, []).append(route)
    total = len(routes)
    writes = sum(1 for r in routes if r.accepts_post)
    lines += [f"{total} patterns, {writes} of them accept POST.", ""]
    for app in sorted(by_app):
        lines += [
            f"## {app}",
            "",
            "| URL | name | methods | login | checks |",
            "|---|---|---|---|---|",
        ]
        for r in by_app[app]:
            shown = r.route.replace("|", "\\|")
            lines.append(
                f"| `/{shown}` | `{r.name}` | {_cell(r.methods)} | {'yes' if r.login else 'no'} "
                f"| {_cell(r.checks)} |"
            )
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    setup_django()
    text = markdown(inventory())
    if "--check" in argv:
        if not DOCUMENT.exists() or DOCUMENT.read_text(encoding="utf-8") != text:
            print(f"{DOCUMENT.relative_to(ROOT)} is stale: run python scripts/urls_inventory.py")
            return 1
        return 0
    DOCUMENT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
