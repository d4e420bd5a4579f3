from fazhi.disputes.ledgers import SPECS

app_name = "disputes"
urlpatterns = [url for spec in SPECS for url in spec.urls()]
