"""Every entry's words begin with its township's token (search.backends.township_token), so that the
full-text index narrows to one township first. Existing entries get it in place (the FTS5 triggers
carry the update on SQLite; the GIN index follows on PostgreSQL): no rebuild needed."""

from django.db import migrations

ADD = "UPDATE search_searchentry SET words = ' fzt' || township_id || words WHERE words NOT LIKE ' fzt%%'"
DROP = (
    "UPDATE search_searchentry SET words = substr(words, length(' fzt' || township_id) + 1) "
    "WHERE words LIKE ' fzt%%'"
)


def forwards(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(ADD)


def backwards(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_drop_url")]

    operations = [migrations.RunPython(forwards, backwards)]
