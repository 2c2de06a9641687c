"""machina's models into our services: signals connect parts that must not know each other."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post

from cms.models import Theme

from . import categories, services
from .models import ForumCategory


@receiver(pre_save, sender=Post, dispatch_uid="community.post_remember_approval")
def remember_approval(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if instance.pk is None:
        instance._community_was_approved = False
    else:
        was = Post.objects.filter(pk=instance.pk).values_list("approved", flat=True).first()
        instance._community_was_approved = bool(was)


@receiver(post_save, sender=Post, dispatch_uid="community.post_published")
def announce_post(sender, instance, raw=False, **kwargs):
    if raw or not instance.approved:
        return
    if getattr(instance, "_community_was_approved", True):
        return  # an edit of a post already published: nobody is notified again
    instance._community_was_approved = True
    services.post_published(post=instance)


# Category words and themes are cached whole (categories.py): any change drops the cache.
for _model in (ForumCategory, Forum, Theme):
    for _signal in (post_save, post_delete):
        _signal.connect(
            categories.categories_changed,
            sender=_model,
            dispatch_uid=f"community.categories.{_model.__name__}.{_signal is post_save}",
        )
m2m_changed.connect(
    categories.categories_changed,
    sender=ForumCategory.themes.through,
    dispatch_uid="community.categories.themes",
)
