from fazhi.litigation.ledgers import SPECS

app_name = "litigation"
urlpatterns = [pattern for spec in SPECS for pattern in spec.urls()]
