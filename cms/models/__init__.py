from .members import SavedResource, ThemeFollow, ToolkitStepDone
from .pages import (
    HomePage,
    RelatedResource,
    ResourceIndexPage,
    ResourcePage,
    StandardPage,
    ToolkitPage,
    compute_reading_time,
)
from .taxonomy import Audience, Format, Level, Theme

__all__ = [
    "Audience",
    "Format",
    "HomePage",
    "Level",
    "RelatedResource",
    "ResourceIndexPage",
    "ResourcePage",
    "SavedResource",
    "StandardPage",
    "Theme",
    "ThemeFollow",
    "ToolkitPage",
    "ToolkitStepDone",
    "compute_reading_time",
]
