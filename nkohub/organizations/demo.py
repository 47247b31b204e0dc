"""Demo organisations of every kind with their people (issue 3 grows the NGOs to a few hundred)."""

from django.utils import timezone

from nkohub.core.demo_context import DemoContext
from nkohub.core.identifiers import make_inn_legal, make_ogrn
from nkohub.organizations.models import LegalForm, Membership, Organization, Sphere
from nkohub.territories.models import Municipality

CORE_ORGANIZATIONS = [
    # key, kind, full name, short name, legal form, municipality, spheres, description
    ("resource_centre", "resource_centre", "Автономная некоммерческая организация «Ресурсный центр поддержки НКО Калужской области»",
     "Ресурсный центр НКО", "Автономная некоммерческая организация", "Калуга", ["civil-society", "education"],
     "Консультации, обучение и сопровождение некоммерческих организаций региона."),
    ("ngo", "ngo", "Автономная некоммерческая организация социальной помощи «Добрые соседи»",
     "АНО «Добрые соседи»", "Автономная некоммерческая организация", "Калуга", ["social-support", "volunteering"],
     "Помогаем пожилым людям и семьям в трудной жизненной ситуации: доставка продуктов, сопровождение, досуг."),
    ("ngo2", "ngo", "Благотворительный фонд поддержки образования и культуры «Калужский край»",
     "Фонд «Калужский край»", "Благотворительный фонд", "Обнинск", ["education", "culture", "young-talents"],
     "Образовательные проекты для школьников, поддержка молодых музыкантов и художников."),
    ("ministry", "authority", "Министерство труда и социальной защиты Калужской области",
     "Минтруд Калужской области", "Орган государственной власти", "Калуга", ["social-support"],
     "Региональный орган исполнительной власти в сфере социальной защиты населения."),
    ("city_admin", "authority", "Городская Управа города Калуги",
     "Управа г. Калуги", "Орган местного самоуправления", "Калуга", ["civil-society"],
     "Исполнительно-распорядительный орган городского округа «Город Калуга»."),
    ("business", "business", "Общество с ограниченной ответственностью «Калужская строительная компания»",
     "ООО «КСК»", "Общество с ограниченной ответственностью", "Калуга", [],
     "Строительная компания; поддерживает социальные проекты города."),
    ("media", "media", "Общество с ограниченной ответственностью «Редакция газеты „Калужские новости“»",
     "«Калужские новости»", "Общество с ограниченной ответственностью", "Калуга", [],
     "Региональное издание: новости городов и районов области."),
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
    for key, kind, full_name, short_name, form, municipality, spheres, description in CORE_ORGANIZATIONS:
        organization = Organization.objects.filter(full_name=full_name).first()
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
            )
            organization.spheres.set(Sphere.objects.filter(code__in=spheres))
        ctx.organizations[key] = organization
    for user_key, organization_key, role in MEMBERSHIPS:
        Membership.objects.get_or_create(
            user=ctx.users[user_key], organization=ctx.organizations[organization_key], defaults={"role": role}
        )
