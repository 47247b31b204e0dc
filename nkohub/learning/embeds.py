"""Videos embedded from VK Video and RuTube: a pasted link becomes the player's address, or nothing.

Only these hosts are allowed, and only they are in the Content Security Policy's frame-src
(config/settings.py): a lesson cannot frame anything else.

    https://rutube.ru/video/<32 hex>/             → https://rutube.ru/play/embed/<id>
    https://vk.com/video-123_456, vkvideo.ru/…    → https://vk.com/video_ext.php?oid=-123&id=456
    https://vk.com/video_ext.php?oid=…&id=…&hash=… → kept (with hash)
"""

import re
from urllib.parse import parse_qs, urlencode, urlsplit

EMBED_HOSTS = ("vk.com", "vkvideo.ru", "rutube.ru")

_RUTUBE_ID = re.compile(r"^/(?:video|play/embed)/(?:private/)?([0-9a-f]{32})/?$")
_VK_VIDEO = re.compile(r"^/video(-?\d+)_(\d+)/?$")


def _host(netloc: str) -> str:
    host = netloc.lower().split(":")[0]
    for prefix in ("www.", "m."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host


def embed_address(url: str) -> str:
    """The player address for a VK Video or RuTube link, or "" when the link is anything else."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or parts.username or parts.password:
        return ""
    host = _host(parts.netloc)
    if host == "rutube.ru":
        match = _RUTUBE_ID.match(parts.path)
        return f"https://rutube.ru/play/embed/{match.group(1)}" if match else ""
    if host in ("vk.com", "vkvideo.ru"):
        match = _VK_VIDEO.match(parts.path)
        if match:
            return "https://vk.com/video_ext.php?" + urlencode(
                {"oid": match.group(1), "id": match.group(2)}
            )
        if parts.path == "/video_ext.php":
            query = parse_qs(parts.query)
            oid, vid = query.get("oid", [""])[0], query.get("id", [""])[0]
            if re.fullmatch(r"-?\d+", oid) and re.fullmatch(r"\d+", vid):
                kept = {"oid": oid, "id": vid}
                if re.fullmatch(r"[0-9a-f]{1,40}", query.get("hash", [""])[0]):
                    kept["hash"] = query["hash"][0]
                return "https://vk.com/video_ext.php?" + urlencode(kept)
    return ""
