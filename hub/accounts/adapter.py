"""allauth's emails in the hub's voice: the hub is "DATAide Hub" (not the Host header of the
request, which allauth names the site when django.contrib.sites is not installed), and every
link they carry is under the configured base URL (hub/links.py), whichever address the
request that triggered them came in through."""

from allauth.account.adapter import DefaultAccountAdapter

from hub import links


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # allauth builds its links with request.build_absolute_uri (allauth.utils): rebase
        # each one on the base URL, in this one place every allauth email goes through.
        request = self.request
        request_root = request.build_absolute_uri("/") if request is not None else None
        rebased = {}
        for key, value in context.items():
            if request_root and isinstance(value, str) and value.startswith(request_root):
                value = links.absolute_url("/" + value[len(request_root) :])
            rebased[key] = value
        super().send_mail(template_prefix, email, rebased)

    def render_mail(self, template_prefix, email, context, headers=None):
        context = {**context, "current_site": links.current_site()}
        return super().render_mail(template_prefix, email, context, headers=headers)
