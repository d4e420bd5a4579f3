from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "fazhi.education"
    label = "education"
    verbose_name = "普法与学法"
    nav = [
        ("普法宣传活动", "education:outreachactivity_list", "megaphone"),
        ("普法主题日历", "education:calendar", "calendar-event"),
        ("学法活动", "education:studysession_list", "book"),
        ("法治理论考试", "education:exam_list", "pencil-square"),
        ("法律明白人", "education:legalliaison_list", "person-check"),
        ("普法积分", "education:pointsentry_list", "star"),
        ("民主法治示范村", "education:modelvillage_list", "award"),
    ]
