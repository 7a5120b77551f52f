"""A real headless Chromium for tests, driven by Selenium, that never touches the network.

Uses Debian's `chromium` and `chromium-driver` at fixed paths, so Selenium
Manager has nothing to look up or download. Without them the test fails in
CI (CI set) and is skipped elsewhere, with the command that installs them.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL = "apt-get install -y chromium chromium-driver; pip install -e '.[test]'"
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--disable-quic", "--window-size=1400,1800")


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.is_file():
            return f"{path} is missing"
    return None


def require_browser() -> None:
    """Fail in CI, skip elsewhere, when Chromium or Selenium is missing."""
    why = missing_browser()
    if why is None:
        return
    message = f"browser test needs Chromium and Selenium: {why} (install: {INSTALL})"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@contextmanager
def chromium(profile_dir: Path) -> Iterator["object"]:
    """A headless Chromium WebDriver with a fresh profile in `profile_dir`; quits on exit."""
    require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile_dir}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def artifacts_dir(tmp_path: Path) -> Path:
    """Where screenshots go: $CLEANER_ARTIFACTS when set (kept by CI), else the test's tmp dir."""
    folder = Path(os.environ.get("CLEANER_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
