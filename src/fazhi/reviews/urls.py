from fazhi.core.views import AttachmentUploadView, ledger_urls
from fazhi.reviews import views
from fazhi.reviews.models import LegalityReview, PublicComment


class ReviewAttach(views.AdvisorScope, AttachmentUploadView):
    model = LegalityReview
    write_roles = views.WRITE_ROLES


app_name = "reviews"
urlpatterns = [
    *ledger_urls(
        LegalityReview,
        list_view=views.ReviewList,
        detail_view=views.ReviewDetail,
        form_view=views.ReviewForm,
        transition_view=views.ReviewTransition,
        upload_view=ReviewAttach,
    ),
    *ledger_urls(
        PublicComment,
        list_view=views.CommentList,
        detail_view=views.CommentDetail,
        form_view=views.CommentEdit,
    ),
]
