from fazhi.core.appconfig import FazhiConfig


class ReviewsConfig(FazhiConfig):
    name = "fazhi.reviews"
    verbose_name = "合法性审查"
