"""The open datasets: what each one is (its passport's words), its columns (the structure file) and
its rows, read through the owning apps' selectors. One `Dataset` per entry of DATASETS."""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone

from nkohub.grants.selectors import competitions_calendar
from nkohub.organizations.selectors import DirectoryQuery, directory_export_rows
from nkohub.projects.selectors import fair_projects
from nkohub.reception.selectors import authority_records
from nkohub.resources.selectors import offers_catalogue

CHUNK = 1000  # rows fetched at a time: memory stays flat whatever the size of the table


@dataclass(frozen=True)
class Column:
    name: str  # the field's name in the files (Latin)
    english: str
    russian: str
    format: str  # "string", "integer", "number", "date" (ISO 8601), "boolean"
    value: Callable[[Any], Any]


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    subject: str  # keywords, comma-separated
    structure_version: str  # YYYYMMDD of the columns' last change
    columns: tuple[Column, ...]
    rows: Callable[[], Iterable[Any]]

    @property
    def identifier(self) -> str:
        """«ИНН владельца-название набора», as the recommendations ask (the slug without an INN)."""
        inn = "".join(ch for ch in settings.OPEN_DATA_PUBLISHER_INN if ch.isdigit())
        return f"{inn}-{self.slug}" if inn else self.slug


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _organizations() -> Iterator[Any]:
    return directory_export_rows(DirectoryQuery()).order_by("pk").iterator(chunk_size=CHUNK)


def _offers() -> Iterator[Any]:
    return offers_catalogue().order_by("pk").iterator(chunk_size=CHUNK)


def _projects() -> Iterator[Any]:
    return fair_projects().order_by("pk").iterator(chunk_size=CHUNK)


def _competitions() -> Iterator[Any]:
    yield from competitions_calendar(when="past").order_by("pk").iterator(chunk_size=CHUNK)
    yield from competitions_calendar().order_by("pk").iterator(chunk_size=CHUNK)


def _on_time_records() -> Iterator[Any]:
    """This year so far and the whole of last year: one row per authority and year."""
    today = timezone.localdate()
    for year in (today.year - 1, today.year):
        end = dt.date(year, 12, 31) if year < today.year else today
        for record in authority_records(dt.date(year, 1, 1), end, today=today):
            yield (year, record)


S, INT, D, B, N = "string", "integer", "date", "boolean", "number"

DATASETS: tuple[Dataset, ...] = (
    Dataset(
        slug="nko-registry",
        title="Реестр некоммерческих и других организаций кластера",
        description="Организации региона, опубликованные в реестре НКО-Кластера: наименование, "
        "организационно-правовая форма, ИНН, ОГРН, КПП, дата регистрации, статус, муниципальное "
        "образование (ОКТМО), сферы деятельности, адрес и публичные контакты, отметка о проверке.",
        subject="НКО, некоммерческие организации, реестр, социально ориентированные НКО",
        structure_version="20261203",
        columns=(
            Column(
                "id",
                "Identifier on the platform",
                "Идентификатор на платформе",
                INT,
                lambda o: o.pk,
            ),
            Column("kind", "Kind", "Вид организации", S, lambda o: o.kind),
            Column("full_name", "Full name", "Полное наименование", S, lambda o: o.full_name),
            Column(
                "short_name", "Short name", "Сокращённое наименование", S, lambda o: o.short_name
            ),
            Column(
                "legal_form",
                "Legal form",
                "Организационно-правовая форма",
                S,
                lambda o: o.legal_form.name if o.legal_form_id else "",
            ),
            Column("inn", "INN", "ИНН", S, lambda o: o.inn or ""),
            Column("ogrn", "OGRN", "ОГРН", S, lambda o: o.ogrn or ""),
            Column("kpp", "KPP", "КПП", S, lambda o: o.kpp or ""),
            Column(
                "registration_date",
                "Registration date",
                "Дата регистрации",
                D,
                lambda o: _date(o.registration_date),
            ),
            Column("status", "Status", "Статус", S, lambda o: o.status),
            Column(
                "oktmo",
                "Municipality's OKTMO",
                "ОКТМО муниципального образования",
                S,
                lambda o: o.municipality.oktmo if o.municipality_id else "",
            ),
            Column(
                "municipality",
                "Municipality",
                "Муниципальное образование",
                S,
                lambda o: o.municipality.name if o.municipality_id else "",
            ),
            Column(
                "spheres",
                "Spheres (codes, ';')",
                "Сферы деятельности (коды через «;»)",
                S,
                lambda o: ";".join(s.code for s in o.spheres.all()),
            ),
            Column("address", "Address", "Адрес", S, lambda o: o.address),
            Column("website", "Website", "Сайт", S, lambda o: o.website),
            Column(
                "public_email",
                "Public e-mail",
                "Публичный адрес электронной почты",
                S,
                lambda o: o.public_email,
            ),
            Column(
                "public_phone", "Public phone", "Публичный телефон", S, lambda o: o.public_phone
            ),
            Column(
                "is_verified",
                "Verified by the resource centre",
                "Проверена ресурсным центром",
                B,
                lambda o: o.is_verified,
            ),
        ),
        rows=_organizations,
    ),
    Dataset(
        slug="resource-offers",
        title="Банк ресурсов: предложения помещений, оборудования, транспорта и услуг",
        description="Опубликованные предложения банка ресурсов: что предлагается, кем, где и на "
        "каких условиях (безвозмездно, со скидкой, в обмен), вместимость и период доступности.",
        subject="банк ресурсов, помещения, оборудование, транспорт, безвозмездно, НКО",
        structure_version="20261203",
        columns=(
            Column(
                "id",
                "Identifier on the platform",
                "Идентификатор на платформе",
                INT,
                lambda o: o.pk,
            ),
            Column("category", "Category", "Категория", S, lambda o: o.category),
            Column("title", "Title", "Название", S, lambda o: o.title),
            Column("description", "Description", "Описание", S, lambda o: o.description),
            Column(
                "organization_id",
                "Offering organisation's id",
                "Идентификатор организации",
                INT,
                lambda o: o.organization_id or "",
            ),
            Column(
                "organization",
                "Offering organisation",
                "Организация",
                S,
                lambda o: o.organization.display_name if o.organization_id else "",
            ),
            Column(
                "oktmo",
                "Municipality's OKTMO",
                "ОКТМО муниципального образования",
                S,
                lambda o: o.municipality.oktmo,
            ),
            Column("terms", "Terms", "Условия", S, lambda o: o.terms),
            Column("capacity", "Capacity", "Вместимость", INT, lambda o: o.capacity or ""),
            Column(
                "available_from",
                "Available from",
                "Доступно с",
                D,
                lambda o: _date(o.available_from),
            ),
            Column(
                "available_until",
                "Available until",
                "Доступно по",
                D,
                lambda o: _date(o.available_until),
            ),
            Column(
                "published_at",
                "Published",
                "Опубликовано",
                D,
                lambda o: _date(timezone.localdate(o.published_at)) if o.published_at else "",
            ),
        ),
        rows=_offers,
    ),
    Dataset(
        slug="fair-projects",
        title="Ярмарка социальных проектов",
        description="Социальные проекты, принятые на ярмарку: организация, цель, сроки, бюджет, "
        "территории реализации и потребности (деньги, волонтёры, помещения, экспертиза, медиа).",
        subject="социальные проекты, ярмарка проектов, НКО, партнёрство, спонсоры",
        structure_version="20261203",
        columns=(
            Column(
                "id",
                "Identifier on the platform",
                "Идентификатор на платформе",
                INT,
                lambda p: p.pk,
            ),
            Column("title", "Title", "Название", S, lambda p: p.title),
            Column("summary", "Summary", "Краткое описание", S, lambda p: p.summary),
            Column(
                "organization_id",
                "Organisation's id",
                "Идентификатор организации",
                INT,
                lambda p: p.organization_id,
            ),
            Column(
                "organization",
                "Organisation",
                "Организация",
                S,
                lambda p: p.organization.display_name,
            ),
            Column("status", "Status", "Статус", S, lambda p: p.status),
            Column("starts_on", "Starts", "Начало", D, lambda p: _date(p.starts_on)),
            Column("ends_on", "Ends", "Окончание", D, lambda p: _date(p.ends_on)),
            Column(
                "budget_total",
                "Budget, rubles",
                "Бюджет, руб.",
                N,
                lambda p: p.budget_total if p.budget_total is not None else "",
            ),
            Column(
                "needs",
                "Needs (kinds, ';')",
                "Потребности (виды через «;»)",
                S,
                lambda p: ";".join(need.kind for need in p.needs.all()),
            ),
        ),
        rows=_projects,
    ),
    Dataset(
        slug="grant-competitions",
        title="Календарь грантовых конкурсов",
        description="Конкурсы грантов и субсидий для НКО: грантодатель, сроки приёма заявок и "
        "реализации проектов, размеры грантов, требования к софинансированию, направления.",
        subject="гранты, субсидии, конкурсы, Фонд президентских грантов, НКО",
        structure_version="20261203",
        columns=(
            Column(
                "id",
                "Identifier on the platform",
                "Идентификатор на платформе",
                INT,
                lambda c: c.pk,
            ),
            Column("title", "Title", "Название", S, lambda c: c.title),
            Column("funder", "Funder", "Грантодатель", S, lambda c: c.funder.name),
            Column(
                "applications_open_on",
                "Applications open",
                "Начало приёма заявок",
                D,
                lambda c: _date(c.applications_open_on),
            ),
            Column(
                "applications_close_on",
                "Applications close",
                "Окончание приёма заявок",
                D,
                lambda c: _date(c.applications_close_on),
            ),
            Column(
                "min_amount",
                "Smallest grant, rubles",
                "Минимальный размер, руб.",
                N,
                lambda c: c.min_amount if c.min_amount is not None else "",
            ),
            Column(
                "max_amount",
                "Largest grant, rubles",
                "Максимальный размер, руб.",
                N,
                lambda c: c.max_amount if c.max_amount is not None else "",
            ),
            Column(
                "directions",
                "Directions (codes, ';')",
                "Направления (коды через «;»)",
                S,
                lambda c: ";".join(s.code for s in c.directions.all()),
            ),
            Column("url", "Funder's page", "Страница конкурса у грантодателя", S, lambda c: c.url),
        ),
        rows=_competitions,
    ),
    Dataset(
        slug="appeals-on-time",
        title="Соблюдение сроков ответа на обращения органами власти (59-ФЗ)",
        description="По каждому органу власти за год: сколько обращений поступило, сколько отвечено, "
        "сколько из них в срок, медиана дней от регистрации до ответа, сколько просрочено сейчас.",
        subject="обращения граждан, 59-ФЗ, органы власти, сроки ответа, открытость",
        structure_version="20261203",
        columns=(
            Column("year", "Year", "Год", INT, lambda r: r[0]),
            Column(
                "authority_id",
                "Authority's id",
                "Идентификатор органа власти",
                INT,
                lambda r: r[1].authority.pk,
            ),
            Column("authority", "Authority", "Орган власти", S, lambda r: r[1].authority.full_name),
            Column(
                "inn", "Authority's INN", "ИНН органа власти", S, lambda r: r[1].authority.inn or ""
            ),
            Column(
                "received", "Appeals received", "Поступило обращений", INT, lambda r: r[1].received
            ),
            Column("answered", "Answered", "Отвечено", INT, lambda r: r[1].answered),
            Column(
                "answered_in_time",
                "Answered in time",
                "Отвечено в срок",
                INT,
                lambda r: r[1].answered_in_time,
            ),
            Column(
                "in_time_percent",
                "Answered in time, %",
                "Доля ответов в срок, %",
                INT,
                lambda r: r[1].in_time_percent if r[1].in_time_percent is not None else "",
            ),
            Column(
                "median_days",
                "Median days to answer",
                "Медиана дней до ответа",
                N,
                lambda r: r[1].median_days if r[1].median_days is not None else "",
            ),
            Column(
                "overdue_now", "Overdue now", "Просрочено сейчас", INT, lambda r: r[1].overdue_now
            ),
        ),
        rows=_on_time_records,
    ),
)


def dataset(identifier: str) -> Dataset | None:
    return next((d for d in DATASETS if d.identifier == identifier), None)
