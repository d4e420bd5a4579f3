from fazhi.reviews.ledgers import SPECS

app_name = "reviews"
urlpatterns = [pattern for spec in SPECS for pattern in spec.urls()]
