"""Legal forms by their ОКОПФ code, as the EGRUL gives them (`СвЮЛ/@КодОПФ`, `@СпрОПФ`, `@ПолнНаимОПФ`).

The classifier is ОК 028-2012 (with its 2014 amendment): the first digit is the section, and two
sections are non-commercial — 2 (corporate: public organisations, associations, partnerships, TOS,
Cossack societies…) and 7 (unitary: foundations, autonomous non-profits, religious organisations,
institutions). Section 1 and 6 are commercial, 3 units without legal personality, 4 international
organisations, 5 individuals (entrepreneurs). Older records still carry the codes of ОК 028-99 (two
digits) or of the first edition of ОК 028-2012 (20300, 28001…); the XSD of the extract allows both.

The registry takes the non-commercial forms the Ministry of Justice's registry of non-profits also
holds. Two groups of non-commercial forms are left out on purpose, because the Ministry does not
register them and a region has thousands of each: state and municipal institutions and state
corporations (schools, hospitals, Rosatom — the public sector, founded by the state), and consumer
cooperatives (garage, housing and credit cooperatives). Property owners' and gardening partnerships
stay: they are in the Ministry's own list of forms.

Sources of the codes: ОК 028-2012 as republished in public code (a map of old to new codes and a
table of current codes with their names, found with the search tool); the EGRUL XSD (format 4.06)
for the attributes.
"""

from dataclasses import dataclass

# what the registry is told about a form: our legal form (reference.json), the Ministry's register
FORMS: dict[str, tuple[str, str]] = {
    # section 2: non-commercial corporate organisations
    "20200": ("Общественная организация", ""),
    "20201": ("Политическая партия", ""),
    "20202": ("Профессиональный союз", ""),
    "20210": ("Общественное движение", ""),
    "20211": ("Орган общественной самодеятельности", ""),
    "20217": ("Территориальное общественное самоуправление", ""),
    "20600": ("Ассоциация (союз)", ""),
    "20601": ("Ассоциация (союз)", ""),
    "20603": ("Ассоциация (союз)", ""),
    "20604": ("Ассоциация (союз)", ""),
    "20605": ("Ассоциация (союз)", ""),
    "20606": ("Ассоциация (союз)", ""),
    "20607": ("Ассоциация (союз)", ""),
    "20608": ("Ассоциация (союз)", ""),
    "20609": ("Адвокатская палата", ""),
    "20610": ("Нотариальная палата", ""),
    "20611": ("Торгово-промышленная палата", ""),
    "20612": ("Объединение работодателей", ""),
    "20613": ("Ассоциация (союз)", ""),
    "20614": ("Некоммерческое партнерство", ""),
    "20615": ("Адвокатское бюро", ""),
    "20616": ("Коллегия адвокатов", ""),
    "20617": ("Некоммерческое партнерство", ""),
    "20618": ("Ассоциация (союз)", ""),
    "20619": ("Ассоциация (союз)", ""),
    "20620": ("Ассоциация (союз)", ""),
    "20700": ("Товарищество собственников недвижимости", ""),
    "20701": ("Садоводческое или огородническое некоммерческое товарищество", ""),
    "20702": ("Садоводческое или огородническое некоммерческое товарищество", ""),
    "20716": ("Товарищество собственников жилья", ""),
    "21100": ("Казачье общество", "cossack"),
    "21200": ("Община коренных малочисленных народов", ""),
    # section 7: non-commercial unitary organisations
    "70400": ("Некоммерческий фонд", ""),
    "70401": ("Благотворительный фонд", ""),
    "70402": ("Некоммерческий фонд", ""),
    "70403": ("Общественный фонд", ""),
    "70404": ("Некоммерческий фонд", ""),
    "71400": ("Автономная некоммерческая организация", ""),
    "71500": ("Религиозная организация", "religious"),
    "71610": ("Отделение иностранной некоммерческой неправительственной организации", "foreign_ngo_branch"),
    "75500": ("Частное учреждение", ""),
    "75502": ("Благотворительное учреждение", ""),
    "75505": ("Общественное учреждение", ""),
    # the first edition of ОК 028-2012, before the 2014 amendment
    "20300": ("Религиозная организация", "religious"),
    "20400": ("Некоммерческий фонд", ""),
    "20401": ("Благотворительный фонд", ""),
    "20402": ("Некоммерческий фонд", ""),
    "20403": ("Общественный фонд", ""),
    "20404": ("Некоммерческий фонд", ""),
    "20500": ("Некоммерческое партнерство", ""),
    "20902": ("Благотворительное учреждение", ""),
    "20905": ("Общественное учреждение", ""),
    "20906": ("Частное учреждение", ""),
    "20908": ("Частное учреждение", ""),
    "21001": ("Садоводческое или огородническое некоммерческое товарищество", ""),
    "21003": ("Некоммерческое партнерство", ""),
    "28001": ("Автономная некоммерческая организация", ""),
    "28002": ("Адвокатское бюро", ""),
    "28006": ("Казачье общество", "cossack"),
    "28007": ("Коллегия адвокатов", ""),
    "28010": ("Община коренных малочисленных народов", ""),
    "28012": ("Объединение работодателей", ""),
    "28013": ("Ассоциация (союз)", ""),
    "28014": ("Отделение иностранной некоммерческой неправительственной организации", "foreign_ngo_branch"),
    "28016": ("Товарищество собственников жилья", ""),
    "28017": ("Территориальное общественное самоуправление", ""),
    "29000": ("Иные некоммерческие организации", ""),
    # ОК 028-99 (two digits)
    "70": ("Иные некоммерческие организации", ""),
    "71": ("Частное учреждение", ""),
    "76": ("Садоводческое или огородническое некоммерческое товарищество", ""),
    "77": ("Ассоциация (союз)", ""),
    "78": ("Орган общественной самодеятельности", ""),
    "80": ("Территориальное общественное самоуправление", ""),
    "83": ("Общественная организация", ""),
    "84": ("Общественное движение", ""),
    "88": ("Некоммерческий фонд", ""),
    "89": ("Казачье общество", "cossack"),
    "93": ("Ассоциация (союз)", ""),
    "94": ("Товарищество собственников жилья", ""),
    "96": ("Некоммерческое партнерство", ""),
    "97": ("Автономная некоммерческая организация", ""),
}  # fmt: skip

PUBLIC_SECTOR = frozenset(
    {
        "71600", "71601", "71602",  # public-law companies, state corporations and companies
        "75100", "75101", "75103", "75104", "75200", "75201", "75203", "75204",
        "75300", "75400", "75401", "75403", "75404",  # state and municipal institutions
        "20901", "20903", "20904", "20907", "28003", "28004", "28005",  # the same, first edition
        "72", "73", "74", "82",  # ОК 028-99: budget, autonomous, state-owned institutions; corporations
    }
)  # fmt: skip
# «institutions» without saying whose: the organisation's own name tells a municipal school from a
# private institution
GENERIC_INSTITUTIONS = frozenset({"75000", "20900", "81"})
STATE_WORDS = ("государствен", "муниципальн", "федеральн", "областн", "бюджетн", "казенн")
CONSUMER_COOPERATIVES = frozenset({"21002", "28008", "85"})  # plus every 201xx
NOT_LEGAL_ENTITIES = frozenset({"87", "90", "92", "99"})
INDIVIDUALS = frozenset({"91", "95"})
COMMERCIAL_OLD = frozenset(
    {"39", "40", "41", "42", "47", "48", "51", "52", "53", "60", "61", "64", "65", "66", "67"}
)
# names of commercial forms, for records whose form was entered without a classifier
COMMERCIAL_NAMES = (
    "общество с ограниченной", "акционерное общество", "унитарное предприятие",
    "индивидуальный предприниматель", "производственный кооператив", "хозяйственное",
    "товарищество на вере", "полное товарищество", "крестьянское (фермерское) хозяйство",
)  # fmt: skip

# categories of the records left out, for the import's summary
COMMERCIAL = "коммерческая организация"
PUBLIC = "государственное или муниципальное учреждение, госкорпорация"
COOPERATIVE = "потребительский кооператив"
NO_LEGAL_ENTITY = "не юридическое лицо (филиал, представительство, фонд без прав юрлица)"
INTERNATIONAL = "международная организация"
INDIVIDUAL = "индивидуальный предприниматель или глава КФХ"


@dataclass(frozen=True)
class LegalFormVerdict:
    legal_form: str  # a name of our legal forms, or the EGRUL's own words
    register: str  # a value of Organization.Register, or "" for the default
    excluded: str = ""  # a category above when the registry does not take the form


def classify(code: str, name: str = "", *, organization_name: str = "") -> LegalFormVerdict:
    """What the registry does with a legal form given by its ОКОПФ code and the EGRUL's name of it."""
    code = code.strip()
    name = " ".join(name.split())
    if code in FORMS:
        legal_form, register = FORMS[code]
        return LegalFormVerdict(legal_form, register)
    if code in GENERIC_INSTITUTIONS:
        own_name = organization_name.lower().replace("ё", "е")
        if any(word in own_name for word in STATE_WORDS):
            return LegalFormVerdict(name, "", PUBLIC)
        return LegalFormVerdict("Частное учреждение", "")
    return LegalFormVerdict(name, "", _excluded(code, name))


def _excluded(code: str, name: str) -> str:
    if code in PUBLIC_SECTOR or code[:3] in ("751", "752", "753", "754"):
        return PUBLIC
    if code in CONSUMER_COOPERATIVES or code.startswith("201"):
        return COOPERATIVE
    if code in NOT_LEGAL_ENTITIES or (len(code) == 5 and code[0] == "3"):
        return NO_LEGAL_ENTITY
    if code in INDIVIDUALS or (len(code) == 5 and code[0] == "5"):
        return INDIVIDUAL
    if len(code) == 5 and code[0] == "4":
        return INTERNATIONAL
    if code in COMMERCIAL_OLD or (len(code) == 5 and code[0] in "16"):
        return COMMERCIAL
    lowered = name.lower().replace("ё", "е")
    if any(words in lowered for words in COMMERCIAL_NAMES):
        return COMMERCIAL
    return ""  # an unknown non-commercial code, or a form without one: taken, the name kept
