import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from nkohub.core.uploads import inspect_image


def png_bytes(width: int = 3, height: int = 2) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_real_image_is_described_by_its_content() -> None:
    facts = inspect_image(SimpleUploadedFile("photo.jpg", png_bytes(), content_type="image/jpeg"))
    assert facts is not None
    assert (facts.format, facts.width, facts.height) == ("PNG", 3, 2)


def test_text_named_like_a_photo_is_not_an_image() -> None:
    assert inspect_image(SimpleUploadedFile("photo.png", b"%PDF-1.7 not an image")) is None


def test_the_file_position_is_put_back() -> None:
    upload = SimpleUploadedFile("photo.png", png_bytes())
    upload.seek(5)
    inspect_image(upload)
    assert upload.tell() == 5
