"""Names other apps' pages use; the review ledgers themselves are declared in reviews.ledgers."""

from fazhi.core.roles import Role
from fazhi.core.views import TransitionView

WRITE_ROLES = (Role.ADVISOR,)  # plus the judicial office and admins (core.roles.MANAGERS)


class AdvisorScope:
    """A legal advisor (who holds no other role in the township) sees only the reviews assigned to
    them: LegalityReview.visible_path, applied by core.access.visible_to. Kept as a name."""


def with_user(view, request) -> dict:
    """A transition page's `transition_data` (LedgerSpec extra) for effects that create records in the
    acting user's name (data["user"]), e.g. a transition that sends the record for legality review."""
    return {**TransitionView.transition_data(view, request), "user": request.user}


USER_TRANSITION = {"transition": {"transition_data": with_user}}
