"""Demo organisations of every kind with their people, and a few hundred believable NGOs of the region."""

import random
import zlib

from django.db import transaction
from django.utils import timezone

from nkohub.core.demo_context import DemoContext
from nkohub.core.demo_images import logo_png
from nkohub.core.identifiers import make_inn_legal, make_ogrn
from nkohub.organizations.imports.validation import register_of_legal_form
from nkohub.organizations.models import Claim, LegalForm, Membership, Organization, Sphere
from nkohub.organizations.sample_data import sample_organization
from nkohub.organizations.search import search_text_for
from nkohub.organizations.services import organization_set_demo_logo
from nkohub.territories.models import Municipality

CORE_ORGANIZATIONS = [
    # key, kind, full name, short name, legal form, municipality, spheres, description
    (
        "resource_centre",
        "resource_centre",
        "Автономная некоммерческая организация «Ресурсный центр поддержки НКО Калужской области»",
        "Ресурсный центр НКО",
        "Автономная некоммерческая организация",
        "Калуга",
        ["civil-society", "education"],
        "Консультации, обучение и сопровождение некоммерческих организаций региона.",
    ),
    (
        "ngo",
        "ngo",
        "Автономная некоммерческая организация социальной помощи «Добрые соседи»",
        "АНО «Добрые соседи»",
        "Автономная некоммерческая организация",
        "Калуга",
        ["social-support", "volunteering"],
        "Помогаем пожилым людям и семьям в трудной жизненной ситуации: доставка продуктов, сопровождение, досуг.",
    ),
    (
        "ngo2",
        "ngo",
        "Благотворительный фонд поддержки образования и культуры «Калужский край»",
        "Фонд «Калужский край»",
        "Благотворительный фонд",
        "Обнинск",
        ["education", "culture", "young-talents"],
        "Образовательные проекты для школьников, поддержка молодых музыкантов и художников.",
    ),
    (
        "ministry",
        "authority",
        "Министерство труда и социальной защиты Калужской области",
        "Минтруд Калужской области",
        "Орган государственной власти",
        "Калуга",
        ["social-support"],
        "Региональный орган исполнительной власти в сфере социальной защиты населения.",
    ),
    (
        "city_admin",
        "authority",
        "Городская Управа города Калуги",
        "Управа г. Калуги",
        "Орган местного самоуправления",
        "Калуга",
        ["civil-society"],
        "Исполнительно-распорядительный орган городского округа «Город Калуга».",
    ),
    (
        "business",
        "business",
        "Общество с ограниченной ответственностью «Калужская строительная компания»",
        "ООО «КСК»",
        "Общество с ограниченной ответственностью",
        "Калуга",
        [],
        "Строительная компания; поддерживает социальные проекты города.",
    ),
    (
        "media",
        "media",
        "Общество с ограниченной ответственностью «Редакция газеты „Калужские новости“»",
        "«Калужские новости»",
        "Общество с ограниченной ответственностью",
        "Калуга",
        [],
        "Региональное издание: новости городов и районов области.",
    ),
]

MEMBERSHIPS = [
    ("operator", "resource_centre", Membership.Role.OWNER),
    ("ngo_owner", "ngo", Membership.Role.OWNER),
    ("ngo_editor", "ngo", Membership.Role.EDITOR),
    ("ngo2_owner", "ngo2", Membership.Role.OWNER),
    ("official", "ministry", Membership.Role.EDITOR),
    ("official2", "city_admin", Membership.Role.EDITOR),
    ("sponsor", "business", Membership.Role.OWNER),
    ("media", "media", Membership.Role.OWNER),
]


def load(ctx: DemoContext) -> None:
    for (
        key,
        kind,
        full_name,
        short_name,
        form,
        municipality,
        spheres,
        description,
    ) in CORE_ORGANIZATIONS:
        # The generated registry may hold a namesake ("demo-N"): the demo's own one is looked up apart.
        organization = (
            Organization.objects.filter(full_name=full_name)
            .exclude(source_id__startswith="demo-")
            .order_by("pk")
            .first()
        )
        if organization is None:
            organization = Organization.objects.create(
                kind=kind,
                full_name=full_name,
                short_name=short_name,
                legal_form=LegalForm.objects.get(name=form),
                inn=make_inn_legal(ctx.rng),
                ogrn=make_ogrn(ctx.rng),
                municipality=Municipality.objects.filter(name=municipality).first(),
                address=f"{municipality}, ул. Ленина, д. {ctx.rng.randint(1, 120)}",
                description=description,
                source=Organization.Source.DEMO,
                is_verified=True,
                verified_at=timezone.now(),
                is_demo=True,
                search_text=search_text_for(full_name, short_name, description),
            )
            organization.spheres.set(Sphere.objects.filter(code__in=spheres))
        ctx.organizations[key] = organization
    for user_key, organization_key, role in MEMBERSHIPS:
        Membership.objects.get_or_create(
            user=ctx.users[user_key],
            organization=ctx.organizations[organization_key],
            defaults={"role": role},
        )

    _load_registry(ctx)
    _load_logos(ctx)


LOGO_EVERY = 6  # about one registry NGO in six has a logo, as on real registry sites
LOGO_REGISTRY_LIMIT = 120


def _load_logos(ctx: DemoContext) -> None:
    """Drawn logos for the demo's own organisations and some of the registry (skipped when a
    logo is there: a second run draws nothing)."""
    organizations = list(ctx.organizations.values())
    registry = Organization.objects.filter(
        source=Organization.Source.DEMO, source_id__startswith="demo-"
    ).order_by("pk")[:LOGO_REGISTRY_LIMIT]
    organizations += [
        o for o in registry if int(o.source_id.removeprefix("demo-")) % LOGO_EVERY == 0
    ]
    for organization in organizations:
        if not organization.logo:
            organization_set_demo_logo(
                organization=organization,
                png=logo_png(
                    organization.display_name, zlib.crc32(organization.full_name.encode())
                ),
            )


GENERATED_COUNT = 320
GENERATED_OFFSET = 5_000_000  # INN/OGRN numbers of demo organisations, apart from benchmarks' ones


@transaction.atomic
def _load_registry(ctx: DemoContext) -> None:
    """A few hundred NGOs of the home region (fictional, marked as demo); a second run creates nothing."""
    existing = set(
        Organization.objects.filter(
            source=Organization.Source.DEMO, source_id__startswith="demo-"
        ).values_list("source_id", flat=True)
    )
    rng = random.Random(4040)
    municipalities = {
        m.name.removesuffix(" район"): m for m in Municipality.objects.filter(region__code="40")
    }
    legal_forms = {f.name: f for f in LegalForm.objects.all()}
    spheres = {s.code: s for s in Sphere.objects.all()}
    created: list[tuple[Organization, list[str]]] = []
    for index in range(GENERATED_COUNT):
        sample = sample_organization(rng, GENERATED_OFFSET + index)
        source_id = f"demo-{index}"
        if source_id in existing or not municipalities:
            continue
        organization = Organization(
            kind=Organization.Kind.NGO,
            full_name=sample.full_name,
            short_name=sample.short_name,
            legal_form=legal_forms.get(sample.legal_form),
            register=register_of_legal_form(sample.legal_form) or Organization.Register.NONPROFIT,
            inn=sample.inn,
            ogrn=sample.ogrn,
            municipality=municipalities.get(sample.municipality),
            address=sample.address,
            description=sample.description,
            registration_date=sample.registration_date,
            website=sample.website,
            public_email=sample.public_email,
            public_phone=sample.public_phone,
            source=Organization.Source.DEMO,
            source_id=source_id,
            is_verified=sample.is_verified,
            verified_at=timezone.now() if sample.is_verified else None,
            is_demo=True,
            search_text=search_text_for(
                sample.full_name, sample.short_name, sample.description, sample.inn, sample.ogrn
            ),
        )
        created.append((organization, sample.spheres))
    if created:
        Organization.objects.bulk_create([o for o, _ in created], ignore_conflicts=False)
        through = Organization.spheres.through
        through.objects.bulk_create(
            [
                through(organization_id=o.pk, sphere_id=spheres[code].pk)
                for o, codes in created
                for code in codes
                if code in spheres
            ],
            ignore_conflicts=True,
        )
    # one claim waiting for the operator, so that the review queue is not empty in the demo
    claimed = Organization.objects.filter(source_id="demo-7").first()
    if claimed is not None and "expert" in ctx.users:
        Claim.objects.get_or_create(
            user=ctx.users["expert"],
            organization=claimed,
            status=Claim.Status.PENDING,
            defaults={
                "stated_role": Claim.StatedRole.HEAD,
                "position": "Председатель правления",
                "comment": "Демонстрационная заявка: протокол об избрании председателя пришлю по запросу.",
            },
        )
