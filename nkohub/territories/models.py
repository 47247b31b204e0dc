from django.db import models
from django.utils.translation import gettext_lazy as _

from nkohub.core.validators import validate_oktmo


class Region(models.Model):
    """A subject of the Russian Federation, by its two-digit code (the one INNs begin with)."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    class Kind(models.TextChoices):
        CITY_DISTRICT = "city_district", _("city district")
        MUNICIPAL_DISTRICT = "municipal_district", _("municipal district")
        MUNICIPAL_OKRUG = "municipal_okrug", _("municipal okrug")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="municipalities")
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    oktmo = models.CharField(
        _("OKTMO"), max_length=11, null=True, blank=True, unique=True, validators=[validate_oktmo]
    )
    administrative_centre = models.CharField(
        _("administrative centre"),
        max_length=120,
        blank=True,
        help_text=_(
            "The town or village where the district's administration sits (Кондрово for "
            "Дзержинский район): addresses that name only it are matched to the district."
        ),
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["region__code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"], name="municipality_unique_name_in_region"
            ),
        ]

    def __str__(self) -> str:
        return self.name
