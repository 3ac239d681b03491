"""End-to-end tests in Debian's Chromium, driven by Playwright, against live_server.

Never `playwright install`: the browser is the system's `chromium`, found on
PATH (the Makefile installs it). A missing browser fails these tests loudly
instead of skipping them, so CI cannot pass without running them.
"""

import os
import shutil
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
PASSWORD = "correct horse battery"  # tests/conftest.py gives every member this one


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the browser tests last (after pytest-django's own ordering).

    Playwright's sync API keeps an event loop running in the test thread from
    the first browser test to the end of the session; Django takes that for
    async code and refuses database calls, so any test after them would need
    DJANGO_ALLOW_ASYNC_UNSAFE too.
    """
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session", autouse=True)
def allow_database_calls_beside_playwright():
    """Let Django use the database while Playwright's loop runs (see above).

    Set for the browser tests only, which run last: set at import time it
    would leak into every subprocess of the suite, and `manage.py check
    --deploy` rightly refuses it.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def migrated_data(transactional_db):
    """Put back what the data migrations provide: the roles and the rating scales.

    live_server needs a transactional test database, which is flushed after
    each test (the flush recreates content types and permissions, not rows).
    """
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    import_module("claims.migrations.0002_default_ratings").add_ratings(apps, None)
    for name, codenames in import_module("claims.migrations.0003_groups").GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="claims", codename__in=codenames)
        )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Debian's `chromium` is not on PATH; `make install` installs it (apt-get install chromium).",
            pytrace=False,
        )
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "locale": "en-GB"}


@pytest.fixture
def screenshot():
    """screenshot(page, name): a full-page PNG in test-artifacts/ to look at after the run."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name):
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def log_in(live_server):
    def log_in(page, user):
        page.set_default_timeout(15_000)
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")

    return log_in
