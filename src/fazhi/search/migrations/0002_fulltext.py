from django.db import migrations


def create_fulltext(apps, schema_editor):
    from fazhi.search import backends

    backends.setup(schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_entries")]

    operations = [migrations.RunPython(create_fulltext, migrations.RunPython.noop)]
