"""Who may see and change what: every queryset a page or the API shows goes through `scope`.

A user's roles are assignments (user, role, organisation[, village]). Township roles read and write
their township (writes limited by each ledger's roles); a village cadre sees only their village's
records of ledgers that have a village; a county supervisor reads every township of the county and
writes nothing.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied

from fazhi.core.roles import MANAGERS, Role
from fazhi.core.tenancy import region_model, role_assignment_model


@dataclass
class Access:
    superuser: bool = False
    townships: dict[int, set[str]] = field(default_factory=dict)  # township id -> roles there
    villages: dict[int, set[int]] = field(default_factory=dict)  # township id -> villages of a village cadre
    county_townships: set[int] = field(default_factory=set)  # read-only

    @property
    def readable(self) -> set[int]:
        return set(self.townships) | self.county_townships

    def roles_in(self, township_id: int) -> set[str]:
        return self.townships.get(township_id, set())

    def village_only(self, township_id: int) -> set[int] | None:
        """The villages a user is confined to in a township, or None when they see the whole township."""
        roles = self.roles_in(township_id)
        if self.superuser or township_id in self.county_townships or roles - {Role.VILLAGE}:
            return None
        return self.villages.get(township_id) or set()


def access_for(user) -> Access:
    if not user.is_authenticated:
        return Access()
    cached = getattr(user, "_fazhi_access", None)
    if cached is not None:
        return cached
    Region, RoleAssignment = region_model(), role_assignment_model()

    access = Access(superuser=user.is_superuser)
    if user.is_superuser:
        access.townships = {t: set(MANAGERS) for t in Region.objects.townships().values_list("id", flat=True)}
    for assignment in RoleAssignment.objects.filter(user=user).select_related("organisation"):
        org = assignment.organisation
        if assignment.role == Role.COUNTY:
            access.county_townships |= set(
                Region.objects.townships().filter(parent=org).values_list("id", flat=True)
            )
        else:
            access.townships.setdefault(org.id, set()).add(assignment.role)
            if assignment.role == Role.VILLAGE and assignment.village_id:
                access.villages.setdefault(org.id, set()).add(assignment.village_id)
    user._fazhi_access = access
    return access


def scope(queryset, user, township=None):
    """Records of `queryset` the user may read, optionally narrowed to one township.

    A village cadre is confined to their villages in every township where that is their only role,
    whether or not a township is given (the API lists across townships).
    """
    from django.db.models import Q

    access = access_for(user)
    ids = access.readable
    if township is not None:
        ids = ids & {township.id}
    queryset = queryset.filter(township_id__in=ids)
    if not any(f.name == "village" for f in queryset.model._meta.fields):
        return queryset
    confined = {t: access.village_only(t) for t in ids}
    confined = {t: villages for t, villages in confined.items() if villages is not None}
    if not confined:
        return queryset
    allowed = Q(township_id__in=ids - set(confined))
    for township_id, villages in confined.items():
        allowed |= Q(township_id=township_id, village_id__in=villages)
    return queryset.filter(allowed)


def visible_to(queryset, user, township=None):
    """`scope` plus the model's own narrowing: what every page, export, download and API reads.

    A model that an advisor sees only when it is assigned to them names the path to that user in
    `visible_path` (e.g. "advisor__user"): where an account holds only the advisor role, it sees only
    those records. Village confinement is `scope`'s.
    """
    queryset = scope(queryset, user, township)
    path = getattr(queryset.model, "visible_path", None)
    if not path:
        return queryset
    from django.db.models import Q

    access = access_for(user)
    only = {t for t in access.townships if access.roles_in(t) == {Role.ADVISOR}}
    if not only:
        return queryset
    return queryset.filter(~Q(township_id__in=only) | Q(**{path: user}))


def get_record(request, model, pk, write=False, roles=(), township=None, queryset=None):
    """The record `pk` of `model` if the user may read it (404 otherwise, whether it exists or not);
    with `write`, also one they may change (403). Pages pass the current township; the API none."""
    from django.http import Http404

    base = queryset if queryset is not None else model._default_manager.all()
    record = visible_to(base, request.user, township).filter(pk=pk).first() if str(pk).isdigit() else None
    if record is None:
        raise Http404("记录不存在或您无权查看。")
    if write:
        require_write(request.user, record.township, roles, getattr(record, "village", None))
    return record


def can_read(user, township) -> bool:
    return township is not None and township.id in access_for(user).readable


def can_write(user, township, roles=()) -> bool:
    """True when the user holds one of `roles` (or a managing role) in the township."""
    if township is None:
        return False
    held = access_for(user).roles_in(township.id)
    return bool(held & (set(roles) | MANAGERS))


def require_write(user, township, roles=(), village=None) -> None:
    if not can_write(user, township, roles):
        raise PermissionDenied("您没有在本乡镇修改此类记录的权限。")
    villages = access_for(user).village_only(township.id)
    if villages is not None and (village is None or village.id not in villages):
        raise PermissionDenied("村(社区)用户只能登记本村(社区)的记录。")
