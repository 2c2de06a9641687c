"""Security headers every environment sends: the Content-Security-Policy (django-csp 4,
applied by hub/headers.py) and the Permissions-Policy. Imported at the end of base.py."""

# The site runs no inline script or style and no eval: a stored XSS that slips past the
# sanitiser still cannot run. Same origin only, except the video players of EmbedBlock.
from csp import constants as csp

VIDEO_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],  # 'self' covers the site's own ws:/wss: (CSP 3)
        "frame-src": VIDEO_FRAME_SOURCES,
        "object-src": [csp.NONE],
        "base-uri": [csp.NONE],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    }
}
# Staff-only screens get a looser policy (hub/headers.py): Wagtail 7.4's page editor inserts
# inline <style> elements (its vendor.js) and runs inline scripts, which the strict policy
# blocked in Chromium, and its preview panel frames our pages. Still no eval, no other origin.
HUB_ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
HUB_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [csp.SELF, csp.UNSAFE_INLINE],
        "style-src": [csp.SELF, csp.UNSAFE_INLINE],
        "img-src": [csp.SELF, "data:", "blob:"],
        "frame-src": [csp.SELF, *VIDEO_FRAME_SOURCES],
        "base-uri": [csp.SELF],
        "frame-ancestors": [csp.SELF],
    }
}
# Wagtail shows each admin user's Gravatar: it would send a hash of their email address
# to gravatar.com from every admin page (and need a third-party img-src). Initials instead
# (hub/accounts/wagtail_hooks.py).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
HUB_PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
