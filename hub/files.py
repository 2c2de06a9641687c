"""Private files: forum attachments and Wagtail documents.

They are stored outside MEDIA_ROOT, in PRIVATE_MEDIA_ROOT, so nothing that hands out
/media/ by path (Caddy in production, Django's static() in DEBUG) can reach them, and each
sits in a random directory so neither an id nor a file name leads to it. They leave only
through a view that has checked the right to read, which calls `private_file_response`:
in development and tests Django streams the file; in production
(HUB_PRIVATE_FILES_ACCEL_PREFIX set) the view answers an empty response with an
`X-Accel-Redirect` header, and Caddy sends the bytes from an internal route that no request
reaches directly (docker/Caddyfile).

This module is also Wagtail's SENDFILE_BACKEND (`sendfile(request, filename, mimetype)`),
so documents served by Wagtail's `serve_view`, after its privacy checks, leave the same way.
"""

import mimetypes
import os
import posixpath
import re
import secrets
import unicodedata
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404, HttpResponse
from django.utils._os import safe_join
from django.utils.functional import cached_property

# Names under these prefixes are private (MACHINA_ATTACHMENT_FILE_UPLOAD_TO = "private/…";
# Wagtail stores documents under "documents/").
PRIVATE_PREFIXES = ("private/", "documents/")
# Types a browser may show in the page of our origin without running anything. Every other
# type (HTML, SVG, XML, PDF…) is a download: SVG and HTML would run as pages of the site.
INLINE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"})
# Even a download, or a picture opened on its own, runs nothing and reaches nothing.
FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def is_private(name: str) -> bool:
    return name.replace("\\", "/").startswith(PRIVATE_PREFIXES)


class HubFileStorage(FileSystemStorage):
    """The default storage: public names under MEDIA_ROOT (served at MEDIA_URL), private
    names under PRIVATE_MEDIA_ROOT, with no URL. Being the default storage, it changes no
    model field, so machina's and Wagtail's migrations stay as they are."""

    @cached_property
    def private_location(self) -> str:
        return os.path.abspath(settings.PRIVATE_MEDIA_ROOT)

    def path(self, name: str) -> str:
        if is_private(name):
            return safe_join(self.private_location, name)
        return super().path(name)

    def _save(self, name, content):
        saved = super()._save(name, content)
        if not is_private(name):
            return saved
        # FileSystemStorage gives the name relative to MEDIA_ROOT ("../private/…").
        full_path = os.path.normpath(os.path.join(self.location, saved))
        return Path(os.path.relpath(full_path, self.private_location)).as_posix()

    def _ensure_location_group_id(self, full_path):
        # Django gives a saved file the group of MEDIA_ROOT; a private file lives under
        # PRIVATE_MEDIA_ROOT, and MEDIA_ROOT may not exist yet (a fresh clone's demo content
        # saves a document before any public file).
        if os.path.commonpath([full_path, self.private_location]) == self.private_location:
            location = self.private_location
        else:
            location = self.location
        if os.name == "posix" and os.path.exists(location):
            file_gid, location_gid = os.stat(full_path).st_gid, os.stat(location).st_gid
            if file_gid != location_gid:
                try:
                    os.chown(full_path, uid=-1, gid=location_gid)
                except PermissionError:
                    pass

    def url(self, name):
        if name and is_private(name):
            # Private files have no address of their own: links go to the checking views.
            raise NotImplementedError("Private files are served by a view, never by URL.")
        return super().url(name)

    def generate_filename(self, filename: str) -> str:
        name = super().generate_filename(filename)
        if not is_private(name):
            return name
        directory, base = posixpath.split(name)
        return posixpath.join(directory, secrets.token_urlsafe(18), ascii_name(base))


def ascii_name(name: str) -> str:
    """ "Démarche été.pdf" → "Demarche_ete.pdf". The proxy finds the file by the path in
    X-Accel-Redirect; an ASCII name needs no escaping there (Caddy 2.6 does not unescape a
    rewritten path, so "d%C3%A9marche.pdf" was not found)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    folded = re.sub(r"[^-\w.]", "", folded.replace(" ", "_"))
    stem, dot, extension = folded.rpartition(".")
    if not dot:
        stem, extension = folded, ""
    return (stem.strip("._") or "fichier") + (f".{extension}" if extension else "")


def private_path(name: str) -> Path:
    """The absolute path of a private file; refuses a name outside the private root."""
    root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    try:
        path = Path(safe_join(str(root), name)).resolve()
    except SuspiciousFileOperation as error:
        raise Http404 from error
    if not path.is_relative_to(root) or not path.is_file():
        raise Http404
    return path


def content_disposition(*, filename: str, inline: bool) -> str:
    kind = "inline" if inline else "attachment"
    ascii_name = filename.encode("ascii", "ignore").decode().replace('"', "").replace("\\", "")
    value = f'{kind}; filename="{ascii_name or "fichier"}"'
    if ascii_name != filename:
        value += f"; filename*=UTF-8''{quote(filename)}"
    return value


class AccelResponse(HttpResponse):
    """An empty body that the proxy replaces with the file. Wagtail's sendfile sets the
    file's length after us; an empty body announced as N bytes would leave the proxy
    waiting, so that header is left to the proxy."""

    def __setitem__(self, header, value):
        if header.lower() != "content-length":
            super().__setitem__(header, value)


def _response_for(path: Path, *, content_type: str) -> HttpResponse:
    prefix = getattr(settings, "HUB_PRIVATE_FILES_ACCEL_PREFIX", "")
    if prefix:
        relative = path.relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve()).as_posix()
        response = AccelResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix + quote(relative)
        return response
    return FileResponse(path.open("rb"), content_type=content_type)


def _harden(response: HttpResponse) -> HttpResponse:
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cache-Control"] = "private, no-store"
    return response


def private_file_response(*, name: str, filename: str | None = None) -> HttpResponse:
    """The response that hands out private file `name`, once the caller has checked that
    the reader may read it. Pictures may show inline; everything else downloads."""
    path = private_path(name)
    filename = filename or path.name
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    inline = content_type in INLINE_TYPES
    if not inline and content_type.startswith("text/"):
        content_type = "text/plain; charset=utf-8"  # never rendered as a page, even if asked
    response = _response_for(path, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename=filename, inline=inline)
    return _harden(response)


def sendfile(request, filename, mimetype=None, **kwargs):
    """Wagtail's SENDFILE_BACKEND (wagtail.utils.sendfile): Wagtail has checked the
    document's privacy and sets Content-Disposition, Content-Type and its own CSP after us."""
    path = Path(filename).resolve()
    if not path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve()):
        raise Http404  # a document outside the private store was never moved there
    return _harden(_response_for(path, content_type=mimetype or "application/octet-stream"))


def move_to_private_store(*, log=lambda message: None) -> int:
    """Moves files that belong in the private store but were uploaded under MEDIA_ROOT
    (before the store existed) into it, under a fresh random name, and points their rows at
    it. Idempotent: a second run finds nothing to move. Returns how many files moved."""
    from django.apps import apps
    from django.core.files.storage import default_storage
    from django.db import models

    public = FileSystemStorage(location=settings.MEDIA_ROOT)
    moved = 0
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for field in fields:
            if not isinstance(field.storage, HubFileStorage):
                continue
            for row in model._default_manager.exclude(**{field.name: ""}).iterator():
                old = getattr(row, field.name).name
                if not public.exists(old):
                    continue  # already private, or missing
                new = field.generate_filename(row, posixpath.basename(old))
                if not is_private(new):
                    continue  # a public file (a picture): it stays
                with public.open(old) as source:
                    new = default_storage.save(new, source)
                model._default_manager.filter(pk=row.pk).update(**{field.name: new})
                public.delete(old)
                log(f"{model._meta.label} {row.pk}: {old} -> private store")
                moved += 1
    return moved
