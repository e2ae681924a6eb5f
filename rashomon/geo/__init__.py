"""Offline gazetteer and place finder: names in news text to GeoNames places.

``get_gazetteer()`` gives the process-wide ``Gazetteer`` (built once into the
cache directory, then only loaded); ``find_places`` finds the places an
article names, disambiguated by what else it names (``build_context``);
``find_dateline`` reads a wire-style dateline; ``reread_by_outlet`` reads
ambiguous names in the region an outlet mostly reports from (``OutletReader``:
the same over a stream of articles).
"""

from rashomon.geo.finder import PlaceMatch, build_context, find_dateline, find_places
from rashomon.geo.gazetteer import Gazetteer, GeoContext, Resolution, get_gazetteer
from rashomon.geo.outlets import OutletReader, outlet_regions, reread_by_outlet

__all__ = ["Gazetteer", "GeoContext", "OutletReader", "PlaceMatch", "Resolution", "build_context", "find_dateline",
           "find_places", "get_gazetteer", "outlet_regions", "reread_by_outlet"]
