from django.apps import AppConfig


class HandoffsConfig(AppConfig):
    name = "fazhi.handoffs"
    verbose_name = "转办衔接"

    def ready(self):
        from fazhi.core import public
        from fazhi.handoffs.services import public_note

        if public_note not in public.TRACK_HOOKS:
            public.TRACK_HOOKS.append(public_note)
