"""The one check of a `next` parameter before a redirect follows it.

Five views had their own copy, each with a different strictness, and two followed a posted
`next` unchecked (an open redirect: a forged form sends a moderator to any site). Every
`next` the hub needs is a path it wrote itself (`request.get_full_path`), so only a path on
this site is accepted: it starts with one "/", holds no backslash (browsers read "\\" as
"/", so "/\\evil.example" is another host), no whitespace or control character (browsers
drop some, which turns "/\t/evil.example" into "//evil.example") and no scheme or host.
Django's own check runs as well. This module is a leaf: it imports nothing of ours."""

from django.utils.http import url_has_allowed_host_and_scheme

MAX_LENGTH = 2000


def is_safe_path(value: str) -> bool:
    """True when `value` is an absolute path on this site and nothing else."""
    if not value or len(value) > MAX_LENGTH or not value.startswith("/"):
        return False
    if value.startswith("//") or "\\" in value:
        return False
    if any(ord(c) <= 0x20 or ord(c) == 0x7F for c in value):
        return False
    # Any scheme would need a ":" before the first "/", which a path starting with "/"
    # cannot have; Django's check is kept as a second opinion.
    return url_has_allowed_host_and_scheme(value, allowed_hosts=None)


def safe_next(request, default: str) -> str:
    """The request's `next` (posted first, then in the query string) when it is a path on
    this site; otherwise `default`, which must be a URL we built."""
    value = request.POST.get("next") or request.GET.get("next") or ""
    return value if is_safe_path(value) else default
