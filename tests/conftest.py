"""Every test runs offscreen, in its own data dir, HOME and keyring: nothing touches the
real user's files."""

import logging
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from desktop.store.database import open_store


@pytest.fixture(autouse=True)
def _detach_log_handlers():
    """The CLI's main() attaches a file handler to the root logger; leave logging as it was."""
    root = logging.getLogger()
    level = root.level
    yield
    for handler in list(root.handlers):
        if getattr(handler, "_reciprocity", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory, monkeypatch):
    root = tmp_path_factory.mktemp("env")
    home = root / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / "xdg-cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(root / "xdg-state"))
    monkeypatch.setenv("RECIPROCITY_HOME", str(root / "data"))
    monkeypatch.delenv("RECIPROCITY_DATABASE_URL", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    # English unless a test asks for another language (the developer's own LANG aside).
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    return root


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A test that switched the interface's language leaves English behind."""
    yield
    import sys

    from desktop.core import i18n

    translations = sys.modules.get("desktop.ui.translations")
    if translations is not None and translations.speaking() != "en":
        translations.install("en")
    i18n.install(None)


@pytest.fixture
def home(isolated_env) -> Path:
    return isolated_env / "home"


def pytest_addoption(parser):
    parser.addoption(
        "--database",
        choices=["sqlite", "postgresql"],
        default=os.environ.get("RECIPROCITY_TEST_DATABASE", "sqlite"),
        help="the store the `store` fixture opens (postgresql: a private server, see "
        "tests/postgres_server.py)",
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "sqlite_only(reason): what the test checks exists on SQLite alone"
    )
    config.addinivalue_line(
        "markers",
        "postgresql_only(reason): team mode on a shared PostgreSQL; runs with --database "
        "postgresql (make test's second pass)",
    )


def pytest_collection_modifyitems(config, items):
    on_postgresql = config.getoption("--database") == "postgresql"
    for item in items:
        marker = item.get_closest_marker("postgresql_only" if not on_postgresql else "sqlite_only")
        if marker is None:
            continue
        why = marker.args[0] if marker.args else ""
        if on_postgresql:
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {why or 'SQLite only'}"))
        else:
            item.add_marker(
                pytest.mark.skip(
                    reason=f"PostgreSQL only ({why or 'team mode'}): run with --database postgresql"
                )
            )


@pytest.fixture(scope="session")
def postgres_server():
    """The session's PostgreSQL server; the tests using it skip, saying why, when none can
    be started."""
    from postgres_server import private_server

    with private_server() as server:
        yield server


@pytest.fixture
def postgres_url(postgres_server):
    """A new database, migrated to head, on the session's server; dropped afterwards."""
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture
def store_url(request, tmp_path):
    """The URL of a new store: SQLite in tmp_path, or with --database postgresql a new
    database on the session's server."""
    if request.config.getoption("--database") == "postgresql":
        return request.getfixturevalue("postgres_url")
    return f"sqlite:///{tmp_path / 'store' / 'reciprocity.db'}"


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


@pytest.fixture
def feed_hosts():
    """`feed_hosts(2)`: two threaded feed servers on their own loopback addresses
    (127.0.0.2, 127.0.0.3, …), closed after the test (see feed_hosts.py)."""
    from feed_hosts import FeedHost

    made: list[FeedHost] = []

    def make(count: int) -> list[FeedHost]:
        for _ in range(count):
            made.append(FeedHost(f"127.0.0.{len(made) + 2}"))
        return made[-count:]

    yield make
    for host in made:
        host.close()
