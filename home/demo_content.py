"""The demo site: its home page, and below it knowledge's frame and seed pages.

The home page is this app's, so it is made here and handed to knowledge's loader
(`knowledge/demo_content/`), which knows nothing of the home page's type. Idempotent like the
loader: an existing home page is kept as it is.
"""

from django.db import transaction
from wagtail.models import Page, Site

from knowledge.demo_content.loader import Loader, read_data

from .models import HomePage

HOME = {
    "title_da": "Bro – forebyggelse på tværs af grænsen",
    "title_sv": "Bro – brottsförebyggande över gränsen",
    "title_en": "Bro – crime prevention across the border",
    "slug_da": "bro",
    "slug_sv": "bro",
    "slug_en": "bro",
    "intro_da": "Kriminalpræventive programmer og metoder fra Danmark og Sverige – "
    "søg på dit eget sprog, og find også nabolandets erfaringer.",
    "intro_sv": "Brottsförebyggande program och metoder från Danmark och Sverige – "
    "sök på ditt eget språk och hitta grannlandets erfarenheter också.",
    "intro_en": "Crime-prevention programmes and methods from Denmark and Sweden – "
    "search in your own language and find the neighbouring country's experience too.",
}


@transaction.atomic
def load_demo_content():
    """The whole demo site, created where missing; returns the loader's report."""
    loader = Loader(read_data())
    return loader.load(ensure_home(loader.create_page))


def ensure_home(create_page):
    """The home page as the root of the default site, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        for welcome in root.get_children().exact_type(Page):
            welcome.delete()  # Wagtail's "Welcome to your new Wagtail site!" placeholder
        home = create_page(root, HomePage(**HOME))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Bro"},
    )
    return home
