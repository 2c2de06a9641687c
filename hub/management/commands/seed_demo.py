"""`manage.py seed_demo`: realistic French and English demo content. Idempotent: run twice,
it changes nothing. Each app that has demo content provides `<app>/demo.py` with
`ORDER` (lower runs first) and `seed(log)`; this command runs them in order, so the hub
package never imports feature apps by name."""

import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


def demo_modules():
    modules = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        try:
            spec = importlib.util.find_spec(name)
        except ModuleNotFoundError:
            spec = None
        if spec is not None:
            modules.append(importlib.import_module(name))
    return sorted(modules, key=lambda module: getattr(module, "ORDER", 50))


class Command(BaseCommand):
    help = "Creates demo content in French and English (idempotent)."

    def handle(self, *args, **options):
        for module in demo_modules():
            with transaction.atomic():
                module.seed(lambda message: self.stdout.write(f"  {message}"))
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
