"""Settings of НКО-Кластер, read from the environment (see .env.example).

NKOHUB_ENV=development (default) runs on SQLite with e-mail written to files;
NKOHUB_ENV=production requires SECRET_KEY and ALLOWED_HOSTS and turns on every
HTTPS protection `manage.py check --deploy` asks for.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from config.env import env_bool, env_float, env_int, env_list, env_str, load_dotenv, with_query

BASE_DIR = Path(__file__).resolve().parent.parent
load_dotenv(BASE_DIR / ".env")

ENVIRONMENT = env_str("NKOHUB_ENV", "development")
if ENVIRONMENT not in {"development", "production"}:
    raise ImproperlyConfigured("NKOHUB_ENV must be 'development' or 'production'")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DEBUG", default=not PRODUCTION)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in production")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production-0123456789"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Reverse proxies (addresses or networks) whose X-Forwarded-For is believed: the client's address is the
# rightmost hop that is not one of them (nkohub/core/client_ip.py). The documented nginx runs on the same
# machine, hence the loopback default; empty the list when the app is reached directly.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", ["127.0.0.1", "::1"])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env_str("SITE_NAME", "НКО-Кластер")

# The cluster's home region (two-digit code of the subject of the Federation).
CLUSTER_REGION = env_str("CLUSTER_REGION", "40")

INSTALLED_APPS = [
    # Project apps first, so that their templates override those of allauth and the admin.
    "nkohub.core",
    "nkohub.accounts",
    "nkohub.territories",
    "nkohub.organizations",
    "nkohub.notifications",
    "nkohub.resources",
    "nkohub.reception",
    "nkohub.projects",
    "nkohub.grants",
    "nkohub.learning",
    "nkohub.consultations",
    "nkohub.events",
    "nkohub.news",
    "nkohub.ideas",
    "nkohub.volunteering",
    "nkohub.surveys",
    "nkohub.competitions",
    "nkohub.analytics",
    "nkohub.api",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "django_htmx",
    "django_filters",
    "django_rq",
    "django_tasks_db",
]

MIDDLEWARE = [
    "nkohub.core.request_id.RequestIdMiddleware",
    "nkohub.core.client_ip.ClientAddressMiddleware",
    "nkohub.core.metrics.MetricsMiddleware",
    "nkohub.api.middleware.RefuseNulBytesMiddleware",  # core's, with problems under /api/
    "nkohub.core.db_router.ReplicaReadsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "config.urls"
FORM_RENDERER = "nkohub.core.forms.FormRenderer"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nkohub.core.context_processors.site",
            ],
        },
    },
]

# --- Database: SQLite embedded by default, PostgreSQL in production -------------------
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "var")))
DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = f"sqlite:///{DATA_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue instead of failing.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")
# DATABASE_POOL=1: psycopg's connection pool in each process instead of persistent connections.
if DATABASE_IS_POSTGRES and env_bool("DATABASE_POOL", False):
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections; Django may not
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env_int("DATABASE_POOL_MIN_SIZE", 2),
        "max_size": env_int("DATABASE_POOL_MAX_SIZE", 10),
        "timeout": env_float("DATABASE_POOL_TIMEOUT", 10.0),
    }
# PgBouncer in transaction mode: no server-side cursors (they outlive the transaction PgBouncer lends).
if DATABASE_IS_POSTGRES and env_bool("DATABASE_PGBOUNCER", False):
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
# A read replica for heavy reads (search, dashboard, exports, open data: nkohub/core/db_router.py).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"]
    )
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    for _option in ("OPTIONS", "DISABLE_SERVER_SIDE_CURSORS"):
        if _option in DATABASES["default"]:
            DATABASES["replica"][_option] = DATABASES["default"][_option]
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}  # tests read the primary's test database
    DATABASE_ROUTERS = ["nkohub.core.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and tasks: Redis when REDIS_URL is set ------------------------------------
# Embedded (no REDIS_URL): tasks run at once in the web process, nothing else to start.
# With REDIS_URL: tasks go to Redis (django-tasks-rq) and are run by RQ workers:
#   manage.py rqworker default --job-class django_tasks_rq.Job --with-scheduler
# TASK_QUEUES names every queue a task may use (workers choose which ones they serve).
REDIS_URL = env_str("REDIS_URL")
TASK_QUEUES = env_list("TASK_QUEUES", ["default"])
if "default" not in TASK_QUEUES:
    TASK_QUEUES.insert(0, "default")
# A dead Redis must cost milliseconds: short socket timeouts, and after a failure the cache is not
# tried again for CACHE_RETRY_AFTER seconds (nkohub/core/cache.py; reads miss, writes are dropped).
REDIS_CONNECT_TIMEOUT = env_float("REDIS_CONNECT_TIMEOUT", 0.5)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "nkohub.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "nkohub"),
            "OPTIONS": {
                "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
                "socket_timeout": env_float("CACHE_SOCKET_TIMEOUT", 0.5),
                "RETRY_AFTER": env_float("CACHE_RETRY_AFTER", 5.0),
            },
        }
    }
    # Enqueueing gets the same short connect timeout (workers keep RQ's own read timeouts).
    RQ_QUEUES = {
        name: {
            "URL": with_query(REDIS_URL, socket_connect_timeout=REDIS_CONNECT_TIMEOUT),
            "DEFAULT_TIMEOUT": 600,
        }
        for name in TASK_QUEUES
    }
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    RQ_QUEUES = {}
    TASKS = {
        "default": {
            "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
            "QUEUES": TASK_QUEUES,
        }
    }

# --- Authentication -----------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "nkohub.accounts.backends.OperatorPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:cabinet"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Confirming the e-mail in the browser that signed up signs the person in (allauth does so only there).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = False  # a second sign-up with a known e-mail is refused plainly
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_FORMS = {
    "signup": "nkohub.accounts.forms.SignupForm",
    "login": "nkohub.accounts.forms.LoginForm",
    "reset_password": "nkohub.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "nkohub.accounts.forms.ResetPasswordKeyForm",
    "change_password": "nkohub.accounts.forms.ChangePasswordForm",
    "set_password": "nkohub.accounts.forms.SetPasswordForm",
    "add_email": "nkohub.accounts.forms.AddEmailForm",
}
ACCOUNT_ADAPTER = "nkohub.accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    # Failed logins are limited per client address (resolved through TRUSTED_PROXIES) and per account, so
    # one attacker locks neither everybody (behind one proxy address) nor more than the accounts he tries.
    "login_failed": env_str("LOGIN_FAILED_RATE", "10/m/ip,5/5m/key"),
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/5m/key",
}

# --- Internationalisation ----------------------------------------------------------
LANGUAGE_CODE = "ru"
# The interface is Russian for everyone, whatever the browser asks for (source strings are English).
LANGUAGES = [("ru", "Русский")]
LOCALE_PATHS: list[Path] = []  # each app keeps its translation in nkohub/<app>/locale
TIME_ZONE = env_str("TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

# --- Static and media ------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "nkohub" / "static", BASE_DIR / "build" / "vendor"]
# MEDIA_DOMAIN: public pictures (logos, covers, photos) from a separate domain with no cookies of the
# site, e.g. media.nko.example (its web server serves MEDIA_ROOT there); private files are never on it.
MEDIA_DOMAIN = env_str("MEDIA_DOMAIN")
MEDIA_URL = f"https://{MEDIA_DOMAIN}/" if MEDIA_DOMAIN else "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or DATA_DIR / "media")
# Claim documents, appeal attachments and import files: outside MEDIA_ROOT, never served by a web server,
# only by the views that check permissions (nkohub/core/storage.py).
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT") or DATA_DIR / "private")
_media, _private = MEDIA_ROOT.resolve(), PRIVATE_MEDIA_ROOT.resolve()
if _private == _media or _private.is_relative_to(_media) or _media.is_relative_to(_private):
    raise ImproperlyConfigured("PRIVATE_MEDIA_ROOT must be outside MEDIA_ROOT (and not contain it)")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "nkohub.core.storage.PrivateFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
# ClamAV for uploaded documents (nkohub/core/antivirus.py): a clamd socket path or host:port, "off", or
# empty to auto-detect clamd's usual sockets, then clamdscan/clamscan; no scanning when none is installed.
CLAMAV_SOCKET = env_str("CLAMAV_SOCKET")

# --- Retention of personal data (152-ФЗ; nkohub/accounts/retention.py, docs/deployment.md) ---------------
RETENTION_UNCONFIRMED_SIGNUP_DAYS = env_int("RETENTION_UNCONFIRMED_SIGNUP_DAYS", 30)
RETENTION_IP_ADDRESS_DAYS = env_int("RETENTION_IP_ADDRESS_DAYS", 365)
RETENTION_IMPORT_FILE_DAYS = env_int("RETENTION_IMPORT_FILE_DAYS", 90)
RETENTION_APPEAL_ATTACHMENT_YEARS = env_int("RETENTION_APPEAL_ATTACHMENT_YEARS", 5)

# --- E-mail (Django 6.1 mailers) -----------------------------------------------------
# EMAIL_BACKEND: "smtp" (production default), "file" (development default: var/mail/), "console".
EMAIL_DELIVERY = env_str("EMAIL_DELIVERY", "smtp" if PRODUCTION else "file")
MAIL_DIR = DATA_DIR / "mail"
if EMAIL_DELIVERY == "smtp":
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("EMAIL_HOST", "localhost"),
                "port": env_int("EMAIL_PORT", 25),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", False),
                "use_ssl": env_bool("EMAIL_USE_SSL", False),
                "timeout": env_int("EMAIL_TIMEOUT", 20),
            },
        }
    }
elif EMAIL_DELIVERY == "file":
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(MAIL_DIR)},
        }
    }
elif EMAIL_DELIVERY == "console":
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    raise ImproperlyConfigured("EMAIL_DELIVERY must be smtp, file or console")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "НКО-Кластер <noreply@nko-cluster.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ----------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *([f"https://{MEDIA_DOMAIN}"] if MEDIA_DOMAIN else [])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    # lessons embed videos from VK Video and RuTube
    "frame-src": ["https://vk.com", "https://vkvideo.ru", "https://rutube.ru"],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# --- Logging -----------------------------------------------------------------------
# LOG_FORMAT=json: one JSON object per line with the request id (X-Request-ID), also in tasks' lines.
LOG_FORMAT = env_str("LOG_FORMAT") or "plain"
if LOG_FORMAT not in {"plain", "json"}:
    raise ImproperlyConfigured("LOG_FORMAT must be plain or json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "nkohub.core.logging.JsonFormatter"},
    },
    "filters": {
        "client_errors": {"()": "nkohub.core.logging.ClientErrorsWithoutTraceback"},
        "request_id": {"()": "nkohub.core.request_id.RequestIdFilter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["client_errors", "request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Each finished task is not news; failures still reach the log (and the operators page).
        "django.tasks": {"level": env_str("TASKS_LOG_LEVEL", "WARNING")},
        # Libraries that narrate their work at INFO: each PDF's seven steps, the dictionaries' load.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "pymorphy3": {"level": "WARNING"},
    },
}

# /metrics (Prometheus): local and private addresses only, or anybody sending this bearer token.
METRICS_TOKEN = env_str("METRICS_TOKEN")

# --- Product settings ---------------------------------------------------------------
# Version of the consent to personal-data processing currently shown at sign-up.
PERSONAL_DATA_CONSENT_VERSION = "2026-11-01"
PRIVACY_POLICY_VERSION = "2026-11-01"
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "demo-nko-2026")
# The personal-data operator named in the policy and the consent (the resource centre).
OPERATOR_NAME = env_str("OPERATOR_NAME", "АНО «Ресурсный центр поддержки НКО»")
OPERATOR_ADDRESS = env_str("OPERATOR_ADDRESS", "адрес указывается при развёртывании")
OPERATOR_INN = env_str("OPERATOR_INN", "—")
OPERATOR_EMAIL = env_str("OPERATOR_EMAIL", "pd@nko-cluster.local")

# --- notifications ---
# The queue e-mail tasks go to (must be one of TASK_QUEUES) and the MAILERS alias they use.
NOTIFICATIONS_EMAIL_QUEUE = env_str("NOTIFICATIONS_EMAIL_QUEUE", "default")
NOTIFICATIONS_MAILER = env_str("NOTIFICATIONS_MAILER", "default")
# A failed send is retried with growing pauses, then marked failed for operators to see.
NOTIFICATIONS_EMAIL_MAX_ATTEMPTS = env_int("NOTIFICATIONS_EMAIL_MAX_ATTEMPTS", 5)
# Local time (TIME_ZONE) at which the daily digest goes out, HH:MM.
NOTIFICATIONS_DIGEST_TIME = env_str("NOTIFICATIONS_DIGEST_TIME", "08:00")
# Read notifications older than this are deleted by the purge_notifications job.
NOTIFICATIONS_RETENTION_DAYS = env_int("NOTIFICATIONS_RETENTION_DAYS", 365)

# --- organizations ---
# Largest file an operator may import from the registry's import page (the command has no limit).
ORGANIZATIONS_IMPORT_MAX_BYTES = env_int("ORGANIZATIONS_IMPORT_MAX_BYTES", 200 * 1024 * 1024)

# --- reception ---
# When the last day of a 59-ФЗ term falls on a non-working day: "next_working_day" moves it to the next
# working day of the production calendar (practice by analogy with art. 193 of the Civil Code), "keep" leaves it.
RECEPTION_NON_WORKING_LAST_DAY = env_str("RECEPTION_NON_WORKING_LAST_DAY", "next_working_day")

# --- grants ---
# Followers of a competition are reminded this many days before applications close (comma-separated).
GRANTS_REMINDER_DAYS = tuple(int(days) for days in env_list("GRANTS_REMINDER_DAYS", ["7", "1"]))
# Load WeasyPrint and the fonts when the process starts (task workers render the PDFs).
GRANTS_WARM_PDF_RENDERER = env_bool("GRANTS_WARM_PDF_RENDERER", False)

# --- ideas ---
# An idea addressed to an authority becomes an appeal to it in the reception with this many supports.
IDEAS_APPEAL_THRESHOLD = env_int("IDEAS_APPEAL_THRESHOLD", 50)

# --- front page ---
# Seconds the front page's blocks stay cached at most; a write they depend on refreshes them at once.
HOME_CACHE_SECONDS = env_int("HOME_CACHE_SECONDS", 600)

# --- api ---
# Requests per window: with a token (per token) and without (per client address); the window in seconds.
API_RATE_LIMIT_TOKEN = env_int("API_RATE_LIMIT_TOKEN", 600)
API_RATE_LIMIT_ADDRESS = env_int("API_RATE_LIMIT_ADDRESS", 120)
API_RATE_LIMIT_WINDOW = env_int("API_RATE_LIMIT_WINDOW", 60)
# Webhooks to private, loopback and link-local addresses are refused (SSRF) unless this is on (tests).
API_WEBHOOKS_ALLOW_PRIVATE = env_bool("API_WEBHOOKS_ALLOW_PRIVATE", False)
# Where the open data files are written (a dataset's folder per identifier, a version per date).
OPEN_DATA_ROOT = Path(env_str("OPEN_DATA_ROOT") or DATA_DIR / "opendata")
# The publisher named in the open data passports and their licence.
OPEN_DATA_PUBLISHER = env_str("OPEN_DATA_PUBLISHER", OPERATOR_NAME)
OPEN_DATA_PUBLISHER_INN = env_str("OPEN_DATA_PUBLISHER_INN", OPERATOR_INN)
OPEN_DATA_PUBLISHER_EMAIL = env_str("OPEN_DATA_PUBLISHER_EMAIL", OPERATOR_EMAIL)
OPEN_DATA_LICENCE = env_str(
    "OPEN_DATA_LICENCE",
    "Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/)",
)
