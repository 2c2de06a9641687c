"""Security headers on every response: django-csp's Content-Security-Policy, with a looser
policy for the admin screens, and Permissions-Policy.

The site's policy (CONTENT_SECURITY_POLICY in settings) allows no inline script, no inline
style and no eval: every script is a file under /static/. Wagtail's admin and Django's admin
(HUB_ADMIN_PATH_PREFIXES) still write inline styles and a few inline scripts, and the page
preview frames our own pages, so those paths get HUB_ADMIN_CONTENT_SECURITY_POLICY
instead; only staff reach them.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def _admin_config() -> dict:
    return default_config(settings.HUB_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])


class HubCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(settings.HUB_ADMIN_PATH_PREFIXES))
        ):
            parts.config = _admin_config()
        return parts

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            # Wagtail's preview renders the page through the middleware with a fake request
            # for the page's own URL: its headers belong to the real (admin) request around it.
            return response
        response = super().process_response(request, response)
        policy = getattr(settings, "HUB_PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response
