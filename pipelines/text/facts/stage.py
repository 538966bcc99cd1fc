"""The facts stage: the passes from a paragraph to its typed facts, in order.

The extractor families add the facts they find (dates, percents, amounts, meetings, formulas,
cited documents, organisations, persons, places: one module each, conventions and confidences
in each module's docstring); then the filters resolve overlapping spans of one type and drop
the facts nested in another (facts/filters.py), and the facts are sorted. The stage runs once
per paragraph; `persons_document.add_document_repeats` then reads a document's paragraphs
together."""

from __future__ import annotations

from ..passes import Pass
from . import (
    amounts_counts,
    amounts_settled,
    cited,
    dates,
    families,
    filters,
    filters_festivals,
    filters_names,
    filters_quoted,
    filters_settled,
    filters_speech,
    formulas,
    meetings,
    meetings_annual,
    meetings_named,
    meetings_short,
    meetings_years,
    organizations_councils,
    organizations_forces,
    organizations_formations,
    organizations_missions,
    organizations_paired,
    organizations_parties,
    organizations_sites,
    organizations_teams,
    organizations_titled,
    organizations_units,
    percents,
    persons_heads,
    persons_openers,
    places_chained,
    places_features,
    places_routes,
    places_venues,
    places_waters,
)
from .state import FactState

__all__ = ["FACT_PASSES", "FactState"]

#: The whole stage, in order.
FACT_PASSES: tuple[Pass, ...] = (
    dates.extract_pass,
    percents.extract_pass,
    families.amounts,
    amounts_counts.counts_pass,
    amounts_settled.settled_bounds_pass,
    meetings.extract_pass,
    meetings_named.extract_pass,
    meetings_short.short_expos_pass,
    meetings_years.year_headed_pass,
    meetings_annual.annual_pass,
    meetings_annual.issuers_pass,
    formulas.extract_pass,
    cited.extract_pass,
    families.organizations,
    organizations_parties.with_parties_pass,
    organizations_missions.missions_pass,
    organizations_councils.place_councils_pass,
    organizations_teams.national_offices_pass,
    organizations_units.units_pass,
    organizations_forces.forces_pass,
    organizations_formations.formations_pass,
    organizations_sites.drop_in_sites_pass,
    organizations_paired.split_pairs_pass,
    families.persons,
    persons_heads.role_only_surnames_pass,
    persons_openers.opening_persons_pass,
    organizations_titled.drop_ministers_organs_pass,
    families.places,
    places_features.features_pass,
    places_chained.chains_pass,
    places_waters.waters_pass,
    places_routes.routes_pass,
    places_venues.venue_countries_pass,
    filters_names.drop_in_names_pass,
    filters.resolve,
    filters.trim_roles,
    filters.drop_nested,
    filters.drop_in_columns,
    filters.drop_in_themes,
    filters_quoted.drop_in_quoted_titles_pass,
    filters_festivals.drop_festival_cities_pass,
    filters_settled.drop_heads_of_names_pass,
    filters_speech.drop_places_in_speech_pass,
    filters.sort,
)
