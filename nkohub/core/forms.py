from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_noop

# Django 6.1's Russian catalogue lacks the label of an empty choice in model fields; ours has it.
BLANK_CHOICE_LABEL = gettext_noop("- Select an option -")


class FormRenderer(TemplatesSetting):
    """Every form field renders through core/forms/field.html: a labelled group with help and errors
    next to the field, checkboxes with their label after them, choice groups as fieldsets."""

    field_template_name = "core/forms/field.html"
