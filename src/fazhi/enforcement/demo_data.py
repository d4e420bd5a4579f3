"""The demo enforcement catalogue for 青山镇: items, officers and parties (used by fazhi.enforcement.demo).

Kept apart from the builder so the data can be read (and checked against the sample report) on its own.
"""

from fazhi.enforcement.models import Domain

ASSIGNED_BY = "江南省人民政府"
ASSIGNMENT_DOC = "江政发〔2022〕18号《关于赋予乡镇(街道)部分县级行政执法权的决定》"
PUNISHMENTS = [
    (
        "对在禁止区域内露天焚烧秸秆、落叶等产生烟尘污染物质的行政处罚",
        Domain.ENVIRONMENT,
        "《中华人民共和国大气污染防治法》第一百一十九条第一款",
    ),
    ("对未经批准擅自建设临时建筑的行政处罚", Domain.LAND, "《中华人民共和国城乡规划法》第六十六条"),
    (
        "对在乡、村庄规划区内未依法取得乡村建设规划许可证进行建设的行政处罚",
        Domain.LAND,
        "《中华人民共和国城乡规划法》第六十五条",
    ),
    (
        "对农村村民未经批准或者采取欺骗手段骗取批准非法占用土地建住宅的行政处罚",
        Domain.LAND,
        "《中华人民共和国土地管理法》第七十八条",
    ),
    (
        "对擅自占用城市道路、公共场所设摊经营的行政处罚",
        Domain.CITY,
        "《城市市容和环境卫生管理条例》第三十六条",
    ),
    (
        "对随意倾倒、抛撒、堆放生活垃圾的行政处罚",
        Domain.CITY,
        "《中华人民共和国固体废物污染环境防治法》第一百一十一条",
    ),
    (
        "对未取得食品小作坊登记证从事食品生产加工的行政处罚",
        Domain.MARKET,
        "《江南省食品小作坊小餐饮及食品摊贩管理条例》第四十条",
    ),
    ("对销售不符合安全标准的农药的行政处罚", Domain.AGRICULTURE, "《农药管理条例》第五十五条"),
    (
        "对在河道管理范围内弃置、堆放阻碍行洪物体的行政处罚",
        Domain.ENVIRONMENT,
        "《中华人民共和国河道管理条例》第四十四条",
    ),
    (
        "对生产经营单位未按规定对从业人员进行安全生产教育和培训的行政处罚",
        Domain.SAFETY,
        "《中华人民共和国安全生产法》第九十七条",
    ),
    (
        "对擅自在街道两侧和公共场地堆放物料、搭建建筑物的行政处罚",
        Domain.CITY,
        "《城市市容和环境卫生管理条例》第三十六条",
    ),
    ("对未经批准擅自砍伐林木的行政处罚", Domain.LAND, "《中华人民共和国森林法》第七十六条"),
]
COERCIONS = [
    (
        "对违法建设的建筑物、构筑物、设施的强制拆除",
        Domain.LAND,
        "《中华人民共和国城乡规划法》第六十八条；《中华人民共和国行政强制法》第四十四条",
    ),
    ("对违法占道经营物品的扣押", Domain.CITY, "《江南省城市管理综合行政执法条例》第二十六条"),
    (
        "对存在重大事故隐患的设施、设备的查封",
        Domain.SAFETY,
        "《中华人民共和国安全生产法》第六十五条第一款第四项",
    ),
    ("对非法采砂船只及机具的扣押", Domain.ENVIRONMENT, "《中华人民共和国河道管理条例》第四十四条"),
    (
        "对不符合安全标准的食品及原料的查封、扣押",
        Domain.MARKET,
        "《中华人民共和国食品安全法》第一百一十条第四项",
    ),
]
INSPECTION_SUBJECTS = [
    ("生产经营单位安全生产", Domain.SAFETY),
    ("人员密集场所消防安全", Domain.SAFETY),
    ("燃气经营和使用场所", Domain.SAFETY),
    ("在建工程施工现场", Domain.CONSTRUCTION),
    ("农村自建房", Domain.CONSTRUCTION),
    ("农村危房改造", Domain.CONSTRUCTION),
    ("道路交通安全", Domain.TRAFFIC),
    ("农村客运和校车", Domain.TRAFFIC),
    ("水上交通安全", Domain.TRAFFIC),
    ("食品小作坊", Domain.MARKET),
    ("农贸市场", Domain.MARKET),
    ("校园周边食品经营", Domain.MARKET),
    ("农药经营", Domain.AGRICULTURE),
    ("畜禽养殖污染防治", Domain.AGRICULTURE),
    ("耕地保护", Domain.LAND),
    ("违法用地", Domain.LAND),
    ("林木采伐", Domain.LAND),
    ("河道采砂", Domain.ENVIRONMENT),
    ("秸秆禁烧", Domain.ENVIRONMENT),
    ("饮用水水源保护区", Domain.ENVIRONMENT),
    ("市容环境卫生", Domain.CITY),
    ("户外广告设置", Domain.CITY),
    ("建筑垃圾处置", Domain.CITY),
    ("文化娱乐场所", Domain.CULTURE),
    ("民宿和农家乐", Domain.CULTURE),
    ("医疗机构和诊所", Domain.HEALTH),
    ("公共场所卫生", Domain.HEALTH),
    ("地质灾害隐患点", Domain.SAFETY),
]
OFFICER_NAMES = [
    "赵刚",
    "冯磊",
    "何平",
    "邹建军",
    "谭文",
    "秦海涛",
    "韦国庆",
    "罗斌",
    "唐亮",
    "蒋卫",
    "沈晨",
    "韩立新",
    "曹勇",
    "彭志华",
    "袁伟",
    "段晓明",
    "雷鸣",
    "侯俊",
    "邵强",
    "孟凡",
    "龚振宇",
    "崔浩",
]
PARTIES = [
    "张建华",
    "李秀兰",
    "王德胜",
    "刘小平",
    "陈国强",
    "杨桂英",
    "青山镇鸿发建材店",
    "江源县绿源农资有限公司",
    "黄春生",
    "周玉梅",
    "吴永福",
    "郑大勇",
    "青山镇老街小吃店",
    "孙有财",
    "马红霞",
    "朱德友",
]
