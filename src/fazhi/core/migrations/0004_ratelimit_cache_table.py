from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    # The "ratelimit" cache lives in a table (settings.CACHES); `migrate` is all a deployment runs.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_data_version")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
