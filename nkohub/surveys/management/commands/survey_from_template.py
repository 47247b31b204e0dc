from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nkohub.core.errors import DomainError
from nkohub.surveys.blueprints import BLUEPRINTS
from nkohub.surveys.services import survey_create_from_blueprint


class Command(BaseCommand):
    help = "Create a draft survey from a template: needs (sixteen problem zones) or interview."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("template", choices=sorted(BLUEPRINTS))
        parser.add_argument("--opens", type=date.fromisoformat, required=True)
        parser.add_argument("--closes", type=date.fromisoformat, required=True)
        parser.add_argument("--title", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            survey = survey_create_from_blueprint(
                actor=None,
                key=options["template"],
                title=options["title"],
                opens_on=options["opens"],
                closes_on=options["closes"],
            )
        except DomainError as error:
            raise CommandError(error.message) from error
        self.stdout.write(f"{survey.pk}: {survey.title} ({survey.questions.count()})")
