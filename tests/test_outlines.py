"""Country bounding boxes and codes from the Natural Earth file in the pyogrio wheel."""

import pytest

from newswire.outlines import alpha2, countries, country_bounds, within

TEL_AVIV = (32.0853, 34.7818)
CAIRO = (30.0444, 31.2357)
OSLO = (59.9139, 10.7522)
PARIS = (48.8566, 2.3522)
SYDNEY = (-33.8688, 151.2093)


@pytest.mark.parametrize(
    ("code", "inside", "outside"),
    [
        ("IL", TEL_AVIV, CAIRO),
        ("EG", CAIRO, TEL_AVIV),
        ("FR", PARIS, OSLO),
        ("NO", OSLO, PARIS),
        ("AU", SYDNEY, PARIS),
    ],
)
def test_a_country_box_holds_its_city_and_not_a_neighbour(code, inside, outside):
    bounds = country_bounds()[code]
    assert within(bounds, *inside)
    assert not within(bounds, *outside)


@pytest.mark.parametrize(
    ("iso_a3", "name", "expected"),
    [
        ("ISR", "Israel", "IL"),
        ("-99", "France", "FR"),
        ("-99", "Norway", "NO"),
        ("-99", "Kosovo", "XK"),
        ("-99", "Atlantis", None),
    ],
)
def test_alpha2_from_code_or_name(iso_a3, name, expected):
    assert alpha2(iso_a3, name) == expected


def test_every_country_has_a_code_and_a_sane_box():
    assert len(countries()) == 177
    assert all(country.country_code for country in countries())
    for min_lon, min_lat, max_lon, max_lat in country_bounds().values():
        assert -180 <= min_lon <= max_lon <= 180.000001
        assert -90 <= min_lat <= max_lat <= 90


def test_a_country_of_several_parts_spans_all_of_them():
    # mainland France and French Guiana, in South America
    min_lon, min_lat, _, _ = country_bounds()["FR"]
    assert min_lon < -50 and min_lat < 5
    # Russia crosses the antimeridian
    min_lon, _, max_lon, _ = country_bounds()["RU"]
    assert min_lon == -180 and max_lon >= 180
