"""Django views of the CMS room (site search, feeds). Pages themselves are Wagtail's."""

urlpatterns: list = []
