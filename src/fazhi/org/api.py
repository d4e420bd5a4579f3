from rest_framework import serializers, viewsets

from fazhi.api.base import LedgerSerializer, serializer_for, viewset_for
from fazhi.core import masking
from fazhi.core.access import access_for
from fazhi.org.members import ORG_ROLES
from fazhi.org.models import Department, LegalAdvisor, Person, Region


class RegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ("id", "name", "kind", "parent", "code")


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    """Townships the user may read, their villages, and the regions above them."""

    serializer_class = RegionSerializer
    filterset_fields = ("kind", "parent")
    search_fields = ("name", "code")

    def get_queryset(self):
        readable = access_for(self.request.user).readable
        regions = Region.objects.filter(pk__in=readable) | Region.objects.filter(parent__in=readable)
        return regions.order_by("code", "id")


DepartmentSerializer = serializer_for(Department, ("name", "kind", "quota"), village=False)


DepartmentViewSet = viewset_for(
    Department, DepartmentSerializer, ORG_ROLES, queryset=Department.objects.all()
)


class PersonSerializer(LedgerSerializer):
    phone = serializers.CharField(required=False, allow_blank=True)

    class Meta(LedgerSerializer.Meta):
        model = Person
        fields = ("id", "township", "name", "position", "department", "phone", "active", "version")

    masks = {"phone": masking.mask_phone}


PersonViewSet = viewset_for(
    Person,
    PersonSerializer,
    ORG_ROLES,
    filters=("department", "active"),
    search=("name", "position"),
    queryset=Person.objects.select_related("department"),
)


AdvisorSerializer = serializer_for(
    LegalAdvisor,
    ("name", "firm", "kind", "serves_township", "villages", "contract_start", "contract_end"),
    village=False,
)


AdvisorViewSet = viewset_for(
    LegalAdvisor, AdvisorSerializer, ORG_ROLES, queryset=LegalAdvisor.objects.prefetch_related("villages")
)


def register(router):
    router.register("regions", RegionViewSet, basename="region")
    router.register("departments", DepartmentViewSet)
    router.register("people", PersonViewSet)
    router.register("advisors", AdvisorViewSet)
