from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "fazhi.reviews"
    label = "reviews"
    verbose_name = "合法性审查"
    nav = [
        ("合法性审查", "reviews:legalityreview_list", "shield-check"),
        ("公众意见", "reviews:publiccomment_list", "chat-left-text"),
    ]
