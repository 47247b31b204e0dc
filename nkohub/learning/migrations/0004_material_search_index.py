"""PostgreSQL only: a GIN index over the library's full-text expression, the one the catalogue's search
uses (`to_tsvector('russian', search_text)`, as Django's SearchVector compiles it). SQLite matches the
same terms with LIKE and has nothing to index."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "learning_material_search"


def _index() -> GinIndex:
    return GinIndex(SearchVector("search_text", config="russian"), name=INDEX_NAME)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("learning", "Material"), _index())


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(apps.get_model("learning", "Material"), _index())


class Migration(migrations.Migration):
    dependencies = [("learning", "0003_library_and_recordings")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
