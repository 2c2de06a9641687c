"""The library's section of a member's data download (Loi 25), registered from hooks.py."""

from hub import links

from .models import SavedResource, ThemeFollow, ToolkitStepDone


def member_library_export(user) -> dict:
    return {
        "saved_resources": [
            {
                "title": row.resource.title,
                "url": links.absolute_url(row.resource.get_url()),
                "saved_at": row.created_at.isoformat(),
            }
            for row in SavedResource.objects.filter(user=user).select_related("resource")
        ],
        "toolkit_steps_done": [
            {
                "toolkit": row.toolkit.title,
                "step_id": row.step_id,
                "done_at": row.done_at.isoformat(),
            }
            for row in ToolkitStepDone.objects.filter(user=user).select_related("toolkit")
        ],
        "followed_themes": [
            {"theme": row.theme.name, "followed_since": row.created_at.isoformat()}
            for row in ThemeFollow.objects.filter(user=user).select_related("theme")
        ],
    }
