from fazhi.core.access import access_for
from fazhi.core.tenancy import region_model


class TownshipMiddleware:
    """Sets request.township: the township the user is working in (a county user switches between them)."""

    SESSION_KEY = "fazhi_township"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.township = self.current(request)
        return self.get_response(request)

    def current(self, request):
        if not request.user.is_authenticated:
            return None
        Region = region_model()

        readable = access_for(request.user).readable
        if not readable:
            return None
        wanted = request.session.get(self.SESSION_KEY)
        township_id = wanted if wanted in readable else min(readable)
        return Region.objects.select_related("parent").filter(pk=township_id).first()
