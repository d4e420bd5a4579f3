"""Withdrawing a public entry (the entries, inspections, joint operations and evaluations are declared
in enforcement.ledgers)."""

from fazhi.enforcement import services
from fazhi.enforcement.models import PublicEntry
from fazhi.enforcement.views import RecordAction


class EntryWithdraw(RecordAction):
    model = PublicEntry

    def act(self, request, entry):
        services.withdraw(entry, request.user, reason=request.POST.get("note", ""))
        return "已撤回公示。"
