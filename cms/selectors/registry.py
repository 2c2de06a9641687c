"""How the selectors reach the models: through Django's app registry, when a read runs,
never by importing cms.models (the package's docstring says why)."""

from django.apps import apps


def cms_model(name: str):
    """A model of the cms app: "ResourcePage", "ToolkitPage", "Theme", "SavedResource"..."""
    return apps.get_model("cms", name)


def field_choices(field_name: str) -> list[tuple[str, str]]:
    """The fixed choices of a resource's field: its Format or Level (cms.models.taxonomy),
    in their order."""
    return cms_model("ResourcePage")._meta.get_field(field_name).choices
