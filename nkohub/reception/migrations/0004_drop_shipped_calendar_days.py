"""Drop the production calendar's rows shipped with the code for 2025 and 2026; keep the operators' ones.

Until now `reception/reference.py` loaded hand-typed tables for 2025 and 2026 into `CalendarDay`. The base
calendar now comes from the `holidays` package (its 2025 and 2026 days are the same as those tables), and
`CalendarDay` holds only operators' overrides. A row exactly as shipped (date, kind, description and
source) was never touched by an operator — the loader never overwrote a row — so it is deleted; a row an
operator added or changed stays as an override. Reversing restores the shipped rows that are missing.
"""

from datetime import date

from django.db import migrations

SHIPPED = (
    ('2025-01-01', 'holiday', 'Новогодние каникулы', 'ТК РФ ст. 112'),
    ('2025-01-02', 'holiday', 'Новогодние каникулы', 'ТК РФ ст. 112'),
    ('2025-01-03', 'holiday', 'Новогодние каникулы', 'ТК РФ ст. 112'),
    ('2025-01-04', 'holiday', 'Новогодние каникулы (выходной перенесён на 2 мая)', 'ТК РФ ст. 112'),
    ('2025-01-05', 'holiday', 'Новогодние каникулы (выходной перенесён на 31 декабря)', 'ТК РФ ст. 112'),
    ('2025-01-06', 'holiday', 'Новогодние каникулы', 'ТК РФ ст. 112'),
    ('2025-01-07', 'holiday', 'Рождество Христово', 'ТК РФ ст. 112'),
    ('2025-01-08', 'holiday', 'Новогодние каникулы', 'ТК РФ ст. 112'),
    ('2025-02-23', 'holiday', 'День защитника Отечества (выходной перенесён на 8 мая)', 'ТК РФ ст. 112'),
    ('2025-03-08', 'holiday', 'Международный женский день (выходной перенесён на 13 июня)', 'ТК РФ ст. 112'),
    ('2025-05-01', 'holiday', 'Праздник Весны и Труда', 'ТК РФ ст. 112'),
    ('2025-05-02', 'holiday', 'Перенесённый выходной (с 4 января)', 'Постановление Правительства РФ от 04.10.2024 № 1335'),
    ('2025-05-08', 'holiday', 'Перенесённый выходной (с 23 февраля)', 'Постановление Правительства РФ от 04.10.2024 № 1335'),
    ('2025-05-09', 'holiday', 'День Победы', 'ТК РФ ст. 112'),
    ('2025-06-12', 'holiday', 'День России', 'ТК РФ ст. 112'),
    ('2025-06-13', 'holiday', 'Перенесённый выходной (с 8 марта)', 'Постановление Правительства РФ от 04.10.2024 № 1335'),
    ('2025-11-01', 'working', 'Рабочая суббота (выходной перенесён на 3 ноября)', 'Постановление Правительства РФ от 04.10.2024 № 1335'),
    ('2025-11-03', 'holiday', 'Перенесённый выходной (с 1 ноября)', 'Постановление Правительства РФ от 04.10.2024 № 1335'),
    ('2025-11-04', 'holiday', 'День народного единства', 'ТК РФ ст. 112'),
    ('2025-12-31', 'holiday', 'Перенесённый выходной (с 5 января)', 'Постановление Правительства РФ от 04.10.2024 № 1335'),
    ('2026-01-01', 'holiday', 'Новогодние каникулы', 'ТК РФ ст. 112'),
    ('2026-01-02', 'holiday', 'Новогодние каникулы', 'ТК РФ ст. 112'),
    ('2026-01-03', 'holiday', 'Новогодние каникулы (выходной перенесён на 9 января)', 'ТК РФ ст. 112'),
    ('2026-01-04', 'holiday', 'Новогодние каникулы (выходной перенесён на 31 декабря)', 'ТК РФ ст. 112'),
    ('2026-01-05', 'holiday', 'Новогодние каникулы', 'ТК РФ ст. 112'),
    ('2026-01-06', 'holiday', 'Новогодние каникулы', 'ТК РФ ст. 112'),
    ('2026-01-07', 'holiday', 'Рождество Христово', 'ТК РФ ст. 112'),
    ('2026-01-08', 'holiday', 'Новогодние каникулы', 'ТК РФ ст. 112'),
    ('2026-01-09', 'holiday', 'Перенесённый выходной (с 3 января)', 'Постановление Правительства РФ от 24.09.2025 № 1466'),
    ('2026-02-23', 'holiday', 'День защитника Отечества', 'ТК РФ ст. 112'),
    ('2026-03-08', 'holiday', 'Международный женский день (выпадает на воскресенье)', 'ТК РФ ст. 112'),
    ('2026-03-09', 'holiday', 'Выходной за 8 марта, выпавшее на воскресенье', 'ТК РФ ст. 112'),
    ('2026-05-01', 'holiday', 'Праздник Весны и Труда', 'ТК РФ ст. 112'),
    ('2026-05-09', 'holiday', 'День Победы (выпадает на субботу)', 'ТК РФ ст. 112'),
    ('2026-05-11', 'holiday', 'Выходной за 9 мая, выпавшее на субботу', 'ТК РФ ст. 112'),
    ('2026-06-12', 'holiday', 'День России', 'ТК РФ ст. 112'),
    ('2026-11-04', 'holiday', 'День народного единства', 'ТК РФ ст. 112'),
    ('2026-12-31', 'holiday', 'Перенесённый выходной (с 4 января)', 'Постановление Правительства РФ от 24.09.2025 № 1466'),
)


def drop_shipped_days(apps, schema_editor):
    CalendarDay = apps.get_model("reception", "CalendarDay")
    for day, kind, description, source in SHIPPED:
        CalendarDay.objects.filter(
            day=date.fromisoformat(day), kind=kind, description=description, source=source
        ).delete()


def restore_shipped_days(apps, schema_editor):
    CalendarDay = apps.get_model("reception", "CalendarDay")
    for day, kind, description, source in SHIPPED:
        CalendarDay.objects.get_or_create(
            day=date.fromisoformat(day),
            defaults={"kind": kind, "description": description, "source": source},
        )


class Migration(migrations.Migration):
    dependencies = [("reception", "0003_calendar_overrides_and_years")]

    operations = [migrations.RunPython(drop_shipped_days, restore_shipped_days)]
