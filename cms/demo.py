"""Home pages in French and English (run by `manage.py seed_demo`)."""

from .services import site_setup

ORDER = 20


def seed(log) -> None:
    home = site_setup()
    log(f"home page: {home.title}")
