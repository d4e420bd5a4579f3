"""The county edits the items of its scheme (add, change, delete)."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from fazhi.assessment import services
from fazhi.assessment.forms import ItemForm
from fazhi.assessment.models import Item
from fazhi.assessment.views import SchemeMixin
from fazhi.core.workflow import Refused


class ItemEditView(SchemeMixin, TemplateView):
    template_name = "core/form.html"

    def setup_item(self):
        scheme = self.scheme()
        self.county_only(scheme)
        item_pk = self.kwargs.get("item")
        item = get_object_or_404(Item, scheme=scheme, pk=item_pk) if item_pk else Item(scheme=scheme)
        parent_pk = self.request.GET.get("parent", "")
        parent = Item.objects.filter(scheme=scheme, pk=parent_pk).first() if parent_pk.isdigit() else None
        if item.pk is None:
            item.parent = parent
        return scheme, item, parent

    def render_form(self, scheme, item, form):
        context = self.get_context_data(
            title=f"{'修改' if item.pk else '新增'}考核指标 · {scheme}",
            form=form,
            object=item,
            cancel_url=scheme.get_absolute_url(),
        )
        return self.render_to_response(context)

    def get(self, request, *args, **kwargs):
        scheme, item, parent = self.setup_item()
        return self.render_form(scheme, item, ItemForm(instance=item, scheme=scheme, parent=parent))

    def post(self, request, *args, **kwargs):
        scheme, item, parent = self.setup_item()
        if request.POST.get("delete") and item.pk:
            try:
                services.delete_item(item, request.user)
                messages.success(request, f"已删除指标{item.number}。")
            except Refused as exc:
                messages.error(request, str(exc))
            return HttpResponseRedirect(scheme.get_absolute_url())
        form = ItemForm(request.POST, instance=item, scheme=scheme, parent=parent)
        if not form.is_valid():
            return self.render_form(scheme, item, form)
        services.save_item(form.save(commit=False), request.user)
        messages.success(request, f"已保存指标{form.instance.number}。修改后请重新运行考核计分。")
        return HttpResponseRedirect(scheme.get_absolute_url())
