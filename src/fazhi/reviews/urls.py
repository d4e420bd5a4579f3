from fazhi.core.routes import ledger_urls, views_of
from fazhi.core.views import AttachmentUploadView
from fazhi.reviews import views
from fazhi.reviews.models import LegalityReview, PublicComment


class ReviewAttach(views.AdvisorScope, AttachmentUploadView):
    model = LegalityReview
    write_roles = views.WRITE_ROLES


app_name = "reviews"
urlpatterns = [
    *ledger_urls(LegalityReview, **views_of(views, "Review", upload_view=ReviewAttach)),
    *ledger_urls(PublicComment, **views_of(views, "Comment", form_view=views.CommentEdit)),
]
