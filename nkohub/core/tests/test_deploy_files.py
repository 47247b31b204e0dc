"""The files in deploy/ are what docs/deployment.md tells an administrator to install: nginx accepts the
site, gunicorn accepts its configuration, the systemd units start commands that exist, and production
serves static files under hashed names."""

import configparser
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
PRODUCTION_ENV = {
    "NKOHUB_ENV": "production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-test-0123456789-abcdefghijk",
    "ALLOWED_HOSTS": "nko.example.org",
}


def _environment(**extra: str) -> dict[str, str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "NKOHUB_ENV"}
    }
    environment.update(extra)
    return environment


def _unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DEPLOY / "systemd" / name, encoding="utf-8")
    return parser


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_nginx_accepts_the_site_configuration(tmp_path: Path) -> None:
    certificate, key = tmp_path / "fullchain.pem", tmp_path / "privkey.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=nko.example.org",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    site = (DEPLOY / "nginx" / "nkohub.conf").read_text(encoding="utf-8")
    site = site.replace("/etc/letsencrypt/live/nko.example.org/fullchain.pem", str(certificate))
    site = site.replace("/etc/letsencrypt/live/nko.example.org/privkey.pem", str(key))
    assert str(certificate) in site, "the site no longer names the certbot certificate"
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log off;\n  client_body_temp_path {tmp_path}/body;\n"
        f"  include {tmp_path}/site.conf;\n}}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            "nginx",
            "-t",
            "-p",
            str(tmp_path),
            "-e",
            str(tmp_path / "error.log"),
            "-c",
            str(tmp_path / "nginx.conf"),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_nginx_never_serves_the_private_files_and_passes_the_request_id() -> None:
    site = (DEPLOY / "nginx" / "nkohub.conf").read_text(encoding="utf-8")
    active = "\n".join(line.split("#", 1)[0] for line in site.splitlines())
    aliases = re.findall(r"^\s*(?:alias|root)\s+(\S+);", active, re.MULTILINE)
    assert "/srv/nkohub/var/media/;"[:-1] in aliases
    assert not [path for path in aliases if "private" in path]
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in active
    assert "proxy_set_header X-Request-ID $request_id;" in active
    assert re.search(r"location = /metrics \{[^}]*deny all;", active)


def test_gunicorn_accepts_its_configuration() -> None:
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "--check-config",
            "--config",
            "deploy/gunicorn.conf.py",
            "config.wsgi:application",
        ],
        cwd=ROOT,
        env=_environment(**PRODUCTION_ENV, GUNICORN_WORKERS="3"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("unit", "command"),
    [
        ("nkohub-web.service", "gunicorn"),
        ("nkohub-worker@.service", "rqworker"),
        ("nkohub-scheduler.service", "run_scheduler"),
    ],
)
def test_each_systemd_unit_starts_a_command_that_exists(unit: str, command: str) -> None:
    service = _unit(unit)["Service"]
    assert service["User"] == "nkohub"
    assert service["WorkingDirectory"] == "/srv/nkohub"
    assert service["EnvironmentFile"] == "/srv/nkohub/.env"
    assert service["Restart"] == "always"
    argv = shlex.split(service["ExecStart"].replace("%H", "host").replace("%i", "1"))
    assert argv[0].startswith("/srv/nkohub/.venv/bin/")
    local = [str(ROOT / ".venv" / "bin" / Path(argv[0]).name), *argv[1:]]
    if command == "gunicorn":
        assert (ROOT / local[local.index("--config") + 1]).is_file()
        assert "config.wsgi:application" in local
        return
    assert local[1] == "manage.py"
    assert local[2] == command
    if command == "rqworker":
        # Without the job class every task fails with "'Task' object is not callable".
        assert local[local.index("--job-class") + 1] == "django_tasks_rq.Job"
        assert int(service["TimeoutStopSec"]) > 600  # the task timeout: a worker finishes its task
    result = subprocess.run(
        [local[0], "manage.py", "help", command],
        cwd=ROOT,
        env=_environment(REDIS_URL="redis://127.0.0.1:1/0"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    options = {arg.split("=", 1)[0] for arg in local[3:] if arg.startswith("--")}
    for option in options:
        assert option in result.stdout, f"{unit}: {command} has no option {option}"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed")
def test_systemd_finds_no_error_in_the_units(tmp_path: Path) -> None:
    """`systemd-analyze verify` on copies whose paths point at this checkout."""
    for unit in (DEPLOY / "systemd").iterdir():
        text = unit.read_text(encoding="utf-8").replace("/srv/nkohub", str(ROOT))
        text = re.sub(r"^(User|Group)=.*$", r"\1=root", text, flags=re.MULTILINE)
        text = text.replace("EnvironmentFile=", "EnvironmentFile=-")
        (tmp_path / unit.name).write_text(text, encoding="utf-8")
    units = [str(tmp_path / name) for name in ("nkohub-web.service", "nkohub-scheduler.service")]
    units.append(str(tmp_path / "nkohub-worker@1.service"))
    shutil.copy(tmp_path / "nkohub-worker@.service", tmp_path / "nkohub-worker@1.service")
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *units],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    # An unknown key or a bad value is a warning naming the file, not a failure: none may appear.
    assert not [line for line in result.stderr.splitlines() if str(tmp_path) in line], result.stderr


def test_production_collects_static_files_under_hashed_names(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=_environment(**PRODUCTION_ENV, DATA_DIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text(encoding="utf-8"))
    hashed = manifest["paths"]["css/site.css"]
    assert re.fullmatch(r"css/site\.[0-9a-f]{12}\.css", hashed)
    assert (tmp_path / "static" / hashed).is_file()
    assert (tmp_path / "static" / f"{hashed}.gz").is_file()  # WhiteNoise's compressed copy
