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
