"""The library fixtures of the CMS's tests, for the search's tests."""

from cms.tests.conftest import english_library, library, themes  # noqa: F401
