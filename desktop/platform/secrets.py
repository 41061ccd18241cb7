"""Per-account secret storage (access tokens and the like) on top of ``keyring``.

Every secret lives in the operating system's keyring under the service name
``"Reciprocity"``. A secret is addressed by ``(account_key, name)``, for example
``("mastodon:https://example.social:@ana", "access_token")``; the keyring
"username" is ``f"{account_key}/{name}"``. Use :func:`account_key` to build the
first half so every part of the app spells it the same way.

Threading: keyring calls block. The Secret Service backend talks to a daemon
over D-Bus, and any call may show an unlock prompt and wait for the user to
type a password. The UI must therefore call :class:`SecretStore` from a worker
thread and never from the GUI thread. A caller may cache what it read for the
rest of the session, so the keyring is not asked again on every sync.

Failures: anything that makes the keyring unusable (no backend, the ``fail``
backend, the ``null`` backend, a locked or unreachable keyring, an init error)
becomes :class:`KeyringUnavailable`. Its message says what to install or unlock
and never contains a secret. The original exception is dropped (``from None``)
so that a backend message or traceback can't leak a value.

No silent plaintext: keyring falls back to ``keyrings.alt``'s unencrypted file
backend when nothing better is installed. Reciprocity refuses that fallback
unless the user picked such a backend explicitly, either with the
``PYTHON_KEYRING_BACKEND`` environment variable or in keyring's config file
(``keyringrc.cfg``).

Secret values are never logged.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterable

import keyring
import keyring.core
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from desktop.core.i18n import fill, tx

__all__ = [
    "SERVICE",
    "KeyringUnavailable",
    "SecretStore",
    "account_key",
]

log = logging.getLogger(__name__)

SERVICE = "Reciprocity"

# What KeyringUnavailable says, in the user's language (made when raised, not at import).


def _install_hint() -> str:
    return tx(
        "Keyring",
        "install and unlock a Secret Service provider such as gnome-keyring or KWallet "
        "(Debian: apt-get install gnome-keyring), or set PYTHON_KEYRING_BACKEND explicitly",
    )


def no_keyring_message() -> str:
    return fill(tx("Keyring", "No usable keyring: %1"), _install_hint())


def locked_message() -> str:
    return tx(
        "Keyring",
        "Your keyring is locked: unlock it (e.g. log in to your desktop session) to sync",
    )


def plaintext_message(backend: str) -> str:
    return fill(
        tx(
            "Keyring",
            "Only an unencrypted file keyring (%1) is available, and Reciprocity won't keep "
            "tokens in plaintext unless you choose that yourself: %2",
        ),
        backend,
        _install_hint(),
    )


def disabled_message() -> str:
    return fill(
        tx(
            "Keyring",
            "The keyring is disabled (keyring.backends.null is configured), so tokens can't be "
            "saved: remove it from keyringrc.cfg or PYTHON_KEYRING_BACKEND, or %1",
        ),
        _install_hint(),
    )


def backend_error_message(backend: str, error: str) -> str:
    return fill(
        tx(
            "Keyring",
            "The keyring (%1) failed with %2. Check that it is running and unlocked, or %3",
        ),
        backend,
        error,
        _install_hint(),
    )


# Used by check(): reading it touches the keyring (and its lock) without needing a value.
_PROBE_NAME = "__reciprocity_probe__"


class KeyringUnavailable(RuntimeError):
    """The keyring can't be used; the message says what to install or unlock.

    ``reason`` is one of ``"missing"``, ``"locked"``, ``"plaintext"``, ``"disabled"``
    or ``"error"``, so the UI can choose what to show without parsing the message.
    """

    def __init__(self, message: str, reason: str = "missing") -> None:
        super().__init__(message)
        self.reason = reason


def account_key(network: str, server: str, handle: str) -> str:
    """Build the key that addresses one account's secrets.

    >>> account_key("mastodon", "https://example.social/", "@ana")
    'mastodon:https://example.social:@ana'

    Surrounding whitespace and trailing slashes on the server are removed and the
    network is lower-cased; nothing else is changed.
    """
    network = network.strip().lower()
    server = server.strip().rstrip("/")
    handle = handle.strip()
    if not network or not server or not handle:
        raise ValueError("network, server and handle must all be non-empty")
    if ":" in network:
        raise ValueError("network must not contain ':'")
    return f"{network}:{server}:{handle}"


def _backend_label(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _is_plaintext(backend: KeyringBackend) -> bool:
    return type(backend).__module__.startswith("keyrings.alt")


def _explicitly_configured() -> bool:
    """True when the user chose a backend: ``PYTHON_KEYRING_BACKEND`` or keyringrc.cfg."""
    if os.environ.get("PYTHON_KEYRING_BACKEND", "").strip():
        return True
    try:
        return keyring.core.load_config() is not None
    except Exception:
        # A config naming a backend that can't be loaded doesn't count as a choice.
        return False


def _is_secretstorage_error(exc: BaseException) -> bool:
    # Only loaded if the SecretService backend is in use, so look it up instead of importing.
    module = sys.modules.get("secretstorage.exceptions")
    base = getattr(module, "SecretStorageException", None)
    return isinstance(base, type) and isinstance(exc, base)


def _translate(exc: Exception, backend_label: str) -> KeyringUnavailable:
    """Turn a keyring/backend error into KeyringUnavailable without its message."""
    if isinstance(exc, keyring.errors.KeyringLocked):
        return KeyringUnavailable(locked_message(), reason="locked")
    if isinstance(exc, keyring.errors.NoKeyringError | keyring.errors.InitError):
        return KeyringUnavailable(no_keyring_message(), reason="missing")
    if isinstance(exc, RuntimeError) or _is_secretstorage_error(exc):
        # e.g. "Unable to initialize SecretService: DBUS_SESSION_BUS_ADDRESS is unset"
        return KeyringUnavailable(no_keyring_message(), reason="missing")
    return KeyringUnavailable(
        backend_error_message(backend_label, type(exc).__name__),
        reason="error",
    )


class SecretStore:
    """Stores secrets per account in the keyring. Blocking: call it from a worker thread.

    ``backend``: the keyring backend to use; ``None`` means ``keyring.get_keyring()``,
    resolved on first use.

    ``explicit``: whether the backend was chosen by the user, which is what allows a
    ``keyrings.alt`` (plaintext/file) backend. ``None`` (the default) decides from
    ``PYTHON_KEYRING_BACKEND`` and keyring's config file; ``True``/``False`` override it.
    """

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        explicit: bool | None = None,
    ) -> None:
        self._requested = backend
        self._explicit = explicit
        self._backend: KeyringBackend | None = None
        self._lock = threading.Lock()

    # -- public API -------------------------------------------------------------------

    def set(self, account_key: str, name: str, value: str) -> None:
        """Store ``value`` (replacing any previous one)."""
        if not isinstance(value, str):
            raise TypeError("secret value must be a str")
        username = _username(account_key, name)
        backend = self._resolve()
        try:
            backend.set_password(SERVICE, username, value)
        except Exception as exc:
            # PasswordSetError and anything unexpected land in the generic "error" case.
            err = _translate(exc, _backend_label(backend))
            self._log_failure("set", username, exc)
            raise err from None

    def get(self, account_key: str, name: str) -> str | None:
        """Return the stored secret, or ``None`` if there is none."""
        username = _username(account_key, name)
        backend = self._resolve()
        try:
            return backend.get_password(SERVICE, username)
        except Exception as exc:
            err = _translate(exc, _backend_label(backend))
            self._log_failure("get", username, exc)
            raise err from None

    def delete(self, account_key: str, name: str) -> None:
        """Delete the secret; deleting one that doesn't exist is not an error."""
        username = _username(account_key, name)
        backend = self._resolve()
        try:
            backend.delete_password(SERVICE, username)
        except keyring.errors.PasswordDeleteError:
            # keyring's way of saying "no such password".
            return
        except Exception as exc:
            err = _translate(exc, _backend_label(backend))
            self._log_failure("delete", username, exc)
            raise err from None

    def delete_account(self, account_key: str, names: Iterable[str]) -> None:
        """Delete every named secret of one account (e.g. when it is removed)."""
        for name in names:
            self.delete(account_key, name)

    def backend_name(self) -> str:
        """The backend in use, e.g. ``keyring.backends.SecretService.Keyring``; raises
        :class:`KeyringUnavailable` as every other call does."""
        return _backend_label(self._resolve())

    def check(self) -> None:
        """Raise :class:`KeyringUnavailable` if the keyring can't be used right now.

        Reads a probe entry, which may show an unlock prompt and block.
        """
        self.get(_PROBE_NAME, _PROBE_NAME)

    # -- internals --------------------------------------------------------------------

    def _resolve(self) -> KeyringBackend:
        with self._lock:
            if self._backend is not None:
                return self._backend
            backend = self._requested
            if backend is None:
                try:
                    # keyring caches its choice per process; an explicit
                    # PYTHON_KEYRING_BACKEND is honoured as it stands now.
                    named = os.environ.get("PYTHON_KEYRING_BACKEND")
                    backend = keyring.core.load_keyring(named) if named else keyring.get_keyring()
                except Exception as exc:
                    # NoKeyringError, RuntimeError from SecretService's priority when
                    # D-Bus is unset, ImportError for a misspelt PYTHON_KEYRING_BACKEND...
                    log.warning("Could not load a keyring backend (%s)", type(exc).__name__)
                    if isinstance(exc, keyring.errors.KeyringError | RuntimeError):
                        raise _translate(exc, "keyring") from None
                    raise KeyringUnavailable(no_keyring_message(), reason="missing") from None
            self._validate(backend)
            self._backend = backend
            log.debug("Using keyring backend %s", _backend_label(backend))
            return backend

    def _validate(self, backend: KeyringBackend) -> None:
        if isinstance(backend, fail.Keyring):
            raise KeyringUnavailable(no_keyring_message(), reason="missing")
        if isinstance(backend, null.Keyring):
            raise KeyringUnavailable(disabled_message(), reason="disabled")
        target = backend
        if isinstance(backend, chainer.ChainerBackend):
            chained = list(backend.backends)
            if not chained:
                raise KeyringUnavailable(no_keyring_message(), reason="missing")
            # ChainerBackend writes to the first backend (highest priority).
            target = chained[0]
        if _is_plaintext(target) and not self._is_explicit():
            raise KeyringUnavailable(plaintext_message(_backend_label(target)), reason="plaintext")

    def _is_explicit(self) -> bool:
        if self._explicit is not None:
            return self._explicit
        return _explicitly_configured()

    @staticmethod
    def _log_failure(operation: str, username: str, exc: Exception) -> None:
        # The exception's message is not logged: a backend might have echoed the value.
        log.warning("Keyring %s failed for %s (%s)", operation, username, type(exc).__name__)


def _username(account_key: str, name: str) -> str:
    if not isinstance(account_key, str) or not account_key:
        raise ValueError("account_key must be a non-empty str")
    if not isinstance(name, str) or not name:
        raise ValueError("secret name must be a non-empty str")
    if "/" in name:
        raise ValueError("secret name must not contain '/'")
    return f"{account_key}/{name}"
