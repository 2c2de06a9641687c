"""machina's models into our services: signals connect parts that must not know each other."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from machina.apps.forum_conversation.models import Post

from . import services


@receiver(pre_save, sender=Post, dispatch_uid="community.post_remember_approval")
def remember_approval(sender, instance, raw=False, **kwargs):
    if raw:
        return
    instance._community_is_new = instance.pk is None
    if instance.pk is None:
        instance._community_was_approved = False
    else:
        was = Post.objects.filter(pk=instance.pk).values_list("approved", flat=True).first()
        instance._community_was_approved = bool(was)


@receiver(post_save, sender=Post, dispatch_uid="community.post_published")
def announce_post(sender, instance, raw=False, **kwargs):
    if raw:
        return
    is_new = getattr(instance, "_community_is_new", False)
    instance._community_is_new = False
    if not instance.approved:
        if is_new:  # saved waiting for a moderator: they hear of it once
            services.post_held(post=instance)
        return
    if getattr(instance, "_community_was_approved", True):
        return  # an edit of a post already published: nobody is notified again
    instance._community_was_approved = True
    services.post_published(post=instance, approved_later=not is_new)
