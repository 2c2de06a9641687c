"""Staff groups and the moderation workflow: Rédaction writes and submits, Révision
reviews and publishes (draft → review → publish). Idempotent."""

from django.db import migrations

WORKFLOW_NAME = "Révision éditoriale"

PAGE_PERMISSIONS = {
    "Rédaction": ["add_page", "change_page", "lock_page", "unlock_page"],
    "Révision": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
}
COLLECTION_PERMISSIONS = {
    "Rédaction": {"wagtaildocs": ["add_document", "change_document", "choose_document"],
                  "wagtailimages": ["add_image", "change_image", "choose_image"]},
    "Révision": {"wagtaildocs": ["add_document", "change_document", "choose_document", "delete_document"],
                 "wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"]},
}
MODEL_PERMISSIONS = {
    "Rédaction": [("wagtailadmin", "admin", "access_admin"), ("cms", "theme", "view_theme"),
                  ("wagtail_localize", "translation", "submit_translation")],
    "Révision": [("wagtailadmin", "admin", "access_admin"), ("cms", "theme", "view_theme"),
                 ("cms", "theme", "add_theme"), ("cms", "theme", "change_theme"),
                 ("cms", "theme", "delete_theme"),
                 ("wagtail_localize", "translation", "submit_translation")],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return found


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    groups = {}
    for name in ("Rédaction", "Révision"):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        for app_label, model, codename in MODEL_PERMISSIONS[name]:
            group.permissions.add(permission(apps, app_label, model, codename))
        if root_page is not None:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page,
                    permission=permission(apps, "wagtailcore", "page", codename),
                )
        if root_collection is not None:
            for app_label, codenames in COLLECTION_PERMISSIONS[name].items():
                model = "document" if app_label == "wagtaildocs" else "image"
                for codename in codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection,
                        permission=permission(apps, app_label, model, codename),
                    )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name="Révision").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Révision", active=True, content_type=task_type)
    task.groups.set([groups["Révision"]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page is not None:
        # Every page of the site goes through review (Wagtail's default workflow is replaced).
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Rédaction", "Révision"]).delete()
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "GroupApprovalTask").objects.filter(name="Révision").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_french_unaccent_search"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
