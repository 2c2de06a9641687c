"""After restore.sh: a member, a post and a registration are back in the new database, and
the files (a public picture, a private attachment) in the new folder.
`python -m rehearsal.restore_check FIXTURE.json DATABASE_NAME FILES_FOLDER`"""

import hashlib
import json
import os
import sys
from pathlib import Path

url = os.environ["DATABASE_URL"]
os.environ["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + sys.argv[2]

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from machina.apps.forum_conversation.models import Post  # noqa: E402

from events.models import Registration  # noqa: E402
from hub.accounts.models import User  # noqa: E402

from .report import check, finish  # noqa: E402


def main() -> None:
    fixture = json.loads(Path(sys.argv[1]).read_text())
    files = Path(sys.argv[3])
    check(
        connection.settings_dict["NAME"] == sys.argv[2],
        "reading the restored database",
        sys.argv[2],
    )
    member = User.objects.filter(pk=fixture["members"][0]["id"]).first()
    check(member is not None and member.email.startswith("repetition-"), "a member is back")
    posts = Post.objects.filter(topic_id=fixture["topic"]["id"])
    check(
        posts.filter(content__contains="Réponse de la répétition").exists(),
        "a post is back",
        f"{posts.count()} posts in the rehearsal topic",
    )
    registration = Registration.objects.filter(event_id=fixture["open_event"]["id"]).first()
    check(
        registration is not None,
        "a registration is back",
        f"{Registration.objects.filter(event_id=fixture['open_event']['id']).count()} "
        "for the open event",
    )
    media = files / os.environ["MEDIA_ROOT"].lstrip("/") / "repetition" / "point.png"
    check(
        media.exists()
        and hashlib.sha256(media.read_bytes()).hexdigest() == fixture["media"]["sha256"],
        "a public picture is back",
    )
    private = files / os.environ["PRIVATE_MEDIA_ROOT"].lstrip("/") / fixture["attachment"]["stored"]
    check(
        private.exists()
        and hashlib.sha256(private.read_bytes()).hexdigest() == fixture["attachment"]["sha256"],
        "a private attachment is back",
    )
    finish("restore check")


if __name__ == "__main__":
    main()
