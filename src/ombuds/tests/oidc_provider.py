"""A small but real OpenID Connect provider for tests, served by a thread with http.server.

It implements the authorization-code flow with PKCE as a municipality's identity provider
would: ``/authorize`` (logs in ``provider.user_claims`` at once and redirects back with a
code), ``/token`` (checks the client secret, the redirect URI and the PKCE verifier, and
returns an RS256-signed ID token made with PyJWT), ``/userinfo`` and ``/jwks``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class IdentityProvider:
    def __init__(self, client_id="ombuds", client_secret="geheim-van-de-test"):
        self.client_id = client_id
        self.client_secret = client_secret
        self.key = new_key()
        self.kid = "test-key-1"
        #: Signs the ID token; a test may swap in a key that is not in the JWKS.
        self.signing_key = self.key
        self.user_claims: dict = {"sub": "u-1", "email": "ombudsman@gemeente.example"}
        self.amr: list[str] = ["pwd", "mfa"]
        self.acr: str | None = None
        self.issuer_override: str | None = None
        self.codes: dict[str, dict] = {}
        self.access_tokens: dict[str, dict] = {}
        self.token_requests: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def settings(self) -> dict:
        """The Ombuds settings (Django names) that point at this provider."""
        return {
            "OIDC_ENABLED": True,
            "OIDC_ISSUER": self.issuer,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.issuer}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.issuer}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.issuer}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.issuer}/jwks",
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
        }

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    # --- the endpoints ------------------------------------------------------------------
    def authorize(self, query: dict) -> tuple[int, dict, bytes]:
        if query.get("client_id") != self.client_id or query.get("response_type") != "code":
            return 400, {}, b"bad request"
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "redirect_uri": query["redirect_uri"], "nonce": query.get("nonce"),
            "challenge": query.get("code_challenge"), "method": query.get("code_challenge_method"),
            "claims": dict(self.user_claims),
        }
        location = f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
        return 302, {"Location": location}, b""

    def token(self, form: dict) -> tuple[int, dict, bytes]:
        self.token_requests.append(form)
        grant = self.codes.pop(form.get("code", ""), None)
        if (grant is None or form.get("client_id") != self.client_id
                or form.get("client_secret") != self.client_secret
                or form.get("redirect_uri") != grant["redirect_uri"]):
            return 400, {}, json.dumps({"error": "invalid_grant"}).encode()
        verifier = form.get("code_verifier", "")
        digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
        if grant["method"] != "S256" or digest.decode() != grant["challenge"]:
            return 400, {}, json.dumps({"error": "invalid_grant", "error_description": "PKCE"}).encode()
        now = int(time.time())
        claims = {
            "iss": self.issuer_override or self.issuer, "aud": self.client_id,
            "iat": now, "exp": now + 300, "nonce": grant["nonce"], "amr": self.amr,
            **grant["claims"],
        }
        if self.acr:
            claims["acr"] = self.acr
        id_token = jwt.encode(claims, self.signing_key, algorithm="RS256",
                              headers={"kid": self.kid})
        access = secrets.token_urlsafe(16)
        self.access_tokens[access] = grant["claims"]
        body = {"access_token": access, "token_type": "Bearer", "expires_in": 300,
                "id_token": id_token}
        return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()

    def userinfo(self, authorization: str) -> tuple[int, dict, bytes]:
        claims = self.access_tokens.get(authorization.removeprefix("Bearer "))
        if claims is None:
            return 401, {}, b""
        return 200, {"Content-Type": "application/json"}, json.dumps(claims).encode()

    def jwks(self) -> tuple[int, dict, bytes]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update({"kid": self.kid, "alg": "RS256", "use": "sig"})
        return 200, {"Content-Type": "application/json"}, json.dumps({"keys": [jwk]}).encode()

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def _send(self, result):
                status, headers, body = result
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/authorize":
                    self._send(provider.authorize(query))
                elif url.path == "/userinfo":
                    self._send(provider.userinfo(self.headers.get("Authorization", "")))
                elif url.path == "/jwks":
                    self._send(provider.jwks())
                else:
                    self._send((404, {}, b""))

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if urlparse(self.path).path == "/token":
                    self._send(provider.token(form))
                else:
                    self._send((404, {}, b""))

            def log_message(self, *args):
                pass

        return Handler
