from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Every form field renders through core/forms/field.html: a labelled group with help and errors
    next to the field, checkboxes with their label after them, choice groups as fieldsets."""

    field_template_name = "core/forms/field.html"
