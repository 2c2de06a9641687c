"""What a member keeps in Mon espace: saved resources and toolkit steps done. Both point
to a page but are looked up by its `translation_key`, so switching language keeps them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedResource(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_resources"
    )
    resource = models.ForeignKey("cms.ResourcePage", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved resource")
        verbose_name_plural = _("saved resources")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "resource"], name="cms_saved_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.resource_id}"


class ToolkitStepDone(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="toolkit_steps_done"
    )
    toolkit = models.ForeignKey("cms.ToolkitPage", on_delete=models.CASCADE, related_name="+")
    step_id = models.CharField(_("step"), max_length=64)
    done_at = models.DateTimeField(_("done at"), auto_now_add=True)

    class Meta:
        verbose_name = _("toolkit step done")
        verbose_name_plural = _("toolkit steps done")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "toolkit", "step_id"], name="cms_step_done_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.toolkit_id} / {self.step_id}"


class ThemeFollow(models.Model):
    """A member follows a theme: a new resource, event or forum question on it notifies
    them, and Mon espace and the digest show what is new on it. Matched on the theme's
    `translation_key`, so following "Cybersécurité" follows "Cybersecurity" too."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="theme_follows"
    )
    theme = models.ForeignKey("cms.Theme", on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)

    class Meta:
        verbose_name = _("followed theme")
        verbose_name_plural = _("followed themes")
        ordering = ["theme__sort_order", "theme__name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "theme"], name="cms_theme_follow_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.theme_id}"
