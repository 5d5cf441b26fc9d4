"""``ombuds load_demo``: the demo office, its three municipalities, about 55 cases that tell a
story and some 450 earlier, closed cases that give the reports their volume."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ombuds.demo.loader import load_demo, wipe_demo


class Command(BaseCommand):
    help = (
        "Load the demo data (Steenwijkerland, Westerveld and Zwartewaterland, organisations, "
        "demo users with password 'demo', about 55 cases and some 450 earlier closed cases). "
        "Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true",
            help="Delete the demo cases (with their timeline and audit entries) and load them "
            "anew. Only in demo mode (OMBUDS_DEMO_MODE=1).",
        )

    def handle(self, *args, reset: bool = False, **options):
        if reset:
            if not settings.DEMO_MODE:
                raise CommandError("--reset only works in demo mode (OMBUDS_DEMO_MODE=1).")
            wiped = wipe_demo()
            self.stdout.write(f"Removed {wiped} demo cases.")
        result = load_demo()
        if result.cases_created:
            stories = result.cases_created - result.earlier_created
            earlier = (f" and {result.earlier_created} earlier closed cases"
                       if result.earlier_created else "")
            self.stdout.write(self.style.SUCCESS(f"Loaded {stories} demo cases{earlier}."))
        else:
            self.stdout.write(
                f"Demo data already present ({result.cases_present} cases); configuration "
                "and demo users are up to date. Use --reset to load the cases anew."
            )
        if not settings.DEMO_MODE:
            self.stdout.write(self.style.WARNING(
                "Demo accounts only log in with OMBUDS_DEMO_MODE=1."
            ))
