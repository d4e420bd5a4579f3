from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.views.decorators.http import require_POST

from fazhi.core.access import access_for
from fazhi.core.middleware import TownshipMiddleware


@login_required
@require_POST
def switch_township(request):
    """A county user (or anyone with several townships) picks the township they work in."""
    wanted = request.POST.get("township", "")
    if wanted.isdigit() and int(wanted) in access_for(request.user).readable:
        request.session[TownshipMiddleware.SESSION_KEY] = int(wanted)
    return HttpResponseRedirect(request.POST.get("next") or "/")


def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"ok": True})
