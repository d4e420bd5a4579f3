"""Delivery beyond the inbox: e-mail (Django's mail framework) and group robots (企业微信, 钉钉).

Robot formats (both accept markdown):
- 企业微信: {"msgtype": "markdown", "markdown": {"content": "..."}}
- 钉钉:     {"msgtype": "markdown", "markdown": {"title": "...", "text": "..."}}
"""

import json
import logging
import urllib.request

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger("fazhi.worker")


def preference(user):
    from fazhi.notify.models import Preference

    try:
        return user.notify_preference
    except Preference.DoesNotExist:
        return Preference(user=user)


def wants_external(user) -> bool:
    pref = preference(user)
    return bool((pref.email and user.email) or (pref.webhook and pref.webhook_url))


def absolute(url: str) -> str:
    return f"{settings.FAZHI_SITE_URL.rstrip('/')}{url}" if url.startswith("/") else url


def robot_payload(kind: str, title: str, text: str, url: str) -> dict:
    body = f"### {title}\n{text}"
    if url:
        body += f"\n\n[查看详情]({absolute(url)})"
    if kind == "dingtalk":
        return {"msgtype": "markdown", "markdown": {"title": title, "text": body}}
    return {"msgtype": "markdown", "markdown": {"content": body}}


def post_json(url: str, payload: dict) -> None:
    request = urllib.request.Request(
        url,
        data=json.dumps(payload, ensure_ascii=False).encode(),
        headers={"Content-Type": "application/json; charset=utf-8"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=settings.FAZHI_WEBHOOK_TIMEOUT) as response:
        response.read()


def deliver(notification) -> list[str]:
    """Send a notification on the user's e-mail and robot channels (each once); returns those used."""
    user = notification.user
    pref = preference(user)
    used = []
    if pref.email and user.email and notification.emailed_at is None:
        body = notification.text
        if notification.url:
            body += f"\n\n查看：{absolute(notification.url)}"
        send_mail(f"【法治平台】{notification.title}", body, None, [user.email])
        notification.emailed_at = timezone.now()
        used.append("email")
    if pref.webhook and pref.webhook_url and notification.webhooked_at is None:
        try:
            post_json(
                pref.webhook_url,
                robot_payload(pref.webhook, notification.title, notification.text, notification.url),
            )
            notification.webhooked_at = timezone.now()
            used.append("webhook")
        except OSError as exc:  # the robot is down: the inbox has it; log and go on
            logger.warning("群机器人推送失败（%s）：%s", user, exc)
    if used:
        notification.save(update_fields=["emailed_at", "webhooked_at"])
    return used


@task()
def deliver_task(notification_id: int) -> list[str]:
    from fazhi.notify.models import Notification

    notification = Notification.objects.select_related("user").filter(pk=notification_id).first()
    return deliver(notification) if notification else []


def deliver_later(notification_id: int) -> None:
    deliver_task.enqueue(notification_id)
