"""``ombuds suggestion_accuracy``: how often the domain and theme suggestion is right on the
held-apart stories (``insights/tests/data/stories.toml``), top-1 and top-3.

Without options it builds the suggestion of a new office from the shipped vocabulary alone
(no database needed); ``--municipality GM1708`` scores that municipality's suggestion as
trained (the vocabulary and its closed cases), matching its themes to the stories' by name.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ombuds.insights import evaluation


class Command(BaseCommand):
    help = "Top-1 and top-3 accuracy of the domain and theme suggestion on held-apart stories."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--municipality", help="CBS code: score this municipality's "
                            "trained suggestion instead of the vocabulary alone.")
        parser.add_argument("--stories", type=Path, default=evaluation.STORIES,
                            help="A stories file in the same format.")
        parser.add_argument("--per-story", action="store_true",
                            help="Also list every story's first suggestion in words.")

    def handle(self, *args, municipality: str | None = None, stories: Path = evaluation.STORIES,
               per_story: bool = False, **options) -> None:
        if not stories.exists():
            raise CommandError(f"No stories file at {stories}.")
        found, taxonomy = evaluation.load_stories(stories)
        if municipality:
            classify, source = self._municipality(municipality)
        else:
            classify, source = evaluation.naive_bayes(taxonomy), "the vocabulary alone"
        report = evaluation.evaluate(classify, found)
        self.stdout.write(f"{len(found)} held-apart stories, suggestion from {source}:")
        for line in report.lines():
            self.stdout.write(f"  {line}")
        if per_story:
            for row in evaluation.in_words_table(classify, found):
                self.stdout.write(f"  {row}")

    def _municipality(self, code: str):
        from ombuds.core.models import Municipality
        from ombuds.insights.services import _suggester

        found = Municipality.objects.filter(cbs_code=code.upper()).first()
        if found is None:
            raise CommandError(f"Unknown municipality: {code}.")
        suggester = _suggester(found)
        names = dict(found.themes.values_list("pk", "name"))

        def classify(text: str):
            domains, themes = suggester.suggest(text)
            return ([(p.label, p.probability) for p in domains],
                    [(names.get(int(p.label), p.label), p.probability) for p in themes])

        return classify, f"{found.name}'s training ({suggester.n_cases} closed cases)"
