"""The hand-off pages: one form, one action (the services do the work and the checks)."""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from fazhi.core.access import scope
from fazhi.core.text import clauses
from fazhi.core.workflow import Refused
from fazhi.handoffs import services

ROUTES = [("reconsideration", "行政复议"), ("litigation", "行政诉讼")]


def _record(request, label, pk):
    model = apps.get_model(label)
    return get_object_or_404(scope(model.objects.all(), request.user, request.township), pk=pk)


def _run(request, action, record, template, extra):
    error = ""
    if request.method == "POST":
        try:
            target = action()
        except (Refused, ValidationError) as exc:
            error = clauses(getattr(exc, "messages", None) or [str(exc)])
        else:
            messages.success(request, f"已转办：{target}")
            return HttpResponseRedirect(target.get_absolute_url())
    return render(
        request, template, {"title": "转办", "record": record, "error": error, "post": request.POST, **extra}
    )


@login_required
@require_http_methods(["GET", "POST"])
def dispute_to_petition(request, pk):
    dispute = _record(request, "disputes.Dispute", pk)
    return _run(
        request,
        lambda: services.dispute_to_petition(dispute, request.user, request.POST.get("note", "")),
        dispute,
        "handoffs/dispute.html",
        {},
    )


@login_required
@require_http_methods(["GET", "POST"])
def petition_to_litigation(request, pk):
    petition = _record(request, "petitions.Petition", pk)
    return _run(
        request,
        lambda: services.petition_to_litigation(
            petition,
            request.user,
            request.POST.get("route", ""),
            request.POST.get("organ", ""),
            request.POST.get("note", ""),
        ),
        petition,
        "handoffs/petition.html",
        {"routes": ROUTES},
    )
