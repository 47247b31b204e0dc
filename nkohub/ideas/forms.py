"""Forms of the idea bank: the list's filters, proposing an idea, its status, comments and hiding them."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.forms import PlatformForm, PlatformModelForm
from nkohub.ideas.models import Idea
from nkohub.ideas.selectors import IdeaFilters, authorities_with_ideas
from nkohub.organizations.models import Organization, Sphere
from nkohub.reception.selectors import authorities
from nkohub.territories.forms import MunicipalityChoiceField


class IdeaFilterForm(PlatformForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=pgettext_lazy("idea field", "Status"),
        choices=[("", _("Any status")), *Idea.Status.choices],
        required=False,
    )
    municipality = MunicipalityChoiceField(
        label=_("Territory"), required=False, empty_label=_("All territories")
    )
    sphere = forms.ModelChoiceField(
        label=_("Sphere"),
        queryset=Sphere.objects.all(),
        required=False,
        empty_label=_("All spheres"),
    )
    addressee = forms.ModelChoiceField(
        label=pgettext_lazy("idea field", "Addressed to"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Any authority"),
    )
    sort = forms.ChoiceField(
        label=_("Sort"),
        choices=[("supports", _("most supported")), ("new", _("newest"))],
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        addressee: Any = self.fields["addressee"]
        addressee.queryset = authorities_with_ideas()

    def filters(self) -> IdeaFilters:
        if not self.is_bound or not self.is_valid():
            return IdeaFilters()
        data = self.cleaned_data
        return IdeaFilters(
            q=data["q"].strip(),
            status=data["status"],
            municipality=data["municipality"].pk if data["municipality"] else None,
            sphere=data["sphere"].pk if data["sphere"] else None,
            addressee=data["addressee"].pk if data["addressee"] else None,
            sort=data["sort"] or "supports",
        )


class IdeaForm(PlatformModelForm):
    municipality = MunicipalityChoiceField(label=pgettext_lazy("idea field", "Territory"))

    class Meta:
        model = Idea
        fields = ["title", "problem", "proposal", "municipality", "sphere", "addressee"]
        labels = {
            "title": pgettext_lazy("idea field", "Title"),
            "problem": _("What is the problem"),
            "proposal": _("What do you propose"),
            "sphere": _("Sphere"),
            "addressee": _("Authority to address it to"),
        }
        help_texts = {
            "addressee": _(
                "When the idea collects enough supports it is sent to this authority as your appeal "
                "(with the deadlines of 59-ФЗ); the idea and the answer are public."
            ),
        }
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 5}),
            "proposal": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        addressee: Any = self.fields["addressee"]
        addressee.queryset = authorities()
        addressee.empty_label = _("not addressed")


class StatusForm(PlatformForm):
    status = forms.ChoiceField(label=pgettext_lazy("idea field", "New status"), choices=())
    reason = forms.CharField(
        label=pgettext_lazy("idea field", "Reason or comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the idea is rejected; shown on the idea's timeline."),
    )

    def __init__(self, *args: Any, statuses: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Idea.Status.choices)
        status: Any = self.fields["status"]
        status.choices = [(value, labels[value]) for value in statuses]


class CommentForm(PlatformForm):
    text = forms.CharField(
        label=_("Your comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class HideCommentForm(PlatformForm):
    reason = forms.CharField(label=_("Why it is hidden"), max_length=500)
