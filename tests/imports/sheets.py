"""Workbooks as townships keep them: a merged title row, their own column names, merged village cells."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

HEADERS = [
    "序号",
    "登记时间",
    "所属村",
    "纠纷类别",
    "当事人姓名",
    "简要情况",
    "调解人",
    "办理状态",
    "办结时间",
    "调解结果",
    "协议生效日期",
    "化解层级",
]


def dispute_rows(villages, mediator, bad=True):
    """Seven disputes; with `bad`, rows 5, 7 and 9 (Excel numbering) each have one bad cell."""
    v1, v2 = villages[0].name, villages[1].name
    rows = [
        [1, "2025.3.5", v1, "邻里纠纷", "张三、李四", "排水沟堵塞引发争执", "", "", "", "", "", ""],
        [2, "2025年3月8日", None, "婚姻家庭", "王五、赵六", "家庭琐事", "", "", "", "", "", ""],
        [
            3,
            "2025/3/9" if not bad else "2025/2/30",
            v2,
            "土地/山林权属",
            "孙七",
            "承包地界址",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [4, "2025-03-12", None, "劳资纠纷", "周八", "拖欠工资", "", "", "", "", "", ""],
        [
            5,
            "2025.4.1",
            v1,
            "合同纠纷" if not bad else "买卖纠纷",
            "吴九",
            "装修合同",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            6,
            "2025.4.2",
            v2,
            "邻里纠纷",
            "郑十",
            "通行道路",
            mediator.name,
            "调解成功",
            "2025.4.20",
            "达成书面调解协议",
            "2025.4.20",
            "村",
        ],
        [7, "2025.4.3", v1 if not bad else "不存在村", "其他", "钱一", "堆放杂物", "", "", "", "", "", ""],
    ]
    return rows


def dispute_workbook(villages, mediator, bad=True) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "2025年矛盾纠纷台账"
    sheet.append(["青山镇2025年矛盾纠纷排查调处台账"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append(HEADERS)
    for row in dispute_rows(villages, mediator, bad):
        sheet.append(row)
    # Rows 3-4 share a village (merged C3:C4), as do rows 5-6 (C5:C6): rows 4 and 6 leave it blank.
    sheet.merge_cells("C3:C4")
    sheet.merge_cells("C5:C6")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(data: bytes, name="矛盾纠纷台账.xlsx"):
    return SimpleUploadedFile(name, data)
