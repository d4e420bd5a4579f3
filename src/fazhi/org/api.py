from rest_framework import serializers, viewsets

from fazhi.api.base import LedgerSerializer, LedgerViewSet
from fazhi.core import masking
from fazhi.core.access import access_for
from fazhi.org.models import Department, LegalAdvisor, Person, Region
from fazhi.org.views import ORG_ROLES


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


class DepartmentSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = Department
        fields = ("id", "township", "name", "kind", "quota", "version")


class DepartmentViewSet(LedgerViewSet):
    queryset = Department.objects.all()
    serializer_class = DepartmentSerializer
    write_roles = ORG_ROLES


class PersonSerializer(LedgerSerializer):
    phone = serializers.CharField(required=False, allow_blank=True)

    class Meta(LedgerSerializer.Meta):
        model = Person
        fields = ("id", "township", "name", "position", "department", "phone", "active", "version")

    masks = {"phone": masking.mask_phone}


class PersonViewSet(LedgerViewSet):
    queryset = Person.objects.select_related("department")
    serializer_class = PersonSerializer
    write_roles = ORG_ROLES
    filterset_fields = ("department", "active")
    search_fields = ("name", "position")


class AdvisorSerializer(LedgerSerializer):
    class Meta(LedgerSerializer.Meta):
        model = LegalAdvisor
        fields = (
            "id",
            "township",
            "name",
            "firm",
            "kind",
            "serves_township",
            "villages",
            "contract_start",
            "contract_end",
            "version",
        )


class AdvisorViewSet(LedgerViewSet):
    queryset = LegalAdvisor.objects.prefetch_related("villages")
    serializer_class = AdvisorSerializer
    write_roles = ORG_ROLES


def register(router):
    router.register("regions", RegionViewSet, basename="region")
    router.register("departments", DepartmentViewSet)
    router.register("people", PersonViewSet)
    router.register("advisors", AdvisorViewSet)
