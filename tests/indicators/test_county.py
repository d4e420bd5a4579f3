"""The county comparison: every figure, cells opening a township's records, year-on-year, Excel."""

import io

import openpyxl
from django.urls import reverse

from fazhi.core.roles import Role
from fazhi.indicators.registry import REGISTRY


def test_cells_open_the_records_of_that_township(world, client_for):
    county = client_for(Role.COUNTY)
    other = world.other_townships[0]
    page = county.get(reverse("indicators:compare") + "?section=org&year=2025").content.decode()
    cell = reverse("indicators:township_records", args=["org.villages_all", other.pk])
    assert f'href="{cell}?year=2025"' in page
    records = county.get(cell + "?year=2025").content.decode()
    assert "绿水村" in records and "青山村" not in records
    # a township reads its own cells only
    township = client_for(Role.JUDICIAL)
    assert township.get(cell).status_code == 404
    own = reverse("indicators:township_records", args=["org.villages_all", world.township.pk])
    assert township.get(own).status_code == 200


def test_every_figure_year_on_year_and_excel(world, client_for):
    county = client_for(Role.COUNTY)
    page = county.get(reverse("indicators:compare") + "?section=all&yoy=1&year=2025").content.decode()
    assert page.count("（上年") == len(REGISTRY) * 4
    response = county.get(reverse("indicators:compare") + "?section=all&yoy=1&year=2025&export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    assert len(header) == 1 + 2 * len(REGISTRY)
    assert header[1].endswith("2025") and header[2].endswith("2024")
    assert sheet.max_row == 5
