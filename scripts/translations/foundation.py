"""Russian translations of core, accounts and territories (applied with scripts/po.py fill)."""

CORE = {
    "Core": "Основа",
    "time": "время", "who": "кто", "action": "действие", "object": "объект", "changes": "изменения",
    "audit entry": "запись журнала аудита", "audit log": "журнал аудита",
    "Registry": "Реестр", "Resources": "Ресурсы", "Reception": "Приёмная", "Project fair": "Ярмарка проектов",
    "Grants": "Гранты", "Learning": "Обучение", "Events": "События", "Consultations": "Консультации",
    "News": "Новости", "Ideas": "Идеи", "Dashboard": "Сводка",
    "Access denied": "Доступ запрещён",
    "You do not have the right to do this. If you think this is a mistake, contact the organisation's owner or the resource centre.":
        "У вас нет права на это действие. Если вы считаете это ошибкой, обратитесь к владельцу организации или в ресурсный центр.",
    "To the home page": "На главную",
    "Page not found": "Страница не найдена",
    "There is no such page, or it is not available to you. Check the address or start from the home page.":
        "Такой страницы нет, или она вам недоступна. Проверьте адрес или начните с главной страницы.",
    "Server error": "Ошибка сервера",
    "Something went wrong": "Что-то пошло не так",
    "The error has been recorded. Please try again in a few minutes.": "Ошибка записана. Попробуйте ещё раз через несколько минут.",
    "Skip to content": "Перейти к содержанию",
    "Main sections": "Основные разделы",
    "Account": "Учётная запись",
    "My cabinet": "Мой кабинет",
    "Audit": "Аудит",
    "Log out": "Выйти",
    "Log in": "Войти",
    "Sign up": "Регистрация",
    "%(SITE_NAME)s — the platform of the region's NGO resource centre.": "%(SITE_NAME)s — платформа ресурсного центра НКО региона.",
    "Personal data processing policy": "Политика обработки персональных данных",
    "Consent to personal data processing": "Согласие на обработку персональных данных",
    "Please correct the errors below.": "Исправьте, пожалуйста, ошибки ниже.",
    "Pages": "Страницы", "Previous": "Назад", "Next": "Далее",
    "Page %(number)s of %(total)s": "Страница %(number)s из %(total)s",
    "Audit log": "Журнал аудита",
    "Object or e-mail": "Объект или e-mail",
    "Action starts with": "Действие начинается с",
    "Show": "Показать",
    "Time": "Время", "Who": "Кто", "Action": "Действие", "Object": "Объект", "Changes": "Изменения",
    "system": "система",
    "Nothing has been recorded yet": "Пока ничего не записано",
    "Hello, %(name)s!": "Здравствуйте, %(name)s!",
    "Profile": "Профиль",
    "Edit profile": "Изменить профиль",
    "Change password": "Сменить пароль",
    "My data and consents": "Мои данные и согласия",
    "The region's NGO cluster": "Кластер НКО региона",
    "One place for the region's non-profits": "Единое пространство для некоммерческих организаций региона",
    "%(SITE_NAME)s brings together non-profits, authorities, businesses, media and experts: a registry of organisations, appeals to the authorities with legal deadlines, a resource bank, a project fair, grants and learning.":
        "%(SITE_NAME)s объединяет НКО, органы власти, бизнес, СМИ и экспертов: реестр организаций, обращения в органы власти с контролем сроков, банк ресурсов, ярмарка проектов, гранты и обучение.",
    "Join the cluster": "Присоединиться к кластеру",
    "The cluster in figures": "Кластер в цифрах",
    "Non-profits in the registry": "НКО в реестре",
    "Municipalities of the region": "Муниципалитетов региона",
    "Sections": "Разделы",
    "INN must consist of 10 digits (organisation) or 12 digits (person).": "ИНН должен состоять из 10 цифр (организация) или 12 цифр (физическое лицо).",
    "INN %(value)s has a wrong check digit.": "В ИНН %(value)s неверная контрольная цифра.",
    "An organisation's INN consists of 10 digits.": "ИНН организации состоит из 10 цифр.",
    "OGRN consists of 13 digits.": "ОГРН состоит из 13 цифр.",
    "OGRN %(value)s has a wrong check digit.": "В ОГРН %(value)s неверная контрольная цифра.",
    "OGRNIP consists of 15 digits.": "ОГРНИП состоит из 15 цифр.",
    "OGRNIP %(value)s has a wrong check digit.": "В ОГРНИП %(value)s неверная контрольная цифра.",
    "KPP consists of 9 characters: four digits, two digits or capital Latin letters, three digits.":
        "КПП состоит из 9 знаков: четыре цифры, две цифры или заглавные латинские буквы, три цифры.",
    "OKTMO consists of 8 or 11 digits.": "ОКТМО состоит из 8 или 11 цифр.",
}

ACCOUNTS = {
    "Accounts": "Учётные записи",
    "Profile": "Профиль", "Rights": "Права", "Dates": "Даты",
    'I give my <a href="{}" target="_blank">consent to the processing of my personal data</a>':
        'Я даю <a href="{}" target="_blank">согласие на обработку моих персональных данных</a>',
    'I have read the <a href="{}" target="_blank">personal data processing policy</a>':
        'Я ознакомлен(а) с <a href="{}" target="_blank">политикой обработки персональных данных</a>',
    "Full name": "ФИО",
    "Without consent to personal data processing we cannot create an account.":
        "Без согласия на обработку персональных данных мы не можем создать учётную запись.",
    "Please confirm that you have read the processing policy.": "Подтвердите, что ознакомились с политикой обработки персональных данных.",
    "Enter a phone number with 10 to 15 digits, e.g. +7 484 222-33-44.": "Введите номер телефона из 10–15 цифр, например +7 484 222-33-44.",
    "Your password": "Ваш пароль",
    "I understand that my personal data will be destroyed and the account cannot be restored":
        "Я понимаю, что мои персональные данные будут уничтожены, а учётную запись нельзя будет восстановить",
    "The password is wrong.": "Неверный пароль.",
    "e-mail": "e-mail", "full name": "ФИО", "phone": "телефон", "about": "о себе", "active": "активен",
    "staff (admin site)": "сотрудник (доступ к администрированию)",
    "operator of the resource centre": "оператор ресурсного центра",
    "Moderates, verifies organisations and sees everything.": "Модерирует, верифицирует организации и видит всё.",
    "demo account": "демо-аккаунт", "joined": "зарегистрирован", "deleted": "удалён",
    "user": "пользователь", "users": "пользователи",
    "Consent to personal data processing": "Согласие на обработку персональных данных",
    "Acknowledgement of the processing policy": "Ознакомление с политикой обработки персональных данных",
    "document": "документ", "version": "версия", "given": "дано", "IP address": "IP-адрес", "browser": "браузер",
    "withdrawn": "отозвано", "consent": "согласие", "consents": "согласия",
    "account number": "номер учётной записи", "reason": "основание", "performed": "выполнено",
    "what was removed or anonymised": "что удалено или обезличено",
    "personal data deletion record": "акт уничтожения персональных данных",
    "personal data deletion records": "акты уничтожения персональных данных",
    "Delete my account": "Удалить мою учётную запись",
    "This cannot be undone. Your name, e-mail, phone and profile will be destroyed, your memberships in organisations ended, and the deletion recorded as the law on personal data requires.":
        "Это действие нельзя отменить. Ваши ФИО, e-mail, телефон и профиль будут уничтожены, участие в организациях прекращено, а уничтожение зафиксировано, как требует закон о персональных данных.",
    "Delete for good": "Удалить навсегда",
    "Cancel": "Отмена",
    "My data and consents": "Мои данные и согласия",
    "Consents I have given": "Данные мной согласия",
    "Document": "Документ", "Version": "Версия", "Given": "Дано", "Withdrawn": "Отозвано",
    "No consents are recorded for this account.": "Для этой учётной записи согласия не записаны.",
    "Text of the consent": "Текст согласия",
    "Processing policy": "Политика обработки",
    "Download my data": "Скачать мои данные",
    "A JSON file with everything the platform holds about you: profile, consents, memberships and what other sections keep.":
        "Файл JSON со всем, что платформа хранит о вас: профиль, согласия, участие в организациях и данные других разделов.",
    "Download JSON": "Скачать JSON",
    "Your personal data will be destroyed; records of organisations stay, without your name. Withdrawing consent to processing means deleting the account.":
        "Ваши персональные данные будут уничтожены; записи организаций сохранятся без вашего имени. Отзыв согласия на обработку означает удаление учётной записи.",
    "Login e-mail: %(email)s": "E-mail для входа: %(email)s",
    "change": "изменить",
    "Save": "Сохранить",
    "Back to the cabinet": "Вернуться в кабинет",
    "Profile saved.": "Профиль сохранён.",
    "Your account has been deleted and your personal data destroyed.": "Ваша учётная запись удалена, персональные данные уничтожены.",
    "Personal data processing policy": "Политика обработки персональных данных",
}

TERRITORIES = {
    "Territories": "Территории", "code": "код", "name": "название", "region": "регион", "regions": "регионы",
    "city district": "городской округ", "municipal district": "муниципальный район", "municipal okrug": "муниципальный округ",
    "kind": "вид", "OKTMO": "ОКТМО", "municipality": "муниципальное образование",
    "municipalities": "муниципальные образования", "Municipalities": "Муниципальные образования",
    "Name": "Название", "Kind": "Вид",
    "No municipalities are loaded for the home region": "Для домашнего региона не загружены муниципальные образования",
    "An operator can add them in the administration section.": "Оператор может добавить их в разделе администрирования.",
}

if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from po import fill

    for app, mapping in (("core", CORE), ("accounts", ACCOUNTS), ("territories", TERRITORIES)):
        path = Path(f"nkohub/{app}/locale/ru/LC_MESSAGES/django.po")
        print(app, fill(path, mapping))
