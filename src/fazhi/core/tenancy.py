"""The tenancy models as core sees them: org's `Region` (county, township, village) and `RoleAssignment`.

org's models subclass core's `Ledger`, so no core module may import `fazhi.org.models` at load time;
the modules that need a township or a role ask here, by name, at call time. This module imports
nothing of fazhi, so it closes no circle (it replaces five scattered `apps.get_model` calls and
function-level imports of org).
"""

from django.apps import apps


def region_model():
    """org.Region: counties, townships and villages."""
    return apps.get_model("org", "Region")


def role_assignment_model():
    """org.RoleAssignment: (user, role, organisation[, village])."""
    return apps.get_model("org", "RoleAssignment")
