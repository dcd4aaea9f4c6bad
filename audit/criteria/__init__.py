"""Rule types a rubric criterion can name (`rule: {type: ...}`), each a small pure function plus a parameter check.

Adding a rule type = writing `run(ctx, criterion) -> Outcome` and `check(params, max_points, known) -> set[int]`
(the points the rule can give, validated against the criterion's tiers when the rubric is loaded) and listing it here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from audit.criteria import content, features, links, pakn
from audit.criteria.base import Known, Rule


@dataclass(frozen=True)
class RuleType:
    run: Rule
    check: Callable[[dict, int, Known], set[int]]


RULES: dict[str, RuleType] = {
    "count_in_period": RuleType(content.count_in_period, content.check_count_in_period),
    "section_has_items": RuleType(content.section_has_items, content.check_section_has_items),
    "section_found": RuleType(content.section_found, content.check_section_found),
    "elements": RuleType(content.elements, content.check_elements),
    "contact": RuleType(content.contact, content.check_contact),
    "directory": RuleType(content.directory, content.check_directory),
    "documents": RuleType(content.documents, content.check_documents),
    "schedule_in_period": RuleType(content.schedule_in_period, content.check_schedule_in_period),
    "tthc": RuleType(links.tthc, links.check_tthc),
    "dvc_link": RuleType(links.dvc_link, links.check_dvc_link),
    "portal_links": RuleType(links.portal_links, links.check_portal_links),
    "component_links": RuleType(links.component_links, links.check_component_links),
    "pakn": RuleType(pakn.pakn, pakn.check_pakn),
    "search_works": RuleType(features.search_works, features.check_search_works),
    "print_majority": RuleType(features.print_majority, features.check_print_majority),
}
