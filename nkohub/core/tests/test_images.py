"""Pictures people upload: checks before storing, thumbnails made once, placeholders' initials."""

import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from nkohub.core.demo_images import cover_jpeg, logo_png
from nkohub.core.images import (
    MB,
    ImageSlot,
    ThumbnailError,
    initials,
    render_thumbnail,
    validate_image,
)

COVER = ImageSlot(field="cover", thumbnail_field="cover_thumbnail", size=(960, 540), crop=True)
LOGO = ImageSlot(field="logo", thumbnail_field="logo_thumbnail", size=(192, 192), crop=False)


def picture(
    size: tuple[int, int] = (800, 600), image_format: str = "JPEG", mode: str = "RGB", **save: Any
) -> bytes:
    buffer = io.BytesIO()
    colour: Any = (200, 80, 40, 0) if mode == "RGBA" else (200, 80, 40)
    Image.new(mode, size, colour).save(buffer, format=image_format, **save)
    return buffer.getvalue()


def upload(data: bytes, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_a_jpeg_png_or_webp_picture_passes() -> None:
    for image_format in ("JPEG", "PNG", "WEBP"):
        assert validate_image(upload(picture(image_format=image_format)), max_bytes=MB).format == (
            image_format
        )


def test_a_pdf_named_like_a_photo_is_refused_by_its_content() -> None:
    with pytest.raises(ValidationError) as error:
        validate_image(upload(b"%PDF-1.7\n1 0 obj"), max_bytes=MB)
    assert error.value.code == "image_unreadable"
    assert "JPEG, PNG или WebP" in error.value.messages[0]


def test_a_gif_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        validate_image(upload(picture(image_format="GIF"), "a.gif"), max_bytes=MB)
    assert error.value.code == "image_format"


def test_a_file_over_the_limit_is_refused_before_it_is_read() -> None:
    with pytest.raises(ValidationError) as error:
        validate_image(upload(b"\xff\xd8" + b"0" * (2 * MB)), max_bytes=2 * MB)
    assert "не больше 2 МБ" in error.value.messages[0]


def test_a_picture_smaller_than_needed_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        validate_image(upload(picture((300, 200))), max_bytes=MB, min_size=(480, 270))
    assert "480×270" in error.value.messages[0]


def test_a_picture_with_too_many_pixels_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        validate_image(upload(picture((3000, 3000))), max_bytes=10 * MB, max_pixels=4_000_000)
    assert error.value.code == "image_too_many_pixels"


def test_a_cover_thumbnail_fills_16_by_9_whatever_the_original() -> None:
    for size in ((4000, 3000), (1000, 2000), (961, 541)):
        content = render_thumbnail(ContentFile(picture(size), name="a.jpg"), COVER)
        with Image.open(io.BytesIO(content.read())) as thumbnail:
            assert (thumbnail.format, thumbnail.size) == ("WEBP", (960, 540))


def test_a_logo_thumbnail_fits_inside_without_cropping() -> None:
    content = render_thumbnail(ContentFile(picture((1000, 400)), name="a.jpg"), LOGO)
    with Image.open(io.BytesIO(content.read())) as thumbnail:
        assert thumbnail.size == (192, 77)


def test_a_logo_keeps_its_transparency() -> None:
    data = picture((400, 400), image_format="PNG", mode="RGBA")
    content = render_thumbnail(ContentFile(data, name="a.png"), LOGO)
    with Image.open(io.BytesIO(content.read())) as thumbnail:
        assert thumbnail.mode == "RGBA"
        pixel = thumbnail.getpixel((10, 10))
        assert isinstance(pixel, tuple)
        assert pixel[3] == 0


def test_a_phone_photo_is_turned_upright_by_its_exif_orientation() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was held upright: rotate 90° clockwise to show it
    data = picture((1200, 900), exif=exif.tobytes())
    content = render_thumbnail(ContentFile(data, name="a.jpg"), LOGO)
    with Image.open(io.BytesIO(content.read())) as thumbnail:
        assert thumbnail.size == (144, 192)


def test_a_broken_original_gives_a_thumbnail_error() -> None:
    with pytest.raises(ThumbnailError):
        render_thumbnail(ContentFile(picture()[:200], name="a.jpg"), COVER)


def test_initials_come_from_the_name_in_quotes() -> None:
    assert initials("АНО «Добрые соседи»") == "ДС"
    assert initials("Благотворительный фонд «Калужский край»") == "КК"
    assert initials("Министерство труда и социальной защиты Калужской области") == "МТ"
    assert initials("«»") == "НКО"


def test_demo_pictures_are_real_images_and_the_same_for_the_same_seed() -> None:
    assert logo_png("АНО «Добрые соседи»", 7) == logo_png("АНО «Добрые соседи»", 7)
    with Image.open(io.BytesIO(logo_png("АНО «Добрые соседи»", 7))) as logo:
        assert (logo.format, logo.mode, logo.size) == ("PNG", "RGBA", (512, 512))
    with Image.open(io.BytesIO(cover_jpeg(3))) as cover:
        assert (cover.format, cover.size) == ("JPEG", (1600, 900))
