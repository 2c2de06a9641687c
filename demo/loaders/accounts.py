"""Demo organisations and members (content: demo/content/accounts.toml)."""

from django.contrib.auth.models import Group

from hub.accounts.models import Organisation, Region, User

from . import content

STAFF_ROLES = {"admin", "moderator", "editor", "reviewer"}


def password() -> str:
    """Every demo member's password (printed by `make run`)."""
    return content("accounts")["password"]


def seed(log) -> None:
    data = content("accounts")
    regions = {region.code: region for region in Region.objects.all()}
    organisations = {}
    for spec in data["organisations"]:
        organisation, _ = Organisation.objects.get_or_create(
            name=spec["name"],
            defaults={
                "region": regions[spec["region"]],
                "mission_field": spec["mission_field"],
                "size": spec["size"],
                "centraide_territory": spec["centraide_territory"],
                "is_approved": True,
            },
        )
        organisations[spec["name"]] = organisation
    for spec in data["members"]:
        if User.objects.filter(email=spec["email"]).exists():
            continue
        role = spec["role"]
        user = User.objects.create_user(
            email=spec["email"],
            password=data["password"],
            first_name=spec["first_name"],
            last_name=spec["last_name"],
            job_title=spec["job_title"],
            preferred_language=spec["language"],
            organisation=organisations.get(spec.get("organisation")),
            is_staff=role in STAFF_ROLES,
            is_superuser=role == "admin",
        )
        # Demo accounts are confirmed already, so they can sign in at once.
        user.emailaddress_set.create(email=spec["email"], verified=True, primary=True)
        if role in data["groups"]:
            group, _ = Group.objects.get_or_create(name=data["groups"][role])
            user.groups.add(group)
    log(f"{len(organisations)} organizations, {User.objects.count()} members")
