package org.orchestra.territory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The territory module's facade: where a point is and who manages it, address search, reverse lookup, and the
 * boundaries as GeoJSON. Lookups run on an in-memory index rebuilt from the database after every import; until
 * official boundaries are imported, approximate commune areas are derived from the town halls.
 */
@Service
public class Territory {

	private static final Logger LOG = LoggerFactory.getLogger(Territory.class);
	static final double REVERSE_DISTANCE_METRES = 150;

	private final CommuneAreas communes;
	private final RegionOutlines regions;
	private final StreetNames streets;
	private final RoadSegments roads;
	private final AddressPoints addresses;
	private final TerritoryProperties properties;
	private final TransactionTemplate transactions;
	private final AtomicReference<@Nullable Snapshot> snapshot = new AtomicReference<>();

	record Snapshot(TerritoryIndex index, String communesGeoJson, String regionGeoJson, String etag) {
	}

	Territory(CommuneAreas communes, RegionOutlines regions, StreetNames streets, RoadSegments roads,
			AddressPoints addresses, TerritoryProperties properties, TransactionTemplate transactions) {
		this.communes = communes;
		this.regions = regions;
		this.streets = streets;
		this.roads = roads;
		this.addresses = addresses;
		this.properties = properties;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		refresh();
	}

	/** Rebuilds the index from the database. */
	void refresh() {
		Snapshot built = transactions.execute(status -> build());
		snapshot.set(built);
		LOG.info("Territory index: {} communes ({}), {} streets, {} roads, {} address points",
				built.index().communes().size(), built.index().approximate() ? "approximate" : "imported",
				built.index().streets().size(), built.index().roadCount(), built.index().addressCount());
	}

	private Snapshot build() {
		List<CommuneArea> stored = communes.findAll();
		boolean approximate = stored.isEmpty();
		List<TerritoryIndex.CommuneShape> shapes = new ArrayList<>();
		Geometry region = null;
		if (approximate) {
			shapes.addAll(approximateCommunes());
		}
		else {
			for (CommuneArea area : stored) {
				shapes.add(TerritoryIndex.shape(area.nisCode(), area.nameFr(), area.nameNl(), area.postcodes(),
						Geometries.fromWkb(area.geometry())));
			}
			region = regions.findById(RegionOutline.ID).map(r -> Geometries.fromWkb(r.geometry())).orElse(null);
		}
		List<TerritoryIndex.RoadShape> roadShapes = roads.findAll()
			.stream()
			.map(r -> TerritoryIndex.road(r.manager(), r.nameFr(), r.nameNl(), Geometries.fromWkb(r.geometry())))
			.toList();
		Map<String, TerritoryIndex.AddressEntry> points = new HashMap<>();
		for (AddressPoint point : addresses.findAll()) {
			for (String street : new String[] { point.streetFr(), point.streetNl() }) {
				if (street != null) {
					points.put(TerritoryIndex.addressKey(point.nisCode(), Text.normalise(street), point.houseNumber()),
							new TerritoryIndex.AddressEntry(point.lon(), point.lat()));
				}
			}
		}
		TerritoryIndex index = new TerritoryIndex(shapes, region, roadShapes,
				TerritoryIndex.streetEntries(streets.findAll()), points, approximate,
				properties.regionalRoadDistance());
		String communesJson = communesGeoJson(index);
		String regionJson = regionGeoJson(index);
		String etag = "\"" + Integer.toHexString((communesJson + regionJson).hashCode()) + "\"";
		return new Snapshot(index, communesJson, regionJson, etag);
	}

	/**
	 * Approximate commune areas: the Voronoi cells of the 19 town halls, clipped to an outline around them. Only
	 * good enough for a demonstration; the pages say so.
	 */
	static List<TerritoryIndex.CommuneShape> approximateCommunes() {
		List<Point> halls = ReferenceCommunes.all().values().stream().map(ReferenceCommunes.Reference::townHall).toList();
		Geometry outline = GeoJson.WGS84.buildGeometry(halls).convexHull().buffer(0.03);
		VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
		voronoi.setSites(GeoJson.WGS84.buildGeometry(halls));
		voronoi.setClipEnvelope(outline.getEnvelopeInternal());
		Geometry cells = voronoi.getDiagram(GeoJson.WGS84);
		List<TerritoryIndex.CommuneShape> shapes = new ArrayList<>();
		for (ReferenceCommunes.Reference reference : ReferenceCommunes.all().values()) {
			for (int i = 0; i < cells.getNumGeometries(); i++) {
				Geometry cell = cells.getGeometryN(i);
				if (cell.contains(reference.townHall())) {
					Geometry area = cell.intersection(outline);
					area.setSRID(4326);
					shapes.add(TerritoryIndex.shape(reference.nisCode(), reference.nameFr(), reference.nameNl(),
							reference.postcodes(), area));
				}
			}
		}
		return shapes;
	}

	private Snapshot current() {
		Snapshot current = snapshot.get();
		if (current == null) {
			refresh();
			current = snapshot.get();
		}
		return current;
	}

	/** Where a WGS84 point is and who manages it. */
	public Place locate(double lon, double lat) {
		if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
			throw new IllegalArgumentException("Coordinates out of range");
		}
		return current().index().locate(lon, lat);
	}

	/** Addresses matching free text such as "Wetstraat 16, 1040 Brussel". */
	public List<Address> searchAddresses(String query, int limit) {
		String trimmed = query == null ? "" : query.strip();
		if (trimmed.length() > 200) {
			trimmed = trimmed.substring(0, 200);
		}
		return AddressSearch.search(trimmed, Math.max(1, Math.min(limit, 50)), current().index());
	}

	/** The nearest named road within 150 m of a point, where road geometry has been imported. */
	public Optional<NearestStreet> nearestStreet(double lon, double lat) {
		TerritoryIndex.RoadShape road = current().index().nearestRoad(lon, lat, REVERSE_DISTANCE_METRES, null);
		if (road == null || (road.nameFr() == null && road.nameNl() == null)) {
			return Optional.empty();
		}
		Place place = locate(lon, lat);
		return Optional.of(new NearestStreet(road.nameFr(), road.nameNl(), place.nisCode(), place.communeFr(),
				place.communeNl(), road.manager()));
	}

	/** Whether the boundaries are approximate (no official data imported yet). */
	public boolean approximate() {
		return current().index().approximate();
	}

	public Status status() {
		TerritoryIndex index = current().index();
		return new Status(index.approximate(), index.communes().size(), index.streets().size(), index.roadCount(),
				index.addressCount());
	}

	public String communesGeoJson() {
		return current().communesGeoJson();
	}

	public String regionGeoJson() {
		return current().regionGeoJson();
	}

	/** Changes whenever the boundaries change. */
	public String boundariesEtag() {
		return current().etag();
	}

	private static String communesGeoJson(TerritoryIndex index) {
		StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
		boolean first = true;
		for (TerritoryIndex.CommuneShape commune : index.communes()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			out.append("{\"type\":\"Feature\",\"id\":\"").append(commune.nisCode()).append("\",\"properties\":{")
				.append("\"nis_code\":\"").append(commune.nisCode()).append("\",\"name_fr\":")
				.append(quote(commune.nameFr())).append(",\"name_nl\":").append(quote(commune.nameNl()))
				.append(",\"postal_codes\":").append(quote(commune.postcodes()))
				.append(",\"approximate\":").append(index.approximate()).append("},\"geometry\":");
			GeoJson.write(commune.geometry(), out);
			out.append('}');
		}
		return out.append("]}").toString();
	}

	private static String regionGeoJson(TerritoryIndex index) {
		StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
				+ "\"id\":\"04000\",\"properties\":{\"nis_code\":\"04000\",\"approximate\":" + index.approximate()
				+ "},\"geometry\":");
		GeoJson.write(index.region(), out);
		return out.append("}]}").toString();
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/** What the index holds. */
	public record Status(boolean approximate, int communes, int streets, int roads, int addressPoints) {
	}

	/** The street nearest to a point. */
	public record NearestStreet(@Nullable String nameFr, @Nullable String nameNl, @Nullable String nisCode,
			@Nullable String communeFr, @Nullable String communeNl, Manager manager) {
	}
}
