"""Gives every existing member a handle built from their public name (as new members get on
creation). Deleted members get none."""

from django.db import migrations


def fill_handles(apps, schema_editor):
    from hub.accounts import handles

    User = apps.get_model("accounts", "User")
    used = set(User.objects.exclude(handle=None).values_list("handle", flat=True))
    for user in User.objects.filter(handle=None, deleted_at=None).order_by("pk").iterator():
        base = handles.base_for(
            display_name=user.display_name, first_name=user.first_name, last_name=user.last_name
        )
        user.handle = handles.first_free(
            base, taken=lambda prefix: {h for h in used if h.startswith(prefix)}
        )
        used.add(user.handle)
        User.objects.filter(pk=user.pk).update(handle=user.handle)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_user_handle")]

    operations = [migrations.RunPython(fill_handles, migrations.RunPython.noop)]
