"""A tile-grid map of Europe (plus the non-European home country of a case), drawn offline.

Positions are a layout, not data: one square per country, roughly where it lies. No map files or tiles
are fetched at run time.
"""

# iso2: (row, column, name)
TILES: dict[str, tuple[int, int, str]] = {
    "IS": (0, 0, "Iceland"), "NO": (0, 4, "Norway"), "SE": (0, 5, "Sweden"), "FI": (0, 6, "Finland"),
    "IE": (1, 1, "Ireland"), "GB": (1, 2, "United Kingdom"), "DK": (1, 4, "Denmark"), "EE": (1, 6, "Estonia"),
    "NL": (2, 3, "Netherlands"), "DE": (2, 4, "Germany"), "PL": (2, 5, "Poland"), "LV": (2, 6, "Latvia"),
    "BE": (3, 2, "Belgium"), "LU": (3, 3, "Luxembourg"), "CZ": (3, 4, "Czechia"), "SK": (3, 5, "Slovakia"),
    "LT": (3, 6, "Lithuania"),
    "FR": (4, 2, "France"), "CH": (4, 3, "Switzerland"), "AT": (4, 4, "Austria"), "HU": (4, 5, "Hungary"),
    "RO": (4, 6, "Romania"),
    "PT": (5, 0, "Portugal"), "ES": (5, 1, "Spain"), "IT": (5, 3, "Italy"), "SI": (5, 4, "Slovenia"),
    "HR": (5, 5, "Croatia"), "BG": (5, 6, "Bulgaria"),
    "MT": (6, 3, "Malta"), "GR": (6, 6, "Greece"), "CY": (6, 7, "Cyprus"),
    # Outside Europe: placed apart, to the south-east.
    "IL": (7, 8, "Israel"),
}
