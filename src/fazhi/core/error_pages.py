"""Error pages in Chinese, inside the shell (menu, township, account), saying why and where to go.

A 403 shows the guard's own words (the PermissionDenied message). The 500 page is drawn with the
shell when it can be and falls back to a page that needs nothing (no database, no context
processors), since whatever failed may fail again while drawing the shell.
"""

import logging

from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

TEMPLATE = "core/error.html"
PAGES = {
    400: ("请求有误", "提交的内容无法处理（格式不对或已过期）。请返回上一页重新操作。"),
    403: ("无权访问", "您的账号没有查看或办理此项的权限。"),
    404: ("页面不存在", "要找的页面或记录不存在，或不在您可查看的范围内（其他乡镇、其他村(社区)的记录）。"),
    500: ("系统出错", "系统处理时出错，已记录，管理员会尽快处理。您填写的内容未保存，请稍后重试。"),
}
CSRF_REASON = "页面已过期或来自其他网站，为保护您的账号，本次提交未执行。请刷新页面后重新提交。"
FALLBACK = (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title} · 法治</title></head>'
    '<body><h1>{title}</h1><p>{text}</p><p><a href="/">返回工作台</a></p></body></html>'
)


def render_error(request, status: int, reason: str = "") -> HttpResponse:
    title, text = PAGES[status]
    context = {"status": status, "title": title, "text": text, "reason": reason}
    try:
        body = loader.render_to_string(TEMPLATE, context, request=request)
    except Exception:  # the shell itself failed: a page that needs nothing
        logger.exception("error page %s could not be drawn in the shell", status)
        body = FALLBACK.format(title=title, text=text)
    return HttpResponse(body, status=status)


def _message(exception) -> str:
    message = str(exception) if exception is not None else ""
    # Django's own exceptions carry English text meant for logs, not users.
    return message if any("\u4e00" <= ch <= "\u9fff" for ch in message) else ""


def bad_request(request, exception=None):
    return render_error(request, 400, _message(exception))


def permission_denied(request, exception=None):
    return render_error(request, 403, _message(exception))


def page_not_found(request, exception=None):
    return render_error(request, 404)


def server_error(request):
    return render_error(request, 500)


def csrf_failure(request, reason=""):
    return render_error(request, 403, CSRF_REASON)
