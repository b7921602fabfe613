"""A loopback identity provider: what login.botframework.com and Entra ID are to a real bot.

It holds a locally generated RSA key, publishes it as OpenID metadata and a JWKS (with the
``msteams`` endorsement, as the real keys carry), mints Bot Connector tokens signed with it,
and answers client-credential token requests (``/adfs/oauth2/token``) with a bearer token the
fake connector can check. It serves HTTPS with a throwaway CA (trustme) in a thread of its
own: botbuilder and msal fetch keys and tokens with blocking ``requests`` calls from the
event loop, so a server on that loop would never get to answer. Point ``REQUESTS_CA_BUNDLE``
at ``ca_bundle`` for the bot to trust it; the bot is told where it is by settings alone.
"""

from __future__ import annotations

import json
import secrets
import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import jwt
import trustme
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://api.botframework.com"
KEY_ID = "ragbot-test-key"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class TokenRequest:
    client_id: str
    client_secret: str
    scope: str


@dataclass
class IdentityProvider:
    app_id: str
    app_password: str
    folder: Path
    key: rsa.RSAPrivateKey = field(default_factory=new_key)
    # The bearer token handed out to the bot for its outgoing calls.
    outbound_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    token_requests: list[TokenRequest] = field(default_factory=list)
    # The paths of the OpenID metadata and key documents asked for, in order.
    key_requests: list[str] = field(default_factory=list)
    # While set and not released, the metadata document is held back (for at most
    # ``hold_timeout`` seconds): a slow key endpoint, with the test deciding when it answers.
    hold: threading.Event | None = None
    hold_timeout: float = 3.0
    # For each held request: True if the test released it, False if the hold timed out.
    hold_outcomes: list[bool] = field(default_factory=list)
    # botbuilder caches published keys per metadata URL for the life of the process; a path
    # of its own keeps one test's keys from answering for another's on a reused port.
    realm: str = field(default_factory=lambda: secrets.token_hex(6))
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None, "start() first"
        return f"https://127.0.0.1:{self._server.server_address[1]}"

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/{self.realm}/v1/.well-known/openidconfiguration"

    @property
    def login_url(self) -> str:
        # "adfs" marks an authority msal does not look up at login.microsoftonline.com.
        return f"{self.url}/adfs"

    @property
    def ca_bundle(self) -> str:
        return str(self.folder / "ca.pem")

    def settings(self) -> dict[str, Any]:
        """The settings that make a bot trust this provider and take tokens from it."""
        return {
            "MicrosoftAppId": self.app_id,
            "MicrosoftAppPassword": self.app_password,
            "openid_metadata_url": self.metadata_url,
            "login_url": self.login_url,
            "validate_authority": False,
        }

    def mint(
        self,
        service_url: str,
        *,
        key: rsa.RSAPrivateKey | None = None,
        key_id: str = KEY_ID,
        lifetime: float = 3600,
        **claims: Any,
    ) -> str:
        """A Bot Connector token as Teams sends one; ``claims`` override or add claims."""
        now = int(time.time())
        payload = {
            "iss": ISSUER,
            "aud": self.app_id,
            "serviceurl": service_url,
            "nbf": now - 5,
            "iat": now - 5,
            "exp": now + int(lifetime),
        } | claims
        return jwt.encode(payload, key or self.key, "RS256", headers={"kid": key_id})

    def start(self) -> IdentityProvider:
        authority = trustme.CA()
        authority.cert_pem.write_to_path(self.ca_bundle)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        authority.issue_cert("127.0.0.1").configure_cert(context)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def _documents(self) -> dict[str, Any]:
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk |= {"kid": KEY_ID, "use": "sig", "endorsements": ["msteams"]}
        return {
            f"/{self.realm}/v1/.well-known/openidconfiguration": {
                "issuer": ISSUER,
                "jwks_uri": f"{self.url}/{self.realm}/v1/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
            },
            f"/{self.realm}/v1/keys": {"keys": [jwk]},
            "/adfs/.well-known/openid-configuration": {
                "issuer": f"{self.url}/adfs",
                "authorization_endpoint": f"{self.url}/adfs/oauth2/authorize",
                "token_endpoint": f"{self.url}/adfs/oauth2/token",
            },
        }

    def _token(self, form: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
        request = TokenRequest(
            *(form.get(name, [""])[0] for name in ("client_id", "client_secret", "scope"))
        )
        self.token_requests.append(request)
        if (request.client_id, request.client_secret) != (self.app_id, self.app_password):
            return 401, {"error": "invalid_client"}
        return 200, {
            "access_token": self.outbound_token,
            "token_type": "Bearer",
            "expires_in": 3600,
        }


def _handler(provider: IdentityProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            path = self.path.split("?")[0]
            if path.startswith(f"/{provider.realm}/"):
                provider.key_requests.append(path)
                if path.endswith("/openidconfiguration") and provider.hold is not None:
                    provider.hold_outcomes.append(provider.hold.wait(provider.hold_timeout))
            document = provider._documents().get(path)
            self._answer(200, document) if document else self._answer(404, {})

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length", 0))
            form = parse_qs(self.rfile.read(length).decode())
            if self.path.split("?")[0] != "/adfs/oauth2/token":
                self._answer(404, {})
                return
            self._answer(*provider._token(form))

        def _answer(self, status: int, document: dict[str, Any]) -> None:
            body = json.dumps(document).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler
