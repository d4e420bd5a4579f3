"""Petitions (信访) and government-hotline tickets (12345) — domain.md §3.4, statutes.md §1.1."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models

from fazhi.core.fields import meta, optional_link
from fazhi.core.models import Attachment, Ledger
from fazhi.core.numbering import unique_number
from fazhi.petitions import rules

REPLY_STEP = "reply"  # the attachment step of the written reply (信访处理意见书/答复意见书)


class Petition(Ledger):
    class Channel(models.TextChoices):  # 信访工作条例 art. 17
        ONLINE = "online", "信息网络（网上投诉）"
        LETTER = "letter", "书信（来信）"
        PHONE = "phone", "电话（来电）"
        FAX = "fax", "传真"
        VISIT = "visit", "走访（来访）"

    class Origin(models.TextChoices):
        DIRECT = "direct", "直接受理"
        TRANSFERRED = "transferred", "上级转送"
        ASSIGNED = "assigned", "上级交办"

    class Kind(models.TextChoices):  # arts. 29–31
        SUGGESTION = "suggestion", "建议意见类"
        ACCUSATION = "accusation", "检举控告类"
        CLAIM = "claim", "申诉求决类"

    class LegalRoute(models.TextChoices):
        LITIGATION = "litigation", "诉讼"
        ARBITRATION = "arbitration", "仲裁"
        RECONSIDERATION = "reconsideration", "行政复议"
        OTHER = "other", "其他法定途径"

    class Outcome(models.TextChoices):  # art. 32
        SUPPORT = "support", "支持"
        EXPLAIN = "explain", "解释说明"
        REJECT = "reject", "不予支持"

    class State(models.TextChoices):
        REGISTERED = "registered", "已登记"
        ACCEPTED = "accepted", "已受理"
        LEGAL = "legal", "已导入法律程序"
        NOT_ACCEPTED = "not_accepted", "不予受理"
        CLOSED = "closed", "已办结"

    OPEN_STATES = (State.REGISTERED, State.ACCEPTED)
    # Kept by refresh_dues(), which the actions (petitions.actions) and `fazhi board --rebuild` call.
    stored_dues = ("notice_due", "handling_due")

    number = models.CharField("编号", max_length=20, blank=True, editable=False)
    tracking_code = models.CharField("查询码", max_length=12, blank=True, editable=False, db_index=True)
    received = models.DateField("收到日期", db_index=True)
    channel = models.CharField("信访形式", max_length=10, choices=Channel.choices)
    origin = models.CharField("来源", max_length=12, choices=Origin.choices, default=Origin.DIRECT)
    group_visit = models.BooleanField("多人走访", default=False)
    visitors = models.PositiveIntegerField("来访人数", null=True, blank=True)
    representatives = models.PositiveIntegerField("推选代表人数", null=True, blank=True)
    petitioner = models.CharField("信访人", max_length=100)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    subject = models.CharField("信访事由", max_length=120)
    content = models.TextField("主要诉求")
    kind = models.CharField("事项类别", max_length=12, choices=Kind.choices, default=Kind.CLAIM)
    litigation = models.BooleanField(
        "涉法涉诉", default=False, help_text="应当通过诉讼、仲裁、行政复议等法定途径解决的事项（诉访分离）"
    )
    legal_route = models.CharField("导入的法定途径", max_length=16, choices=LegalRoute.choices, blank=True)
    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.REGISTERED)
    notice_due = models.DateField("受理告知期限", null=True, blank=True, editable=False)
    notice_sent = models.DateField("告知日期", null=True, blank=True)
    accepted_on = models.DateField("受理日期", null=True, blank=True)
    handling_due = models.DateField("办结期限", null=True, blank=True, editable=False, db_index=True)
    extended_on = models.DateField("延期日期", null=True, blank=True, editable=False)
    extension_reason = models.CharField("延期理由", max_length=200, blank=True, editable=False)
    extension_approver = optional_link(
        "org.Person", "延期批准人", on_delete=models.PROTECT, related_name="+", editable=False
    )
    outcome = models.CharField("处理意见", max_length=10, choices=Outcome.choices, blank=True, editable=False)
    replied_on = models.DateField("答复送达日期", null=True, blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True, editable=False, db_index=True)
    review_requested_on = models.DateField("信访人申请复查日期", null=True, blank=True)
    review_replied_on = models.DateField("收到复查意见日期", null=True, blank=True)
    recheck_requested_on = models.DateField("信访人申请复核日期", null=True, blank=True)
    backlog = models.BooleanField("信访积案", default=False)
    backlog_leader = optional_link("org.Person", "包保领导", on_delete=models.PROTECT, related_name="+")
    backlog_plan = models.TextField("化解方案", blank=True)
    backlog_resolved_on = models.DateField("积案化解日期", null=True, blank=True, db_index=True)

    Meta = meta(
        "信访事项",
        "-received",
        "-id",
        township_index=["backlog_resolved_on", "closed_on", "received"],
        constraints=[unique_number("township", "number", name="petition_number_unique")],
    )

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"

    # --- deadlines ----------------------------------------------------------------------------

    @property
    def notice_rule(self):
        return rules.NOTICE_DIRECT if self.origin == self.Origin.DIRECT else rules.NOTICE_ROUTED

    def notice_due_info(self):
        return self.notice_rule.due(self.received)

    def handling_due_info(self):
        """The 60-day handling period, or — once extended — the 30 days added to its last day."""
        if not self.accepted_on:
            return None, None
        due = rules.HANDLING.due(self.accepted_on)
        if self.extended_on:
            return rules.EXTENSION.due(due.date), rules.EXTENSION
        return due, rules.HANDLING

    def deadline_rows(self):
        """(label, Due, Rule, done) for every statutory step that applies now."""
        rows = [
            (
                "受理告知",
                self.notice_due_info(),
                self.notice_rule,
                bool(self.notice_sent or self.state not in self.OPEN_STATES),
            )
        ]
        due, rule = self.handling_due_info()
        if due:
            label = "办结（已延期）" if self.extended_on else "办结"
            rows.append((label, due, rule, self.state == self.State.CLOSED))
        for label, start, rule, done in (
            ("申请复查截止", self.replied_on, rules.REVIEW_REQUEST, bool(self.review_requested_on)),
            ("复查意见", self.review_requested_on, rules.REVIEW_DECISION, bool(self.review_replied_on)),
            ("申请复核截止", self.review_replied_on, rules.RECHECK_REQUEST, bool(self.recheck_requested_on)),
            ("复核意见", self.recheck_requested_on, rules.RECHECK_DECISION, False),
        ):
            if start:
                rows.append((label, rule.due(start), rule, done))
        return rows

    def refresh_dues(self):
        self.notice_due = self.notice_due_info().date
        due, _ = self.handling_due_info()
        self.handling_due = due.date if due else None

    def clean(self):
        errors = []
        limit = rules.GROUP_REPRESENTATIVES
        if self.group_visit:
            if self.channel != self.Channel.VISIT:
                errors.append("多人走访的信访形式应为“走访（来访）”。")
            if not self.representatives:
                errors.append("多人走访须填写推选代表人数。")
            elif self.representatives > limit.maximum:
                errors.append(f"推选代表{self.representatives}人，超过上限（{limit.describe()}）。")
        if self.backlog and not (self.backlog_leader_id and self.backlog_plan.strip()):
            errors.append("信访积案须明确包保领导并填写化解方案。")
        if self.backlog_resolved_on and not self.backlog:
            errors.append("只有信访积案才填写积案化解日期。")
        if self.legal_route and not self.litigation:
            errors.append("只有涉法涉诉事项才填写导入的法定途径。")
        if errors:
            raise ValidationError(errors)

    @property
    def on_time(self) -> bool | None:
        if not self.closed_on or not self.handling_due:
            return None
        return self.closed_on <= self.handling_due

    def reply_documents(self):
        return Attachment.objects.filter(
            content_type__app_label="petitions",
            content_type__model="petition",
            object_id=self.pk,
            step=REPLY_STEP,
        )


class HotlineTicket(Ledger):
    class Category(models.TextChoices):
        CONSULT = "consult", "咨询"
        HELP = "help", "求助"
        COMPLAINT = "complaint", "投诉"
        REPORT = "report", "举报"
        SUGGESTION = "suggestion", "建议"

    class Satisfaction(models.TextChoices):
        SATISFIED = "satisfied", "满意"
        BASIC = "basic", "基本满意"
        UNSATISFIED = "unsatisfied", "不满意"
        NONE = "", "未评价"

    class State(models.TextChoices):
        RECEIVED = "received", "已接收"
        HANDLING = "handling", "办理中"
        REPLIED = "replied", "已回复"

    ticket_no = models.CharField("工单编号", max_length=30)
    received = models.DateField("派单日期", db_index=True)
    due = models.DateField("平台办理时限", null=True, blank=True, help_text="12345平台派单时给出的办结时限")
    category = models.CharField("诉求类型", max_length=12, choices=Category.choices, default=Category.CONSULT)
    caller = models.CharField("来电人", max_length=60)
    phone = models.CharField("来电号码", max_length=20, blank=True)
    content = models.TextField("诉求内容")
    handler = models.CharField("承办人/部门", max_length=60, blank=True)
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.RECEIVED)
    reply = models.TextField("回复内容", blank=True)
    replied_on = models.DateField("回复日期", null=True, blank=True)
    satisfaction = models.CharField("满意度", max_length=12, choices=Satisfaction.choices, blank=True)

    Meta = meta(
        "12345热线工单",
        "-received",
        "-id",
        township_index=["received"],
        unique={"hotline_ticket_unique": ("township", "ticket_no")},
    )

    def __str__(self) -> str:
        return self.ticket_no

    @property
    def overdue(self) -> bool:
        end = self.replied_on or dt.date.today()
        return bool(self.due and end > self.due)
