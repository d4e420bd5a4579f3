"""The petition page beside its ledgers (ledgers.py): 办结 with the written reply in one step."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404

from fazhi.core.access import require_write
from fazhi.core.text import clauses
from fazhi.core.views import TransitionView, attach
from fazhi.core.workflow import Refused
from fazhi.petitions.ledgers import WRITE_ROLES
from fazhi.petitions.models import REPLY_STEP, Petition
from fazhi.petitions.workflows import WORKFLOW


class PetitionClose(TransitionView):
    """办结: the outcome and the written reply in one step; a refused close keeps no upload."""

    model = Petition
    write_roles = WRITE_ROLES
    workflow = WORKFLOW

    def post(self, request, pk, name="close"):
        record = get_object_or_404(self.scoped(), pk=pk)
        require_write(request.user, record.township, self.write_roles)
        try:
            with transaction.atomic():
                if upload := request.FILES.get("reply"):
                    attach(record, upload, request.user, step=REPLY_STEP, kind="doc")
                WORKFLOW.apply(record, "close", request.user, data=request.POST.dict())
        except Refused as exc:
            messages.error(request, f"操作未执行：{exc}")
        except ValidationError as exc:
            messages.error(request, "操作未执行：" + clauses(exc.messages))
        else:
            messages.success(request, "已办结。")
        return HttpResponseRedirect(record.get_absolute_url())
