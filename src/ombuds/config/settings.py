"""Django settings for Ombuds: one module, every value declared once in ``registry``."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from ombuds.config.registry import declare

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent.parent

# --- General -----------------------------------------------------------------
DEMO_MODE = declare(
    "OMBUDS_DEMO_MODE", False, cast=bool,
    help="Demo mode: allows the demo accounts (password 'demo') and relaxes production "
    "checks. Never enable on a server with real data.",
)
DEBUG = declare("OMBUDS_DEBUG", False, cast=bool, help="Django debug pages. Development only.")
DATA_DIR = Path(declare(
    "OMBUDS_DATA_DIR", str(PROJECT_DIR / "var"),
    help="Directory for the SQLite database, collected static files and private attachments. "
    "Must lie outside the web root. A file named DEMO in it (written by `make demo`) turns "
    "demo mode on for every command run against it.",
))
if not DEMO_MODE and "OMBUDS_DEMO_MODE" not in os.environ and (DATA_DIR / "DEMO").is_file():
    DEMO_MODE = True
SECRET_KEY = declare(
    "OMBUDS_SECRET_KEY", "",
    help="Secret used for sessions, tokens and signed links. Required outside demo/debug mode.",
)
if not SECRET_KEY:
    if DEMO_MODE or DEBUG:
        SECRET_KEY = "ombuds-insecure-demo-key-do-not-use-in-production"  # noqa: S105
    else:
        raise ImproperlyConfigured("Set OMBUDS_SECRET_KEY (or OMBUDS_DEMO_MODE=1 for the demo).")
ALLOWED_HOSTS = declare(
    "OMBUDS_ALLOWED_HOSTS", ["127.0.0.1", "localhost"], cast=list,
    help="Comma-separated host names this installation answers to.",
)

# --- Database ------------------------------------------------------------------
DATABASE_URL = declare(
    "DATABASE_URL", f"sqlite:///{DATA_DIR / 'ombuds.sqlite3'}", group="Database",
    help="Database URL. SQLite for a single laptop; PostgreSQL "
    "(postgres://user:pass@host:5432/name) for production.",
)
DB_CONN_MAX_AGE = declare(
    "OMBUDS_DB_CONN_MAX_AGE", 60, cast=int, group="Database",
    help="Seconds a database connection is kept open between requests (0 closes after each).",
)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=DB_CONN_MAX_AGE)}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A fresh laptop install: create the data directory instead of failing with
    # "unable to open database file".
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL and a busy timeout let the demo server and a worker write without "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DB_POOL_MAX_SIZE = declare(
    "OMBUDS_DB_POOL_MAX_SIZE", 0, cast=int, group="Database",
    help="PostgreSQL only: keep a connection pool (psycopg_pool) of at most this many "
    "connections in each app or worker process, instead of one connection per thread; 0 "
    "for no pool. With a pool, OMBUDS_DB_CONN_MAX_AGE is ignored. See docs/deployment.md.",
)
if DB_POOL_MAX_SIZE and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # Django refuses persistent connections with a pool
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1, "max_size": DB_POOL_MAX_SIZE, "timeout": 10,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Applications ----------------------------------------------------------------
INSTALLED_APPS = [
    "ombuds.core.admin_site.OmbudsAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "ombuds.core",
    "ombuds.accounts",
    "ombuds.socialmap",
    "ombuds.cases",
    "ombuds.procedures",
    "ombuds.mediation",
    "ombuds.correspondence",
    "ombuds.signals",
    "ombuds.insights",
    "ombuds.records",
    "ombuds.reports",
    "ombuds.interop",
    "ombuds.privacy",
    "ombuds.public",
    "ombuds.demo",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ombuds.core.middleware.AuditContextMiddleware",
    # After the audit context, so that an expired session is audited with its origin.
    "django_otp.middleware.OTPMiddleware",
    "ombuds.accounts.middleware.SessionExpiryMiddleware",
    "ombuds.accounts.middleware.SecondFactorMiddleware",
    # Last, so that it turns the lockout flag a login view set into the lockout page.
    "axes.middleware.AxesMiddleware",
]
SERVER_TIMING = declare(
    "OMBUDS_SERVER_TIMING", False, cast=bool, group="General",
    help="Add a Server-Timing header with the time the app spent on each request (for "
    "`make bench`, which reads it). Leave off in production.",
)
if SERVER_TIMING:
    MIDDLEWARE.insert(0, "ombuds.core.middleware.ServerTimingMiddleware")

ROOT_URLCONF = "ombuds.config.urls"
WSGI_APPLICATION = "ombuds.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Overrides of other packages' templates (the admin's base_site.html): the admin app
        # comes first in INSTALLED_APPS, so an app's own copy would never be found.
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ombuds.core.context_processors.ombuds",
            ],
        },
    },
]

# --- Accounts ------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "cases:home"
LOGOUT_REDIRECT_URL = "public:home"
# Django's validators; their messages are Dutch through Django's translations (the minimum
# length through our own subclass, as that translation is missing).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "ombuds.accounts.passwords.DutchMinimumLengthValidator",
     "OPTIONS": {"min_length": declare(
         "OMBUDS_PASSWORD_MIN_LENGTH", 12, cast=int, group="Security",
         help="Shortest password accepted for a staff account (checked with Django's validators, "
         "together with a list of common passwords and similarity to the user's name).")}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_AGE = declare(
    "OMBUDS_SESSION_AGE", 8 * 60 * 60, cast=int, group="Security",
    help="Seconds a staff session lasts at most, however active (after that: log in again).",
)
SESSION_IDLE_TIMEOUT = declare(
    "OMBUDS_SESSION_IDLE_TIMEOUT", 30 * 60, cast=int, group="Security",
    help="Seconds without any request after which a staff session ends (sliding: every "
    "request starts the period anew, measured to the minute).",
)

# Two-factor authentication (django-otp): TOTP apps and one-time recovery codes. Required for
# every staff account; demo accounts skip it in demo mode only (docs/authentication.md).
OTP_TOTP_ISSUER = declare(
    "OMBUDS_OTP_ISSUER", "Ombuds", group="Security",
    help="Name shown for Ombuds in the staff member's authenticator app.",
)
OTP_RECOVERY_CODES = 10
#: A TOTP enrolment must follow a password log-in within this many seconds.
OTP_ENROL_WITHIN = 15 * 60

# Login throttling and lockout (django-axes), counted in the database so that every app
# process and server sees the same count.
AXES_FAILURE_LIMIT = declare(
    "OMBUDS_LOCKOUT_FAILURES", 10, cast=int, group="Security",
    help="Wrong passwords for one user name after which it is locked; the last of them "
    "already gets the lockout message.",
)
AXES_COOLOFF_TIME = timedelta(minutes=declare(
    "OMBUDS_LOCKOUT_MINUTES", 15, cast=int, group="Security",
    help="Minutes a locked user name stays locked. Every further attempt while locked starts "
    "the period anew; a beheerder can lift the lock in the beheer.",
))
# Locked per user name only: a municipality's offices share one public address, and a lock
# per address would lock out the whole office after ten typos. So axes' advice to add the
# address (W006) is deliberately not followed; docs/authentication.md explains it.
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The worklist indexes carry INCLUDE columns for PostgreSQL's index-only scans; SQLite
    # ignores them (W040), which is harmless on a laptop-sized register.
    SILENCED_SYSTEM_CHECKS.append("models.W040")
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # successful log-ins are in Ombuds' own audit log
AXES_ENABLE_ADMIN = False  # lockouts are lifted from the user in the beheer, within scope
AXES_LOCKOUT_CALLABLE = "ombuds.accounts.lockout.lockout_response"
AXES_VERBOSE = False
AXES_CLIENT_STR_CALLABLE = "ombuds.accounts.lockout.client_str"  # no user name or address in logs
AXES_USERNAME_FORM_FIELD = "username"

# OpenID Connect single sign-on (mozilla-django-oidc), off unless an issuer is configured.
OIDC_ISSUER = declare(
    "OMBUDS_OIDC_ISSUER", "", group="Single sign-on (OpenID Connect)",
    help="Issuer of the municipality's identity provider (the 'iss' of its tokens, e.g. "
    "https://login.gemeente.example/realms/ombuds). Setting it turns single sign-on on; the "
    "endpoints, client id and secret below are then required.",
)
OIDC_ENABLED = bool(OIDC_ISSUER)
OIDC_LOGIN_LABEL = declare(
    "OMBUDS_OIDC_LABEL", "Inloggen met uw gemeenteaccount", group="Single sign-on (OpenID Connect)",
    help="Text of the single sign-on button on the login page.",
)
OIDC_OP_AUTHORIZATION_ENDPOINT = declare(
    "OMBUDS_OIDC_AUTHORIZATION_ENDPOINT", "", group="Single sign-on (OpenID Connect)",
    help="The provider's authorization endpoint (see its /.well-known/openid-configuration).",
)
OIDC_OP_TOKEN_ENDPOINT = declare(
    "OMBUDS_OIDC_TOKEN_ENDPOINT", "", group="Single sign-on (OpenID Connect)",
    help="The provider's token endpoint.",
)
OIDC_OP_USER_ENDPOINT = declare(
    "OMBUDS_OIDC_USERINFO_ENDPOINT", "", group="Single sign-on (OpenID Connect)",
    help="The provider's userinfo endpoint.",
)
OIDC_OP_JWKS_ENDPOINT = declare(
    "OMBUDS_OIDC_JWKS_ENDPOINT", "", group="Single sign-on (OpenID Connect)",
    help="The provider's JWKS endpoint (its public signing keys).",
)
OIDC_RP_CLIENT_ID = declare(
    "OMBUDS_OIDC_CLIENT_ID", "", group="Single sign-on (OpenID Connect)",
    help="Client id of Ombuds at the provider.",
)
OIDC_RP_CLIENT_SECRET = declare(
    "OMBUDS_OIDC_CLIENT_SECRET", "", group="Single sign-on (OpenID Connect)",
    help="Client secret of Ombuds at the provider. Keep it out of the repository and the logs.",
)
OIDC_RP_SIGN_ALGO = declare(
    "OMBUDS_OIDC_SIGN_ALGO", "RS256", group="Single sign-on (OpenID Connect)",
    help="Algorithm the provider signs ID tokens with (RS256, ES256, …).",
)
OIDC_RP_SCOPES = declare(
    "OMBUDS_OIDC_SCOPES", "openid email profile", group="Single sign-on (OpenID Connect)",
    help="Scopes asked for, separated by spaces.",
)
OIDC_CLAIM = declare(
    "OMBUDS_OIDC_CLAIM", "email", group="Single sign-on (OpenID Connect)",
    help="Claim of the provider that identifies the staff member (email, preferred_username, "
    "sub, …). It is matched to OMBUDS_OIDC_USER_FIELD of an existing, active Ombuds user; "
    "Ombuds never creates users, and roles come from the memberships in Ombuds.",
)
OIDC_USER_FIELD = declare(
    "OMBUDS_OIDC_USER_FIELD", "email", group="Single sign-on (OpenID Connect)",
    help="Field of the Ombuds user the claim is matched to: email or username (exact, "
    "case-insensitive).",
)
OIDC_MFA_AMR = declare(
    "OMBUDS_OIDC_MFA_AMR", [], cast=list, group="Single sign-on (OpenID Connect)",
    help="Comma-separated 'amr' values of which the ID token must carry at least one (e.g. "
    "mfa,otp,hwk) for the provider's log-in to count as the second factor. Empty: not checked.",
)
OIDC_MFA_ACR = declare(
    "OMBUDS_OIDC_MFA_ACR", [], cast=list, group="Single sign-on (OpenID Connect)",
    help="Comma-separated 'acr' values of which the ID token must carry one for the provider's "
    "log-in to count as the second factor. Empty: not checked. When a check fails, the staff "
    "member still logs in but must use Ombuds' own two-factor step.",
)
if OIDC_ENABLED:
    _missing = [name for name, value in [
        ("OMBUDS_OIDC_AUTHORIZATION_ENDPOINT", OIDC_OP_AUTHORIZATION_ENDPOINT),
        ("OMBUDS_OIDC_TOKEN_ENDPOINT", OIDC_OP_TOKEN_ENDPOINT),
        ("OMBUDS_OIDC_USERINFO_ENDPOINT", OIDC_OP_USER_ENDPOINT),
        ("OMBUDS_OIDC_JWKS_ENDPOINT", OIDC_OP_JWKS_ENDPOINT),
        ("OMBUDS_OIDC_CLIENT_ID", OIDC_RP_CLIENT_ID),
        ("OMBUDS_OIDC_CLIENT_SECRET", OIDC_RP_CLIENT_SECRET),
    ] if not value]
    if _missing:
        raise ImproperlyConfigured(f"OMBUDS_OIDC_ISSUER is set, so set {', '.join(_missing)} too.")
OIDC_USE_PKCE = True
OIDC_PKCE_CODE_CHALLENGE_METHOD = "S256"
OIDC_CREATE_USER = False
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out user name before any password is checked.
    "ombuds.accounts.backends.OmbudsLockoutBackend",
    "ombuds.accounts.backends.OmbudsBackend",
    *(["ombuds.accounts.oidc.OmbudsOIDCBackend"] if OIDC_ENABLED else []),
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
_production = not (DEMO_MODE or DEBUG)
SECURE_SSL_REDIRECT = declare(
    "OMBUDS_SSL_REDIRECT", _production, cast=bool, group="Security",
    help="Redirect every plain-HTTP request to HTTPS. On by default outside demo/debug mode; "
    "behind a TLS proxy also set OMBUDS_BEHIND_TLS_PROXY.",
)
SECURE_HSTS_SECONDS = declare(
    "OMBUDS_HSTS_SECONDS", 365 * 24 * 60 * 60 if _production else 0, cast=int, group="Security",
    help="Strict-Transport-Security max-age in seconds (one year outside demo/debug mode; 0 "
    "sends no HSTS header). Browsers then refuse plain HTTP to this host for that long.",
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = declare(
    "OMBUDS_HSTS_INCLUDE_SUBDOMAINS", True, cast=bool, group="Security",
    help="Add includeSubDomains to the HSTS header (covers the subdomains of Ombuds' own "
    "host name only).",
)
SECURE_HSTS_PRELOAD = declare(
    "OMBUDS_HSTS_PRELOAD", True, cast=bool, group="Security",
    help="Add preload to the HSTS header. The header alone enrols nothing; only a registered "
    "domain submitted to the browsers' preload list is preloaded.",
)
SECURE_COOKIES = declare(
    "OMBUDS_SECURE_COOKIES", not (DEMO_MODE or DEBUG), cast=bool, group="Security",
    help="Send session and CSRF cookies over HTTPS only. On by default outside demo/debug mode.",
)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_COOKIES
CSRF_TRUSTED_ORIGINS = declare(
    "OMBUDS_CSRF_TRUSTED_ORIGINS", [], cast=list, group="Security",
    help="Comma-separated origins (https://ombuds.example.nl) trusted for form posts behind a proxy.",
)
if declare("OMBUDS_BEHIND_TLS_PROXY", False, cast=bool, group="Security",
           help="Trust X-Forwarded-Proto from the reverse proxy that terminates TLS."):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): everything from Ombuds' own origin, no inline script
# or style, no eval, no framing. The Swagger UI at /api/docs/ uses the same policy
# (config/urls.py serves its start script as a file). See docs/security.md.
_csp_report_uri = declare(
    "OMBUDS_CSP_REPORT_URI", "", group="Security",
    help="Optional address that browsers send Content-Security-Policy violation reports to "
    "(report-uri), e.g. a collector of your security team. Empty sends no reports.",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        **({"report-uri": [_csp_report_uri]} if _csp_report_uri else {}),
    },
}

# --- Language and time -------------------------------------------------------------------
# The staff workspace is Dutch whatever the browser asks for; the public pages get their
# English versions through URL prefixes: only the resident pages are in i18n_patterns with
# prefix_default_language=False, so LocaleMiddleware takes the language from an /en/ prefix
# and uses LANGUAGE_CODE for every other path (it never guesses from Accept-Language).
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PACKAGE_DIR / "locale"]

# --- Static files and attachments -------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DATA_DIR / "private-media"), "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not (DEBUG or DEMO_MODE) else
            "django.contrib.staticfiles.storage.StaticFilesStorage"
        ),
    },
}
# Demo and development serve static files straight from the apps; production runs collectstatic.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG or DEMO_MODE
# Files browsers ask for at the site root (/favicon.ico), served by WhiteNoise as they are.
WHITENOISE_ROOT = PACKAGE_DIR / "core" / "static" / "ombuds" / "root"
# No MEDIA_URL: attachments are never served by the web server, only by a permission-checked view.
ATTACHMENT_MAX_BYTES = declare(
    "OMBUDS_ATTACHMENT_MAX_BYTES", 15 * 1024 * 1024, cast=int, group="Attachments",
    help="Largest attachment accepted, in bytes.",
)
ATTACHMENT_EXTENSIONS = declare(
    "OMBUDS_ATTACHMENT_EXTENSIONS",
    ["pdf", "jpg", "jpeg", "png", "docx", "odt", "txt", "eml", "ics"], cast=list,
    group="Attachments",
    help="File types accepted as attachments (checked by extension and by content).",
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Public request form ------------------------------------------------------------------
PUBLIC_REQUESTS_PER_HOUR = declare(
    "OMBUDS_PUBLIC_REQUESTS_PER_HOUR", 5, cast=int, group="Public pages",
    help="How many requests one client address may send with the public form per hour. "
    "Counted in the database, so the limit holds across all app processes and servers; "
    "behind a proxy (OMBUDS_BEHIND_TLS_PROXY) the address is the last X-Forwarded-For entry.",
)
PUBLIC_MAX_ATTACHMENTS = declare(
    "OMBUDS_PUBLIC_MAX_ATTACHMENTS", 3, cast=int, group="Public pages",
    help="How many files a resident may attach to a request (each at most "
    "OMBUDS_ATTACHMENT_MAX_BYTES, with the same type checks as staff attachments).",
)
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Letters ---------------------------------------------------------------------------------
LETTERHEAD_LOGO = declare(
    "OMBUDS_LETTERHEAD_LOGO", "", group="Letters",
    help="Path to the office's logo (a PNG or SVG file) for the letterhead of every letter, "
    "above the office's name; empty for a letterhead of text only. The letterhead names the "
    "office (name, visiting address, phone, e-mail from the beheer) and the municipality "
    "as the one it serves. See docs/letters.md.",
)

# --- Reports ---------------------------------------------------------------------------------
PILOT_PERIOD = declare(
    "OMBUDS_PILOT_PERIOD", "2025-01-01..2026-12-31", group="Reports",
    help="The pilot period of the ombudsfunctie (the council's two-year pilot), as "
    "'YYYY-MM-DD..YYYY-MM-DD'; reports accept the period 'pilot' for it.",
)

# --- Records: the audit log and retention --------------------------------------------------
AUDIT_RETENTION_YEARS = declare(
    "OMBUDS_AUDIT_RETENTION_YEARS", 5, cast=int, group="Records",
    help="Years audit entries are kept before the retention job prunes them (NEN 7513: at "
    "least 5; a smaller value is refused). The chain stays verifiable from a checkpoint.",
)
if AUDIT_RETENTION_YEARS < 5:
    raise ImproperlyConfigured("OMBUDS_AUDIT_RETENTION_YEARS must be at least 5 (NEN 7513).")
RETENTION_BATCH = declare(
    "OMBUDS_RETENTION_BATCH", 500, cast=int, group="Records",
    help="The most cases one run of the retention job destroys; the rest follow in the next run.",
)

# --- Search ----------------------------------------------------------------------------
SEARCH_CONFIG = declare(
    "OMBUDS_SEARCH_CONFIG", "dutch", group="Search",
    help="PostgreSQL text search configuration for case search. Changing it needs a reindex "
    "migration, as the index is built with this configuration.",
)

# --- API --------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "ombuds.core.authentication.OmbudsTokenAuthentication",
        "ombuds.accounts.authentication.SecondFactorSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON only: DRF's browsable API needs inline script (against the CSP); the API's one
    # page is the Swagger UI at /api/docs/.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "ombuds.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ombuds API",
    "DESCRIPTION": "REST API of Ombuds, the case system of a sociale ombudsfunctie. "
    "Authenticate with `Authorization: Token <key>`. Every call is scoped to the "
    "municipalities and role of the token's user and is written to the audit log.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several components have a field "kind"; name the application kinds' enum explicitly.
    "ENUM_NAME_OVERRIDES": {
        "ApplicationKindEnum": "ombuds.domain.not_in_time.APPLICATION_KINDS.items",
        "MeetingKindEnum": "ombuds.mediation.models.Meeting.Kind",
    },
}

# --- Task worker -------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- E-mail (the daily deadline digest) ---------------------------------------------------
_email_host = declare(
    "OMBUDS_EMAIL_HOST", "", group="E-mail",
    help="SMTP server for outgoing e-mail. Empty means localhost; in demo mode, empty means "
    "e-mail is printed to the console instead of sent.",
)
EMAIL_PORT = declare("OMBUDS_EMAIL_PORT", 25, cast=int, group="E-mail",
                     help="SMTP port (25 for a local relay, 587 with STARTTLS).")
EMAIL_HOST_USER = declare("OMBUDS_EMAIL_USER", "", group="E-mail",
                          help="SMTP user name; empty for no authentication.")
EMAIL_HOST_PASSWORD = declare("OMBUDS_EMAIL_PASSWORD", "", group="E-mail",
                              help="SMTP password. Keep it out of the repository and the logs.")
EMAIL_USE_TLS = declare("OMBUDS_EMAIL_USE_TLS", False, cast=bool, group="E-mail",
                        help="Use STARTTLS towards the SMTP server.")
DEFAULT_FROM_EMAIL = SERVER_EMAIL = declare(
    "OMBUDS_EMAIL_FROM", "Ombuds <ombuds@localhost>", group="E-mail",
    help="Sender address of the e-mail Ombuds sends (the daily deadline digest).",
)
BASE_URL = declare(
    "OMBUDS_BASE_URL", "http://127.0.0.1:8000", group="E-mail",
    help="The address staff reach Ombuds on, without a trailing slash; links in e-mail "
    "start with it (e.g. https://ombuds.gemeente.example).",
).rstrip("/")
OUTBOX_CLAIM_TIMEOUT = declare(
    "OMBUDS_OUTBOX_CLAIM_TIMEOUT", 300, cast=int, group="E-mail",
    help="Seconds after which an outbox message a worker claimed but never marked (the worker "
    "died while sending) is sent again. Keep it well above the SMTP timeout (30 s).",
)
OUTBOX_MAX_ATTEMPTS = declare(
    "OMBUDS_OUTBOX_MAX_ATTEMPTS", 6, cast=int, group="E-mail",
    help="Attempts to send one outbox message before it is marked 'mislukt'.",
)
OUTBOX_RETRY_SECONDS = declare(
    "OMBUDS_OUTBOX_RETRY_SECONDS", 60, cast=int, group="E-mail",
    help="Wait after the first failed attempt to send an outbox message; doubled after each "
    "further failure (60 s, 2, 4, 8, 16 min).",
)
OUTBOX_MESSAGE_ID_DOMAIN = declare(
    "OMBUDS_OUTBOX_MESSAGE_ID_DOMAIN", "ombuds.invalid", group="E-mail",
    help="Domain in the Message-ID of outgoing e-mail, e.g. the host name Ombuds runs on.",
)
# --- Import, export and ZGW ----------------------------------------------------------
IMPORT_MAX_BYTES = declare(
    "OMBUDS_IMPORT_MAX_BYTES", 20 * 1024 * 1024, cast=int, group="Import and ZGW",
    help="Largest spreadsheet (CSV or XLSX) the beheerder may upload for a case import.",
)
ZGW_RSIN = declare(
    "OMBUDS_ZGW_RSIN", "", group="Import and ZGW",
    help="RSIN (9 digits) of the municipality or body responsible for the cases; the ZGW "
    "export's bronorganisatie and verantwoordelijkeOrganisatie (docs/zgw.md).",
)
ZGW_ZAAKTYPE_URL = declare(
    "OMBUDS_ZGW_ZAAKTYPE_URL", "", group="Import and ZGW",
    help="URL of the zaaktype in the municipality's Catalogi API, with {variant} for the "
    "process variant (1-6), e.g. https://zaken.gemeente.example/catalogi/api/v1/zaaktypen/"
    "{variant}. Empty: the export names the zaaktype urn:ombuds:zaaktype:variant-N.",
)
ZGW_ZAKEN_API_URL = declare(
    "OMBUDS_ZGW_ZAKEN_API_URL", "", group="Import and ZGW",
    help="Base URL of a Zaken API (e.g. Open Zaak: https://zaken.gemeente.example/zaken/api/"
    "v1) to hand a case to when it becomes a formal complaint or objection; empty: no push.",
)
ZGW_CLIENT_ID = declare(
    "OMBUDS_ZGW_CLIENT_ID", "", group="Import and ZGW",
    help="Client id Ombuds is known by at the Zaken API (the JWT's iss and client_id).",
)
ZGW_SECRET = declare(
    "OMBUDS_ZGW_SECRET", "", group="Import and ZGW",
    help="Shared secret for the JWT (HS256) the Zaken API expects. Keep it out of the logs.",
)
ZGW_MAX_ATTEMPTS = declare(
    "OMBUDS_ZGW_MAX_ATTEMPTS", 5, cast=int, group="Import and ZGW",
    help="Attempts to hand one case to the Zaken API before giving up (the pause doubles "
    "from one minute).",
)
EMAIL_HOST = _email_host or "localhost"
EMAIL_TIMEOUT = 30
EMAIL_SUBJECT_PREFIX = ""
EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEMO_MODE and not _email_host
    else "django.core.mail.backends.smtp.EmailBackend"
)

# --- Logging: no personal data; request paths carry references, never names ----------------
LOG_LEVEL = declare("OMBUDS_LOG_LEVEL", "INFO", group="General", help="Log level for Ombuds' own loggers.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"ombuds": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False}},
}
