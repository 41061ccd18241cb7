"""SecretStore against real keyring backends; keyring itself is never mocked."""

from __future__ import annotations

import logging
from pathlib import Path

import keyring
import keyring.core
import keyring.errors
import pytest
from jaraco.classes.properties import classproperty
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyrings.alt.file import PlaintextKeyring

from desktop.platform.secrets import (
    SERVICE,
    KeyringUnavailable,
    SecretStore,
    account_key,
    locked_message,
    no_keyring_message,
)

REAL_HOME = Path.home()
REAL_PLAINTEXT_FILE = REAL_HOME / ".local" / "share" / "python_keyring" / "keyring_pass.cfg"

ANA = "mastodon:https://example.social:@ana"
BOB = "mastodon:https://example.social:@bob"
TOKEN = "s3cr3t-token-do-not-leak"


class NotDetectable:
    """Mixin: keyring registers every backend class it sees; make ours non-viable so that
    keyring's own detection (here or in other test files) never picks one.
    ChainerBackend hard-codes ``viable = True``, hence the explicit False."""

    viable = False

    @classproperty
    def priority(cls) -> float:
        raise RuntimeError("test-only backend")


class MemoryKeyring(NotDetectable, KeyringBackend):
    """In-memory backend; while ``locked`` every call raises KeyringLocked."""

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.locked = False

    def _check_lock(self) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def get_password(self, service: str, username: str) -> str | None:
        self._check_lock()
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check_lock()
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check_lock()
        try:
            del self.items[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("not found") from None


class RaisingKeyring(MemoryKeyring):
    """Raises ``error`` on every call, with the password in the message when it has one."""

    def __init__(self, error: type[Exception]) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error(f"cannot read {username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error(f"cannot store {password!r} for {username}")

    def delete_password(self, service: str, username: str) -> None:
        raise self.error(f"cannot delete {username}")


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME and the XDG dirs into tmp_path; forget any backend keyring chose."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    # keyring caches its chosen backend in a module global; restore it after each test.
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    return home


@pytest.fixture
def plaintext(tmp_path: Path) -> PlaintextKeyring:
    kr = PlaintextKeyring()
    assert Path(kr.file_path).is_relative_to(tmp_path / "data")
    return kr


@pytest.fixture
def store(plaintext: PlaintextKeyring) -> SecretStore:
    return SecretStore(plaintext, explicit=True)


def assert_clean(exc: BaseException, *secrets: str) -> None:
    """No secret in the message, and no chained exception that could carry one."""
    for secret in secrets:
        assert secret not in str(exc)
        assert secret not in repr(exc)
    assert exc.__cause__ is None
    assert exc.__context__ is None or exc.__suppress_context__


# -- round trips on the plaintext file backend ----------------------------------------


def test_round_trip(store: SecretStore) -> None:
    assert store.get(ANA, "access_token") is None
    store.set(ANA, "access_token", TOKEN)
    assert store.get(ANA, "access_token") == TOKEN
    store.set(ANA, "access_token", "replaced")
    assert store.get(ANA, "access_token") == "replaced"
    store.delete(ANA, "access_token")
    assert store.get(ANA, "access_token") is None


def test_file_lives_in_tmp_path_and_nothing_under_home(
    store: SecretStore, plaintext: PlaintextKeyring, tmp_path: Path, isolated: Path
) -> None:
    before = REAL_PLAINTEXT_FILE.stat().st_mtime_ns if REAL_PLAINTEXT_FILE.exists() else None
    store.set(ANA, "access_token", TOKEN)
    path = Path(plaintext.file_path)
    assert path == tmp_path / "data" / "python_keyring" / "keyring_pass.cfg"
    assert path.is_file()
    assert path.stat().st_size > 0
    assert list(isolated.iterdir()) == []
    after = REAL_PLAINTEXT_FILE.stat().st_mtime_ns if REAL_PLAINTEXT_FILE.exists() else None
    assert before == after


def test_username_layout(store: SecretStore, plaintext: PlaintextKeyring) -> None:
    store.set(ANA, "access_token", TOKEN)
    assert plaintext.get_password(SERVICE, f"{ANA}/access_token") == TOKEN


def test_accounts_do_not_collide(store: SecretStore) -> None:
    store.set(ANA, "access_token", "ana-token")
    store.set(BOB, "access_token", "bob-token")
    store.set(ANA, "refresh_token", "ana-refresh")
    assert store.get(ANA, "access_token") == "ana-token"
    assert store.get(BOB, "access_token") == "bob-token"
    assert store.get(BOB, "refresh_token") is None
    store.delete(ANA, "access_token")
    assert store.get(BOB, "access_token") == "bob-token"
    assert store.get(ANA, "refresh_token") == "ana-refresh"


@pytest.mark.parametrize(
    "value", ["pässwörd-токен-密码-🔑", "with spaces and = : / [brackets]", "a" * 4096]
)
def test_unicode_and_odd_secrets(store: SecretStore, value: str) -> None:
    key = account_key("bluesky", "https://bsky.social", "@zoë.example")
    store.set(key, "app_password", value)
    assert store.get(key, "app_password") == value


def test_deleting_missing_is_not_an_error(store: SecretStore) -> None:
    store.delete(ANA, "never_set")
    store.set(ANA, "access_token", TOKEN)
    store.delete(ANA, "access_token")
    store.delete(ANA, "access_token")
    assert store.get(ANA, "access_token") is None


def test_delete_account(store: SecretStore) -> None:
    store.set(ANA, "access_token", "a")
    store.set(ANA, "client_secret", "b")
    store.set(BOB, "access_token", "c")
    store.delete_account(ANA, ["access_token", "client_secret", "never_set"])
    assert store.get(ANA, "access_token") is None
    assert store.get(ANA, "client_secret") is None
    assert store.get(BOB, "access_token") == "c"


def test_check_passes_on_a_usable_backend(store: SecretStore) -> None:
    store.check()


def test_memory_backend_round_trip() -> None:
    kr = MemoryKeyring()
    store = SecretStore(kr)
    store.set(ANA, "access_token", TOKEN)
    assert kr.items == {(SERVICE, f"{ANA}/access_token"): TOKEN}
    assert store.get(ANA, "access_token") == TOKEN
    store.delete(ANA, "access_token")
    store.delete(ANA, "access_token")
    assert kr.items == {}


# -- unusable backends -----------------------------------------------------------------


def test_fail_backend_is_unavailable() -> None:
    store = SecretStore(fail.Keyring())
    with pytest.raises(KeyringUnavailable) as info:
        store.check()
    assert str(info.value) == no_keyring_message()
    assert "gnome-keyring" in str(info.value)
    assert info.value.reason == "missing"
    with pytest.raises(KeyringUnavailable) as info:
        store.set(ANA, "access_token", TOKEN)
    assert_clean(info.value, TOKEN)


def test_null_backend_is_refused() -> None:
    store = SecretStore(null.Keyring())
    with pytest.raises(KeyringUnavailable) as info:
        store.set(ANA, "access_token", TOKEN)
    assert info.value.reason == "disabled"
    assert "keyring.backends.null" in str(info.value)
    assert_clean(info.value, TOKEN)
    with pytest.raises(KeyringUnavailable):
        store.get(ANA, "access_token")


def test_locked_keyring() -> None:
    kr = MemoryKeyring()
    store = SecretStore(kr)
    store.set(ANA, "access_token", TOKEN)
    kr.locked = True
    with pytest.raises(KeyringUnavailable) as info:
        store.get(ANA, "access_token")
    assert str(info.value) == locked_message()
    assert info.value.reason == "locked"
    assert_clean(info.value, TOKEN)
    with pytest.raises(KeyringUnavailable, match="locked"):
        store.check()
    with pytest.raises(KeyringUnavailable) as info:
        store.set(ANA, "access_token", "new-secret-value")
    assert_clean(info.value, "new-secret-value")
    kr.locked = False
    store.check()
    assert store.get(ANA, "access_token") == TOKEN


@pytest.mark.parametrize(
    ("error", "message", "reason"),
    [
        (keyring.errors.NoKeyringError, no_keyring_message(), "missing"),
        (keyring.errors.InitError, no_keyring_message(), "missing"),
        (keyring.errors.KeyringLocked, locked_message(), "locked"),
        (RuntimeError, no_keyring_message(), "missing"),
    ],
)
def test_keyring_errors_are_mapped(error: type[Exception], message: str, reason: str) -> None:
    store = SecretStore(RaisingKeyring(error))
    for call in (
        lambda: store.set(ANA, "access_token", TOKEN),
        lambda: store.get(ANA, "access_token"),
        lambda: store.delete(ANA, "access_token"),
    ):
        with pytest.raises(KeyringUnavailable) as info:
            call()
        assert str(info.value) == message
        assert info.value.reason == reason
        assert_clean(info.value, TOKEN)


@pytest.mark.parametrize("error", [keyring.errors.PasswordSetError, ValueError, OSError])
def test_other_backend_errors_do_not_leak_the_value(error: type[Exception]) -> None:
    store = SecretStore(RaisingKeyring(error))
    with pytest.raises(KeyringUnavailable) as info:
        store.set(ANA, "access_token", TOKEN)
    assert info.value.reason == "error"
    assert error.__name__ in str(info.value)
    assert_clean(info.value, TOKEN)


def test_secretservice_without_dbus(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real SecretService backend chosen via the env var, with no session bus."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    store = SecretStore()
    with pytest.raises(KeyringUnavailable) as info:
        store.check()
    assert str(info.value) == no_keyring_message()
    assert_clean(info.value)
    # Nothing was cached: the next call tries again (and fails the same way).
    with pytest.raises(KeyringUnavailable):
        store.get(ANA, "access_token")


def test_misspelt_backend_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.nope.Keyring")
    with pytest.raises(KeyringUnavailable) as info:
        SecretStore().check()
    assert str(info.value) == no_keyring_message()


# -- no implicit plaintext -------------------------------------------------------------


@pytest.fixture
def nothing_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(keyring.core, "load_config", lambda: None)


@pytest.mark.usefixtures("nothing_configured")
def test_implicit_plaintext_is_refused(plaintext: PlaintextKeyring) -> None:
    store = SecretStore(plaintext)
    with pytest.raises(KeyringUnavailable) as info:
        store.set(ANA, "access_token", TOKEN)
    assert info.value.reason == "plaintext"
    assert "gnome-keyring" in str(info.value)
    assert "PYTHON_KEYRING_BACKEND" in str(info.value)
    assert_clean(info.value, TOKEN)
    assert not Path(plaintext.file_path).exists()


@pytest.mark.usefixtures("nothing_configured")
def test_auto_chosen_plaintext_is_refused(plaintext: PlaintextKeyring) -> None:
    # As if keyring's detection had settled on the plaintext file backend.
    keyring.core.set_keyring(plaintext)
    store = SecretStore()
    with pytest.raises(KeyringUnavailable, match="unencrypted"):
        store.check()
    assert not Path(plaintext.file_path).exists()


@pytest.mark.usefixtures("nothing_configured")
def test_chainer_writing_to_plaintext_is_refused(plaintext: PlaintextKeyring) -> None:
    class Chain(NotDetectable, chainer.ChainerBackend):
        backends = [plaintext, MemoryKeyring()]

    with pytest.raises(KeyringUnavailable) as info:
        SecretStore(Chain()).check()
    assert info.value.reason == "plaintext"


@pytest.mark.usefixtures("nothing_configured")
def test_chainer_writing_to_a_real_keyring_is_allowed(plaintext: PlaintextKeyring) -> None:
    memory = MemoryKeyring()

    class Chain(NotDetectable, chainer.ChainerBackend):
        backends = [memory, plaintext]

    store = SecretStore(Chain())
    store.set(ANA, "access_token", TOKEN)
    assert memory.items[(SERVICE, f"{ANA}/access_token")] == TOKEN


@pytest.mark.usefixtures("nothing_configured")
def test_empty_chainer_is_unavailable() -> None:
    class Chain(NotDetectable, chainer.ChainerBackend):
        backends: list[KeyringBackend] = []

    with pytest.raises(KeyringUnavailable, match="No usable keyring"):
        SecretStore(Chain()).check()


def test_plaintext_chosen_via_env_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    store = SecretStore()
    store.set(ANA, "access_token", TOKEN)
    assert store.get(ANA, "access_token") == TOKEN
    assert (tmp_path / "data" / "python_keyring" / "keyring_pass.cfg").is_file()


def test_plaintext_chosen_in_config_file_is_used(
    tmp_path: Path, plaintext: PlaintextKeyring
) -> None:
    config = tmp_path / "config" / "python_keyring" / "keyringrc.cfg"
    config.parent.mkdir(parents=True)
    config.write_text(
        "[backend]\ndefault-keyring=keyrings.alt.file.PlaintextKeyring\n", encoding="utf-8"
    )
    store = SecretStore(plaintext)
    store.set(ANA, "access_token", TOKEN)
    assert store.get(ANA, "access_token") == TOKEN


def test_explicit_false_refuses_even_when_configured(
    monkeypatch: pytest.MonkeyPatch, plaintext: PlaintextKeyring
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    with pytest.raises(KeyringUnavailable):
        SecretStore(plaintext, explicit=False).check()


# -- logging, validation, helper -------------------------------------------------------


def test_secrets_are_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    kr = MemoryKeyring()
    store = SecretStore(kr)
    store.set(ANA, "access_token", TOKEN)
    store.get(ANA, "access_token")
    kr.locked = True
    with pytest.raises(KeyringUnavailable):
        store.set(ANA, "access_token", TOKEN)
    with pytest.raises(KeyringUnavailable):
        SecretStore(RaisingKeyring(ValueError)).set(ANA, "access_token", TOKEN)
    assert caplog.records  # something was logged...
    assert TOKEN not in caplog.text  # ...but never the secret


def test_argument_validation(store: SecretStore) -> None:
    with pytest.raises(ValueError):
        store.get("", "access_token")
    with pytest.raises(ValueError):
        store.get(ANA, "")
    with pytest.raises(ValueError):
        store.set(ANA, "a/b", TOKEN)
    with pytest.raises(TypeError) as info:
        store.set(ANA, "access_token", TOKEN.encode())  # type: ignore[arg-type]
    assert TOKEN not in str(info.value)


def test_test_backends_are_invisible_to_detection() -> None:
    class Chain(NotDetectable, chainer.ChainerBackend):
        backends = [MemoryKeyring(), MemoryKeyring()]

    classes = [MemoryKeyring, RaisingKeyring, Chain]
    assert not any(cls.viable for cls in classes)
    assert not set(classes) & set(KeyringBackend.get_viable_backends())


def test_account_key() -> None:
    assert account_key("mastodon", "https://example.social", "@ana") == ANA
    assert account_key(" Mastodon ", "https://example.social/", "@ana") == ANA
    assert account_key("mastodon", "https://example.social", "@bob") != ANA
    with pytest.raises(ValueError):
        account_key("", "https://example.social", "@ana")
    with pytest.raises(ValueError):
        account_key("a:b", "https://example.social", "@ana")
