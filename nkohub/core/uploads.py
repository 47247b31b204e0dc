"""Looking inside an uploaded image before it is stored (shared by every app that takes photos)."""

from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile


@dataclass(frozen=True)
class ImageFacts:
    format: str  # Pillow's name: "JPEG", "PNG", "WEBP"...
    width: int
    height: int


def inspect_image(file: UploadedFile) -> ImageFacts | None:
    """What the file's content really is, or None when it is not an image Pillow can read.

    Reads from the start of the file and puts the file position back where it was.
    """
    from PIL import Image, UnidentifiedImageError

    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            facts = ImageFacts(format=image.format or "", width=image.size[0], height=image.size[1])
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    finally:
        file.seek(position)
    return facts
