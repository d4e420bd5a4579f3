from fazhi.core.appconfig import FazhiConfig


class PetitionsConfig(FazhiConfig):
    name = "fazhi.petitions"
    verbose_name = "信访与热线"
