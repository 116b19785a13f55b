package org.orchestra.territory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.proj4j.CoordinateTransform;

/**
 * An immutable, in-memory snapshot of the reference geography, built for fast lookups: prepared geometries and
 * R-trees (STR) for communes and roads; roads are indexed in Lambert 72 so that distances are in metres.
 * Thread-safe: it is replaced as a whole after an import.
 */
final class TerritoryIndex {

	record CommuneShape(String nisCode, String nameFr, String nameNl, String postcodes, Geometry geometry,
			PreparedGeometry prepared, Point interior) {
	}

	record RoadShape(Manager manager, @Nullable String nameFr, @Nullable String nameNl, Geometry lambert) {
	}

	record StreetEntry(String nisCode, @Nullable String nameFr, @Nullable String nameNl, String normalisedFr,
			String normalisedNl, List<String> postcodes) {
	}

	record AddressEntry(double lon, double lat) {
	}

	private static final ThreadLocal<CoordinateTransform> TO_LAMBERT = ThreadLocal.withInitial(Lambert72::fromWgs84);
	private static final double NEAREST_COMMUNE_DEGREES = 0.002;

	private final List<CommuneShape> communes;
	private final Map<String, CommuneShape> communesByNis = new HashMap<>();
	private final STRtree communeTree = new STRtree();
	private final Geometry region;
	private final PreparedGeometry preparedRegion;
	private final STRtree roadTree = new STRtree();
	private final int roadCount;
	private final List<StreetEntry> streets;
	private final Map<String, AddressEntry> addresses;
	private final boolean approximate;
	private final double regionalRoadDistance;

	TerritoryIndex(List<CommuneShape> communes, @Nullable Geometry region, List<RoadShape> roads,
			List<StreetEntry> streets, Map<String, AddressEntry> addresses, boolean approximate,
			double regionalRoadDistance) {
		this.communes = List.copyOf(communes);
		for (CommuneShape commune : communes) {
			communesByNis.put(commune.nisCode(), commune);
			communeTree.insert(commune.geometry().getEnvelopeInternal(), commune);
		}
		communeTree.build();
		this.region = region != null ? region
				: GeoJson.WGS84.buildGeometry(communes.stream().map(CommuneShape::geometry).toList()).union();
		this.preparedRegion = PreparedGeometryFactory.prepare(this.region);
		for (RoadShape road : roads) {
			roadTree.insert(road.lambert().getEnvelopeInternal(), road);
		}
		roadTree.build();
		this.roadCount = roads.size();
		this.streets = List.copyOf(streets);
		this.addresses = Map.copyOf(addresses);
		this.approximate = approximate;
		this.regionalRoadDistance = regionalRoadDistance;
	}

	static CommuneShape shape(String nis, String fr, String nl, String postcodes, Geometry geometry) {
		return new CommuneShape(nis, fr, nl, postcodes, geometry, PreparedGeometryFactory.prepare(geometry),
				geometry.getInteriorPoint());
	}

	static RoadShape road(Manager manager, @Nullable String fr, @Nullable String nl, Geometry wgs84) {
		return new RoadShape(manager, fr, nl, TerritoryFiles.reproject(wgs84, Lambert72.fromWgs84(), 31370));
	}

	static String addressKey(String nis, String normalisedStreet, String houseNumber) {
		return nis + "|" + normalisedStreet + "|" + houseNumber.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
	}

	/** Where a point is: its commune, whether it is in the region, and who manages it. */
	Place locate(double lon, double lat) {
		Point point = GeoJson.WGS84.createPoint(new Coordinate(lon, lat));
		if (!preparedRegion.covers(point)) {
			return Place.outside(lon, lat, approximate);
		}
		CommuneShape commune = communeAt(point);
		if (commune == null) {
			return Place.outside(lon, lat, approximate);
		}
		RoadShape regionalRoad = nearestRoad(lon, lat, regionalRoadDistance, Manager.REGION);
		if (regionalRoad != null) {
			return new Place(lon, lat, true, commune.nisCode(), commune.nameFr(), commune.nameNl(), Manager.REGION,
					"regional-road", regionalRoad.nameFr(), regionalRoad.nameNl(), approximate);
		}
		return new Place(lon, lat, true, commune.nisCode(), commune.nameFr(), commune.nameNl(), Manager.COMMUNE,
				roadCount == 0 ? "no-road-data" : "communal", null, null, approximate);
	}

	private @Nullable CommuneShape communeAt(Point point) {
		@SuppressWarnings("unchecked")
		List<CommuneShape> candidates = communeTree.query(point.getEnvelopeInternal());
		for (CommuneShape candidate : candidates) {
			if (candidate.prepared().covers(point)) {
				return candidate;
			}
		}
		// a point on a border or in a sliver between polygons belongs to the nearest commune
		Envelope around = point.getEnvelopeInternal();
		around.expandBy(NEAREST_COMMUNE_DEGREES);
		@SuppressWarnings("unchecked")
		List<CommuneShape> near = communeTree.query(around);
		return near.stream()
			.min(Comparator.comparingDouble(c -> c.geometry().distance(point)))
			.filter(c -> c.geometry().distance(point) <= NEAREST_COMMUNE_DEGREES)
			.orElse(null);
	}

	/** The nearest road within {@code metres} (of the given manager, or any when {@code null}). */
	@Nullable RoadShape nearestRoad(double lon, double lat, double metres, @Nullable Manager manager) {
		if (roadCount == 0) {
			return null;
		}
		Coordinate lambert = Lambert72.apply(TO_LAMBERT.get(), lon, lat);
		Point point = GeoJson.WGS84.createPoint(lambert);
		Envelope search = new Envelope(lambert);
		search.expandBy(metres);
		@SuppressWarnings("unchecked")
		List<RoadShape> candidates = roadTree.query(search);
		RoadShape best = null;
		double bestDistance = Double.MAX_VALUE;
		for (RoadShape road : candidates) {
			if (manager != null && road.manager() != manager) {
				continue;
			}
			double distance = DistanceOp.distance(road.lambert(), point);
			if (distance <= metres && distance < bestDistance) {
				best = road;
				bestDistance = distance;
			}
		}
		return best;
	}

	List<CommuneShape> communes() {
		return communes;
	}

	Optional<CommuneShape> commune(String nis) {
		return Optional.ofNullable(communesByNis.get(nis));
	}

	Geometry region() {
		return region;
	}

	List<StreetEntry> streets() {
		return streets;
	}

	@Nullable AddressEntry address(String key) {
		return addresses.get(key);
	}

	int roadCount() {
		return roadCount;
	}

	int addressCount() {
		return addresses.size();
	}

	boolean approximate() {
		return approximate;
	}

	static List<StreetEntry> streetEntries(List<StreetName> names) {
		List<StreetEntry> entries = new ArrayList<>();
		for (StreetName name : names) {
			entries.add(new StreetEntry(name.nisCode(), name.nameFr(), name.nameNl(),
					name.nameFr() == null ? "" : Text.normalise(name.nameFr()),
					name.nameNl() == null ? "" : Text.normalise(name.nameNl()),
					List.of(name.postcodes().split("\\s+"))));
		}
		return entries;
	}
}
