"""What the overview may be asked: a country, up to two areas side by side, perhaps a theme.

`?country=DK&area=midt-og-vestjylland&area=ostergotlands-lan&theme=burglary`. Every value is
checked against what exists, so a wrong one is a clear 400 rather than an empty page.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from knowledge.models import Area, Country

from .aggregations import Scope

MAX_AREAS = 2


class OverviewForm(forms.Form):
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        choices=[("", _("Denmark and Sweden")), *Country.choices],
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, data, areas, themes):
        super().__init__(data, label_suffix="")
        self.areas = {area.slug: area for area in areas}
        self.themes = {theme.slug: theme for theme in themes}
        self.fields["theme"].choices = [
            ("", _("All themes")),
            *((slug, theme.name) for slug, theme in self.themes.items()),
        ]
        self.raw_areas = list(dict.fromkeys(value for value in data.getlist("area") if value))

    def clean(self):
        cleaned = super().clean()
        if len(self.raw_areas) > MAX_AREAS:
            raise forms.ValidationError(
                _("Choose at most %(limit)d areas to show side by side."),
                params={"limit": MAX_AREAS},
            )
        unknown = [slug for slug in self.raw_areas if slug not in self.areas]
        if unknown:
            raise forms.ValidationError(
                _("Unknown area: %(values)s"), params={"values": ", ".join(unknown)[:200]}
            )
        country = cleaned.get("country")
        for slug in self.raw_areas:
            area = self.areas[slug]
            if country and area.country != country:
                self.add_error(
                    None,
                    gettext(
                        "%(area)s is in %(area_country)s, not in %(country)s: choose "
                        "“Denmark and Sweden” to compare places in both countries."
                    )
                    % {
                        "area": area.name,
                        "area_country": Country(area.country).label,
                        "country": Country(country).label,
                    },
                )
        cleaned["areas"] = [self.areas[slug] for slug in self.raw_areas]
        return cleaned

    def scopes(self):
        """One scope per chosen area, or the chosen country (or both countries) as one."""
        data = self.cleaned_data
        common = {}
        if data["country"]:
            common["country"] = [data["country"]]
        if data["theme"]:
            common["themes"] = [data["theme"]]
        if data["areas"]:
            return [
                Scope(
                    key=area.slug,
                    label=area.name,
                    filters={**common, "areas": [area.slug]},
                    here=(area.slug,),
                )
                for area in data["areas"]
            ]
        country = data["country"]
        label = Country(country).label if country else gettext("Denmark and Sweden")
        return [
            Scope(
                key=country or "all", label=str(label), filters=common, here=self.countries(country)
            )
        ]

    def countries(self, country):
        """The areas that are whole countries (one, or both when none is chosen): what "here"
        means in a country's view. None when the taxonomy has no such area."""
        return tuple(
            slug
            for slug, area in self.areas.items()
            if area.kind == Area.Kind.COUNTRY and (not country or area.country == country)
        )
