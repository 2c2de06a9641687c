"""Our forum pages and actions. Views parse input, call one service, and render."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_member.views import ForumProfileDetailView, UserPostsView
from machina.conf import settings as machina_settings

from hub.parsing import UrlIdsMixin, require_url_ids
from hub.privacy.models import MemberPrivacy
from hub.privacy.selectors import profile_visible_to
from hub.redirects import safe_next
from hub.templatetags.hub_tags import qc_number

from .. import access, selectors, services, site_search
from ..forms import ReportForm
from ..models import Reaction


def _post(pk) -> Post:
    return get_object_or_404(Post.objects.select_related("topic", "topic__forum", "poster"), pk=pk)


def _back(request, post: Post | None = None, fallback: str = "/"):
    default = services.post_url(post) if post is not None else fallback
    return HttpResponseRedirect(safe_next(request, default))


@require_GET
def post_redirect(request, pk: int):
    """A short, stable link to a message (the topic's slug may change). The redirect names
    the topic (its slug is its title): only to those who may read the message; visitors
    sign in first, coming back to this link, and members get a plain 404."""
    post = _post(pk)
    if not access.can_read_post(
        post=post, user=request.user, handler=request.forum_permission_handler
    ):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    return HttpResponseRedirect(services.post_url(post))


@login_required
@require_GET
def post_fragment(request, pk: int):
    """One published reply as the topic page shows it, for the live "new reply" bar."""
    from .machina import reaction_summary

    post = _post(pk)
    try:
        access.check_can_read_post(post=post, user=request.user)
    except services.ForumError as error:
        raise PermissionDenied(str(error)) from None
    topic = post.topic
    post.community_reactions_summary = reaction_summary([post.pk], request.user)[post.pk]
    post.community_is_solution = False
    post.community_is_head = post.pk == topic.first_post_id
    return render(
        request,
        "community/post.html",
        {
            "post": post,
            "topic": topic,
            "forum": topic.forum,
            "user_can_add_post": request.forum_permission_handler.can_add_post(topic, request.user),
        },
    )


@login_required
@require_POST
def reaction_toggle(request, pk: int):
    post = _post(pk)
    kind = request.POST.get("kind", "")
    try:
        added = services.reaction_toggle(post=post, user=request.user, kind=kind)
    except services.ForumError as error:
        if request.headers.get("accept", "").startswith("application/json"):
            return JsonResponse({"error": str(error)}, status=400)
        messages.error(request, str(error))
        # A post you may not read: do not send the member to it.
        return _back(request, None, fallback="/")
    if request.headers.get("accept", "").startswith("application/json"):
        count = Reaction.objects.filter(post=post, kind=kind).count()
        return JsonResponse({"added": added, "count": count, "kind": kind})
    return _back(request, post)


@login_required
@require_POST
def solution_accept(request, pk: int):
    post = _post(pk)
    try:
        services.topic_accept_answer(post=post, by=request.user)
    except services.ForumError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("This reply is now the solution of the topic."))
    return _back(request, post)


@login_required
@require_POST
def solution_remove(request, pk: int):
    topic = get_object_or_404(Topic.objects.select_related("forum"), pk=pk)
    try:
        services.topic_unaccept_answer(topic=topic, by=request.user)
    except services.ForumError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The topic no longer has a solution."))
    first = topic.first_post or topic.posts.first()
    return _back(request, first)


@login_required
def post_report(request, pk: int):
    post = _post(pk)
    try:
        access.check_can_report(post=post, user=request.user)
    except services.ForumError as error:
        raise PermissionDenied(str(error)) from None
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_report(post=post, user=request.user, reason=form.cleaned_data["reason"])
        except services.ForumError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you. The moderators will look at this message."))
        return _back(request, post)
    return render(
        request,
        "community/post_report.html",
        {"form": form, "post": post, "topic": post.topic, "forum": post.topic.forum},
    )


@login_required
def reports(request):
    if not access.can_see_reports(user=request.user):
        raise PermissionDenied
    page = Paginator(selectors.open_reports(user=request.user), 20).get_page(
        request.GET.get("page")
    )
    by_post = {}
    for report in selectors.reports_for(p.pk for p in page):
        by_post.setdefault(report.post_id, []).append(report)
    for post in page:
        post.open_report_rows = by_post.get(post.pk, [])
    return render(request, "community/reports.html", {"page": page})


@login_required
@require_POST
def reports_resolve(request, pk: int):
    post = _post(pk)
    try:
        count = services.reports_resolve(post=post, by=request.user)
    except services.ForumError as error:
        raise PermissionDenied(str(error)) from None
    messages.success(
        request,
        ngettext("%(count)s report closed.", "%(count)s reports closed.", count)
        % {"count": qc_number(count)},
    )
    return HttpResponseRedirect(safe_next(request, reverse("community:reports")))


@require_GET
def unanswered(request):
    handler = getattr(request, "forum_permission_handler", None)
    topics = selectors.unanswered_topics(user=request.user, handler=handler)
    page = Paginator(topics, 20).get_page(request.GET.get("page"))
    return render(request, "community/unanswered.html", {"page": page, "topics": page})


@require_GET
def search(request):
    """One result per topic (its best matching post), 20 per page, in the forums the member
    may read. Bad input never fails: an empty query shows how to search, a long one is cut,
    `page` out of range or not a number gives the nearest page."""
    query, shortened = selectors.clean_search_query(request.GET.get("q"))
    page = page_range = None
    if query:
        results = selectors.TopicSearch(
            query=query,
            user=request.user,
            handler=getattr(request, "forum_permission_handler", None),
        )
        paginator = Paginator(results, selectors.SEARCH_PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        page_range = paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return render(
        request,
        "community/search.html",
        {
            "query": query,
            "shortened": shortened,
            "max_length": selectors.MAX_QUERY_LENGTH,
            "page": page,
            "page_range": page_range,
        },
    )


@login_required
@require_POST
def preview(request):
    """The editor's preview: the same renderer and sanitiser as a published post."""
    from ..markup import render

    try:
        services.preview_check_allowed(user=request.user)
    except services.ForumError as error:
        return JsonResponse({"error": str(error)}, status=429)
    text = request.POST.get("text", "")[: services.MAX_POST_LENGTH]
    return JsonResponse({"html": render(text)})


@login_required
@require_GET
def member_autocomplete(request):
    """Suggestions for @mentions: "Name — organization (@handle)", never an email address.
    The organization is shown only where the member's profile is visible to the viewer."""
    term = request.GET.get("q", "").strip().lstrip("@")
    if len(term) < 2:
        return JsonResponse({"results": []})
    members = list(
        get_user_model()
        .objects.filter(
            Q(handle__istartswith=term)
            | Q(display_name__istartswith=term)
            | Q(first_name__istartswith=term),
            is_active=True,
            deleted_at__isnull=True,
            handle__isnull=False,
        )
        .exclude(pk=request.user.pk)
        .select_related("organisation")
        .order_by("handle")[:8]
    )
    if request.user.is_staff:
        open_profiles = {m.pk for m in members}
    else:
        open_profiles = set(
            MemberPrivacy.objects.filter(
                user__in=members, profile_visibility=MemberPrivacy.Visibility.MEMBERS
            ).values_list("user_id", flat=True)
        )
    results = []
    for member in members:
        organisation = (
            member.organisation.name if member.organisation and member.pk in open_profiles else ""
        )
        name = member.get_public_name()
        label = f"{name} — {organisation}" if organisation else name
        results.append(
            {
                "id": member.pk,
                "name": name,
                "organisation": organisation,
                "handle": member.handle,
                "label": f"{label} (@{member.handle})",
            }
        )
    return JsonResponse({"results": results})


class MemberProfileView(UrlIdsMixin, ForumProfileDetailView):
    """machina's profile page, plus organisation, region and solutions given — only for
    those the member lets see it (private by default, Loi 25: hub.privacy.selectors).
    Otherwise the page shows the public name and says the profile is private."""

    def get_queryset(self):
        return super().get_queryset().select_related("organisation__region")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        member = self.object.user
        context["member"] = member
        context["profile_private"] = not profile_visible_to(member, viewer=self.request.user)
        if context["profile_private"]:
            context["recent_posts"] = []
        else:
            context.update(selectors.member_stats(member=member))
            # machina lists approved posts, even those of a topic still held.
            recent = access.readable_posts(
                Post.approved_objects.filter(poster=member),
                user=self.request.user,
                handler=self.request.forum_permission_handler,
            )
            context["recent_posts"] = recent.select_related("topic", "topic__forum").order_by(
                "-created"
            )[: machina_settings.PROFILE_RECENT_POSTS_NUMBER]
        return context


class MemberPostsView(UserPostsView):
    """machina's list of a member's messages, under the same privacy rule as the profile."""

    def dispatch(self, request, *args, **kwargs):
        require_url_ids(kwargs)  # "abc", "²" or 5,000 digits: a 404, not a 500
        if not profile_visible_to(self.poster, viewer=request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        # machina's list holds every post of the member, held ones included.
        return access.readable_posts(
            super().get_queryset(),
            user=self.request.user,
            handler=self.request.forum_permission_handler,
        )


@login_required
@require_POST
def forum_follow(request, pk: int):
    """Follow a whole forum, or stop following it (a form button; works without JS)."""
    forum = get_object_or_404(Forum, pk=pk)
    try:
        following = services.forum_follow_toggle(forum=forum, user=request.user)
    except services.ForumError as error:
        messages.error(request, str(error))
        raise Http404 from None
    if following:
        messages.success(request, _("You follow this forum: you will hear of every new question."))
    else:
        messages.info(request, _("You no longer follow this forum."))
    return HttpResponseRedirect(reverse("forum:forum", args=[forum.slug, forum.pk]))


@login_required
@require_GET
def before_posting(request):
    """The "Before posting" suggestions for a question's title being typed (the new-question
    form's script asks as the title is typed): resources and solved discussions, as JSON
    text (the script writes it with textContent, never as HTML)."""
    found = site_search.before_posting(request=request, title=request.GET.get("q", "")[:400])
    return JsonResponse(
        {key: [{"title": hit.title, "url": hit.url} for hit in hits] for key, hits in found.items()}
    )
