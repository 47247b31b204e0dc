from nkohub.territories.services import territories_load_reference


def load() -> str:
    result = territories_load_reference()
    return f"территории: создано {result['created']}, обновлено {result['updated']}"
