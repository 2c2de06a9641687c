"""Members (email login), their organisations and Québec's administrative regions."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import handles
from .handles import HANDLE_MAX_LENGTH


class Region(models.Model):
    """One of Québec's 17 administrative regions (seeded by a data migration)."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class Organisation(models.Model):
    class MissionField(models.TextChoices):
        FOOD_SECURITY = "food", _("Food security")
        HOUSING = "housing", _("Housing")
        EMPLOYMENT = "employment", _("Employment and integration")
        FAMILY = "family", _("Families and children")
        YOUTH = "youth", _("Youth")
        SENIORS = "seniors", _("Seniors")
        HEALTH = "health", _("Health and mental health")
        IMMIGRATION = "immigration", _("Immigrant and refugee support")
        EDUCATION = "education", _("Literacy and education")
        DEFENCE = "rights", _("Rights advocacy")
        OTHER = "other", _("Other")

    class Size(models.TextChoices):
        VOLUNTEER = "0", _("Volunteers only")
        SMALL = "1-5", _("1 to 5 employees")
        MEDIUM = "6-20", _("6 to 20 employees")
        LARGE = "21+", _("21 employees or more")

    name = models.CharField(_("name"), max_length=200, unique=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("region")
    )
    centraide_territory = models.CharField(
        _("Centraide territory"),
        max_length=120,
        blank=True,
        help_text=_("For example: Grand Montréal, Québec et Chaudière-Appalaches."),
    )
    mission_field = models.CharField(
        _("mission field"), max_length=20, choices=MissionField.choices, default=MissionField.OTHER
    )
    size = models.CharField(_("size"), max_length=5, choices=Size.choices, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_approved = models.BooleanField(
        _("approved"),
        default=False,
        help_text=_("Organizations proposed by members appear in lists once staff approve them."),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_organisations",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = pgettext_lazy("community organization", "organization")
        verbose_name_plural = pgettext_lazy("community organizations", "organizations")

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A member. Signs in with an email address, which is never shown to other members."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    # first_name / last_name come from AbstractUser: Wagtail's user forms require them.
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("The name other members see. Leave blank to use your first name and initial."),
    )
    # Unique and stable: @mentions name exactly one person (hub/accounts/handles.py). NULL
    # only for deleted members, who lose it (NULLs never collide in a unique index).
    handle = models.CharField(
        _("handle"),
        max_length=HANDLE_MAX_LENGTH,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "Other members mention you by typing @ followed by this handle. Lowercase letters "
            "without accents, digits, dots and hyphens."
        ),
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        verbose_name=pgettext_lazy("community organization", "organization"),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)
    # When the member was last on the site (to within a few minutes) and when their previous
    # visit ended (hub/accounts/visits.py): the digest goes only to members who have not
    # visited since the last one; Mon espace shows what is new since the previous visit.
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True, editable=False)
    previous_visit_at = models.DateTimeField(
        _("previous visit"), null=True, blank=True, editable=False
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self) -> str:
        return self.get_public_name()

    def get_public_name(self) -> str:
        """The name shown to other members: never the email address."""
        if self.deleted_at:
            return str(_("Deleted member"))
        if self.display_name:
            return self.display_name
        if self.first_name:
            initial = f" {self.last_name[:1]}." if self.last_name else ""
            return f"{self.first_name}{initial}"
        return str(_("Member #%(id)s") % {"id": self.pk})

    def clean(self):
        super().clean()
        # Stored lowercase (save() does it too). Normalising here lets model forms' unique
        # check (the admin's) compare what will be saved: "Nadia.B" against "nadia.b".
        if self.handle:
            self.handle = handles.normalise(self.handle)

    def save(self, *args, **kwargs):
        """Every live member has a handle, however the row is created (sign-up, the admin,
        createsuperuser, factories, the demo): a blank one is filled from the public name.
        Two sign-ups that pick the same free handle at once: the second one takes the next."""
        if self.deleted_at:
            self.handle = None
        elif self.handle:
            self.handle = handles.normalise(self.handle)
        if self.handle or self.deleted_at:
            return super().save(*args, **kwargs)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "handle"}
        for _attempt in range(5):
            self.handle = self.suggest_handle()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                taken = type(self).objects.filter(handle=self.handle).exclude(pk=self.pk)
                if not taken.exists():
                    self.handle = None
                    raise
        raise IntegrityError(f"No free handle for member {self.pk}")

    def suggest_handle(self, wanted: str = "") -> str:
        """A free handle: `wanted` (or the public name's) numbered if someone has it."""
        base = handles.normalise(wanted) if wanted else ""
        if not handles.is_valid(base):
            base = handles.base_for(
                display_name=self.display_name,
                first_name=self.first_name,
                last_name=self.last_name,
            )
        others = type(self).objects.exclude(pk=self.pk) if self.pk else type(self).objects
        return handles.first_free(
            base,
            taken=lambda prefix: set(
                others.filter(handle__startswith=prefix).values_list("handle", flat=True)
            ),
        )

    # machina and a few libraries call get_username() to show a member.
    def get_short_name(self) -> str:
        return self.get_public_name()
