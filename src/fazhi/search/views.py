from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView

from fazhi.search.query import search

MAX_QUERY = 100


class SearchView(LoginRequiredMixin, TemplateView):
    """One box across every ledger of the current township, scoped as each ledger's list."""

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        if self.request.township is None:
            raise PermissionDenied("您的账号尚未分配乡镇，请联系管理员。")
        query = self.request.GET.get("q", "").strip()[:MAX_QUERY]
        words, groups = search(self.request, query) if query else ([], [])
        return {
            **super().get_context_data(**kwargs),
            "title": f"搜索：{query}" if query else "搜索",
            "query": query,
            "words": words,
            "groups": groups,
            "total": sum(g.count for g in groups),
        }
