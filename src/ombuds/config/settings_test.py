"""Settings for the test suite: the production settings with a throwaway secret and fast hashing."""

import os

os.environ.setdefault("OMBUDS_SECRET_KEY", "tests-only-secret-key-not-for-production")
# Tests run outside demo mode unless they say otherwise, even when `make demo` marked var/.
os.environ.setdefault("OMBUDS_DEMO_MODE", "0")
# The test client and the live server speak plain HTTP; production redirects it to HTTPS.
os.environ.setdefault("OMBUDS_SSL_REDIRECT", "0")

from ombuds.config.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# On a shared PostgreSQL server, give the test database a name of your own
# (e.g. OMBUDS_TEST_DATABASE=ombuds_h_bench_test); Django's default is test_<name>.
if os.environ.get("OMBUDS_TEST_DATABASE"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["OMBUDS_TEST_DATABASE"]}  # noqa: F405
