"""Events from other apps that notify someone: a review opinion arrived, a petition or a public
comment came in. Connected by model label, so this app imports no ledger app."""

from django.apps import apps
from django.db.models.signals import post_save

from fazhi.core.roles import Role


def township_users(township_id, roles):
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(roles__organisation_id=township_id, roles__role__in=roles, is_active=True)
        .distinct()
    )


def review_concluded(sender, instance, created, raw=False, **kwargs):
    from fazhi.notify.services import notify

    if raw or instance.state != "concluded" or instance.created_by_id is None:
        return
    notify(
        instance.created_by,
        "review",
        instance,
        f"合法性审查“{instance}”已出具审查意见：{instance.get_conclusion_display() or '见审查记录'}。",
        key=f"review:{instance.pk}:{instance.concluded_on}",
    )


def public_comment(sender, instance, created, raw=False, **kwargs):
    from fazhi.notify.services import notify

    if raw or not created:
        return
    subject = instance.subject
    owner = getattr(subject, "created_by", None)
    users = [owner] if owner else township_users(instance.township_id, [Role.JUDICIAL])
    for user in users:
        notify(
            user,
            "public",
            instance,
            f"收到对《{instance.subject_title}》的公众意见。",
            key=f"comment:{instance.pk}",
        )


def petition_in(sender, instance, created, raw=False, **kwargs):
    from fazhi.notify.services import notify

    if raw or not created or instance.created_by_id is not None:
        return  # registered by staff: they know already; only what the public submitted is news
    for user in township_users(instance.township_id, [Role.PETITION]) or township_users(
        instance.township_id, [Role.JUDICIAL]
    ):
        notify(
            user, "public", instance, f"收到群众网上信访：{instance.subject}", key=f"petition:{instance.pk}"
        )


def connect() -> None:
    for label, handler in (
        ("reviews.LegalityReview", review_concluded),
        ("reviews.PublicComment", public_comment),
        ("petitions.Petition", petition_in),
    ):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        post_save.connect(handler, sender=model, dispatch_uid=f"fazhi.notify.{label}")
