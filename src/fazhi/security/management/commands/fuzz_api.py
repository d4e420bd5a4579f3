"""A bounded schemathesis pass over the whole REST API, in process, as a township user.

The schema is the one /api/schema/ serves; every operation gets `--examples` generated requests
(Hypothesis), sent through the WSGI application with the user's API token. Any 5xx fails the run.
Run it on a scratch database (`make fuzz` builds one with the demo), never on real data: it writes.
"""

import json
import logging
import time
from collections import Counter

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "接口模糊测试（schemathesis）：以乡镇用户身份对每个接口生成请求，任何 5xx 即失败"

    def add_arguments(self, parser):
        parser.add_argument("--examples", type=int, default=3, help="每个接口生成的请求数")
        parser.add_argument("--user", default="qs_judicial", help="以哪个账号调用")
        parser.add_argument("--seed", type=int, default=None)

    def handle(self, examples, user, seed, **options):
        import schemathesis
        from django.contrib.auth import get_user_model
        from django.core.wsgi import get_wsgi_application
        from drf_spectacular.generators import SchemaGenerator
        from rest_framework.authtoken.models import Token

        logging.getLogger("django.request").setLevel(logging.ERROR)  # the many 4xx are expected
        account = get_user_model().objects.filter(username=user).first()
        if account is None:
            raise CommandError(f"账号 {user} 不存在：先运行 fazhi demo。")
        token, _ = Token.objects.get_or_create(user=account)
        raw = json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True), default=str))
        schema = schemathesis.openapi.from_dict(raw)
        self.app = get_wsgi_application()
        self.headers = {"Authorization": f"Token {token.key}", "Host": "localhost"}
        self.counts, self.statuses, self.errors = Counter(), Counter(), []
        started = time.monotonic()
        for result in schema.get_all_operations():
            self.fuzz(result.ok(), examples, seed)
        total = sum(self.counts.values())
        self.stdout.write(
            f"接口模糊测试：{len(self.counts)} 个接口，{total} 个请求，用时 {time.monotonic() - started:.0f} 秒；"
            f"状态 {dict(sorted(self.statuses.items()))}；服务器错误 {len(self.errors)} 个"
        )
        for line in self.errors[:50]:
            self.stdout.write(f"  {line}")
        if self.errors:
            raise CommandError(f"{len(self.errors)} 个请求得到服务器错误（5xx）或无法生成。")

    def fuzz(self, operation, examples, seed):
        from hypothesis import HealthCheck, Phase, given
        from hypothesis import seed as hypothesis_seed
        from hypothesis import settings as hsettings

        @hsettings(
            max_examples=examples,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def run(case):
            response = case.call(app=self.app, headers=self.headers, base_url="http://localhost")
            self.counts[operation.label] += 1
            self.statuses[response.status_code // 100 * 100] += 1
            if response.status_code >= 500:
                self.errors.append(
                    f"{response.status_code} {case.method} {case.formatted_path} {case.body!r:.200}"
                )

        if seed is not None:
            run = hypothesis_seed(seed)(run)
        try:
            run()
        except Exception as exc:  # a generation problem of one operation must not hide the others
            self.errors.append(f"{operation.label}: {type(exc).__name__}: {str(exc)[:200]}")
