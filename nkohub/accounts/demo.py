"""Demo people, one per role of DESIGN.md (organisations and memberships come in organizations.demo)."""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from nkohub.accounts.models import User
from nkohub.core.demo_context import DemoContext

DEMO_PEOPLE = [
    # key, e-mail, full name, operator?, role shown, description
    (
        "operator",
        "operator@demo.nko-cluster.ru",
        "Ольга Сергеевна Морозова",
        True,
        "оператор",
        "сотрудник ресурсного центра: модерация, верификация, журнал аудита",
    ),
    (
        "ngo_owner",
        "owner@demo.nko-cluster.ru",
        "Анна Викторовна Кузнецова",
        False,
        "владелец НКО",
        "руководитель АНО «Добрые соседи» (владелец)",
    ),
    (
        "ngo_editor",
        "editor@demo.nko-cluster.ru",
        "Дмитрий Олегович Лебедев",
        False,
        "редактор НКО",
        "редактор АНО «Добрые соседи»",
    ),
    (
        "member",
        "member@demo.nko-cluster.ru",
        "Мария Ивановна Соколова",
        False,
        "участник",
        "зарегистрированный участник без организации",
    ),
    (
        "official",
        "official@demo.nko-cluster.ru",
        "Сергей Петрович Волков",
        False,
        "чиновник",
        "сотрудник министерства труда и социальной защиты",
    ),
    (
        "official2",
        "official2@demo.nko-cluster.ru",
        "Елена Андреевна Никитина",
        False,
        "чиновник (2)",
        "сотрудник городской администрации",
    ),
    (
        "sponsor",
        "sponsor@demo.nko-cluster.ru",
        "Игорь Николаевич Павлов",
        False,
        "спонсор",
        "представитель бизнеса",
    ),
    (
        "media",
        "media@demo.nko-cluster.ru",
        "Наталья Юрьевна Зайцева",
        False,
        "медиапартнёр",
        "редактор регионального издания",
    ),
    (
        "expert",
        "expert@demo.nko-cluster.ru",
        "Алексей Михайлович Орлов",
        False,
        "эксперт",
        "юрист НКО (компетенции — с модулем консультаций)",
    ),
    (
        "ngo2_owner",
        "owner2@demo.nko-cluster.ru",
        "Татьяна Романовна Белова",
        False,
        "владелец НКО (2)",
        "руководитель фонда «Калужский край»",
    ),
]


def load(ctx: DemoContext) -> None:
    ctx.add_login("гость", "—", "без входа: реестр, ярмарка, ресурсы, опубликованные ответы")
    # Every demo person has the one published password: it is hashed once, not once a person
    # (a hash takes about a second on purpose, and ten of them were a quarter of the demo's set-up).
    password_hash = ""
    for key, email, name, operator, role, description in DEMO_PEOPLE:
        user = User.objects.filter(email=email).first()
        if user is None:
            password_hash = password_hash or make_password(ctx.password)
            user = User.objects.create_user(
                email=email,
                password=None,
                full_name=name,
                is_operator=operator,
                is_staff=operator,
                is_demo=True,
            )
            user.password = password_hash
            user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        ctx.users[key] = user
        ctx.add_login(role, email, description)
