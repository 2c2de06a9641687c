from django.urls import include, path, re_path
from django.views.generic import RedirectView
from machina.core.loading import get_class

from .views import attachments, community
from .views import machina as conversation

# Our versions of some of machina's views come first, on the same paths and without a
# namespace: machina's names (forum_conversation:topic…) still reverse to these paths.
machina_overrides = [
    path(
        "forum/<str:forum_slug>-<int:forum_pk>/topic/create/",
        conversation.TopicCreateView.as_view(),
    ),
    path(
        "forum/<str:forum_slug>-<int:forum_pk>/topic/<str:slug>-<int:pk>/",
        conversation.TopicView.as_view(),
    ),
    path(
        "forum/<str:forum_slug>-<int:forum_pk>/topic/<str:slug>-<int:pk>/update/",
        conversation.TopicUpdateView.as_view(),
    ),
    path(
        "forum/<str:forum_slug>-<int:forum_pk>/topic/<str:topic_slug>-<int:topic_pk>/post/create/",
        conversation.PostCreateView.as_view(),
    ),
    path(
        "forum/<str:forum_slug>-<int:forum_pk>/topic/<str:topic_slug>-<int:topic_pk>/<int:pk>/post/update/",
        conversation.PostUpdateView.as_view(),
    ),
    path("poll/<int:pk>/vote/", conversation.PollVoteView.as_view()),
    # machina checks only `can_download_file`, not that the reader may read the forum.
    path("attachment/<int:pk>/", attachments.attachment_download),
    # machina's own search (haystack's "simple" backend) gives way to ours.
    path("search/", RedirectView.as_view(pattern_name="community:search", query_string=True)),
    path("member/profile/<str:pk>/", community.MemberProfileView.as_view()),
    path("member/profile/<str:pk>/posts/", community.MemberPostsView.as_view()),
]

community_patterns = [
    path("message/<int:pk>/", community.post_redirect, name="post"),
    path("message/<int:pk>/fragment/", community.post_fragment, name="post_fragment"),
    path("message/<int:pk>/reaction/", community.reaction_toggle, name="reaction_toggle"),
    path("message/<int:pk>/solution/", community.solution_accept, name="solution_accept"),
    path("sujet/<int:pk>/solution/retirer/", community.solution_remove, name="solution_remove"),
    path("message/<int:pk>/signaler/", community.post_report, name="post_report"),
    path("signalements/", community.reports, name="reports"),
    path("signalements/<int:pk>/fermer/", community.reports_resolve, name="reports_resolve"),
    path("sans-reponse/", community.unanswered, name="unanswered"),
    path("categorie/<int:pk>/suivre/", community.forum_follow, name="forum_follow"),
    path("recherche/", community.search, name="search"),
    path("apercu/", community.preview, name="preview"),
    path("membres/suggestions/", community.member_autocomplete, name="member_autocomplete"),
    path("avant-de-publier/", community.before_posting, name="before_posting"),
]


def _machina_patterns():
    """machina's own URLs, as `machina.urls` lays them out, minus its search: that one needs
    django-haystack, which the hub does not install as an app (our search is PostgreSQL's).
    `machina.urls` itself cannot be included, since importing it imports haystack."""
    apps = [
        ("", "forum.urls"),
        ("", "forum_conversation.urls"),
        ("feeds/", "forum_feeds.urls"),
        ("member/", "forum_member.urls"),
        ("moderation/", "forum_moderation.urls"),
        ("tracking/", "forum_tracking.urls"),
    ]
    return [
        re_path(rf"^{prefix}", include(get_class(module, "urlpatterns_factory").urlpatterns))
        for prefix, module in apps
    ]


urlpatterns = [
    *machina_overrides,
    path("", include((community_patterns, "community"), namespace="community")),
    *_machina_patterns(),
]
