"""Where the diagnostic plugs into the other rooms: for now, the member's own answers in
their data download (Loi 25)."""

from hub import extensions

from . import exports


def register() -> None:
    extensions.member_exports.register("diagnostic", exports.member_responses_export)
