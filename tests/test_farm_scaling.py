"""Synthetic farms for the scaling benchmark (`python -m farm serve --portals N`): the 119 real portals stay as they
are, clones get distinct ids and loopback addresses, and pages are rendered for them by the same generator."""
import pytest

from farm import portals as fp


@pytest.fixture
def size_500(monkeypatch):
    monkeypatch.setattr(fp, "_size", None)
    fp.set_size(500)
    yield fp.all_portals()


def test_clones_have_distinct_ids_and_addresses_and_resolve_back(size_500):
    portals = size_500
    assert len(portals) == 500
    assert portals[:119] == fp.load_portals()  # the real ones are untouched (and the truth sees only them)
    assert len({p.id for p in portals}) == 500
    # One address per portal, but the sites of the province's shared host, which share the province's.
    shared = [p for p in portals if p.address == portals[0].address]
    assert {p.id for p in shared} >= {"tinh-bac-ninh", "so-noi-vu"} and all(p.shared_host for p in shared)
    assert len({p.address for p in portals}) == 500 - len(shared) + 1
    assert portals[119].address == "127.0.1.2" and portals[119].id == f"{portals[0].id}-2"
    for p in portals:
        assert fp.portal_at(p.address, p.base_path or "/") == p
        assert fp.portal_at(p.address, (p.base_path or "") + "/tin-tuc") == p
        assert fp.portal_by_id(p.id) == p
    assert fp.portal_at("127.0.0.121", "/") is None
    assert fp.portal_at("127.0.2.252", "/") is None
    assert len(fp.registry_rows(8080)) == 500


def test_clone_pages_come_from_the_generator_under_their_own_address(size_500):
    from datetime import datetime

    from farm.site import FarmSite
    clone = next(p for p in size_500 if p.source == "so-noi-vu")
    site = FarmSite(65, datetime(2026, 5, 20, 10, 0), 8080, faults=False)
    home = site.handle_address(clone.address, "GET", clone.base_path or "/", {})
    assert home.status == 200
    assert f"/web/{clone.id}/".encode() in home.body  # links stay inside the clone's own site


def test_size_below_the_real_farm_is_refused(monkeypatch):
    monkeypatch.setattr(fp, "_size", None)
    with pytest.raises(ValueError, match="--portals 50"):
        fp.set_size(50)
