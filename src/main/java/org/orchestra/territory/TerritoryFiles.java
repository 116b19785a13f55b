package org.orchestra.territory;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.locationtech.proj4j.CoordinateTransform;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks import files. Nothing here touches the database: a file is read whole and every problem is
 * reported, so that the import can replace the data atomically or leave it untouched.
 */
final class TerritoryFiles {

	/** Generous bounds around the region, in WGS84, to catch coordinates read in the wrong CRS. */
	static final Envelope AROUND_BRUSSELS = new Envelope(4.1, 4.6, 50.7, 50.98);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TerritoryFiles() {
	}

	record Parsed<T>(ImportReport report, List<T> records) {
	}

	record CommuneRecord(String nisCode, String nameFr, String nameNl, String postcodes, Geometry geometry) {
	}

	record RoadRecord(Manager manager, @Nullable String nameFr, @Nullable String nameNl, Geometry geometry) {
	}

	record StreetRecord(String nisCode, @Nullable String nameFr, @Nullable String nameNl, String postcodes) {
	}

	record AddressRecord(String nisCode, String postcode, @Nullable String streetFr, @Nullable String streetNl,
			String houseNumber, double lon, double lat) {
	}

	/** A GeoJSON feature read into WGS84. */
	record Feature(int number, JsonNode properties, Geometry geometry) {
	}

	// --- GeoJSON --------------------------------------------------------------------------------------

	static Parsed<CommuneRecord> communes(byte[] content) {
		FeaturesOrProblem read = features(ImportKind.COMMUNES, content);
		if (read.problem != null) {
			return new Parsed<>(read.problem, List.of());
		}
		List<String> rejections = new ArrayList<>(read.rejections);
		List<CommuneRecord> records = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Feature feature : read.features) {
			String nis = text(feature.properties(), "nis_code", "NIS", "nis", "id");
			if (nis == null || !ReferenceCommunes.known(nis)) {
				rejections.add(at(feature) + "unknown commune code " + (nis == null ? "(none)" : "'" + nis + "'"));
				continue;
			}
			if (!seen.add(nis)) {
				rejections.add(at(feature) + "commune " + nis + " appears twice");
				continue;
			}
			if (!(feature.geometry() instanceof Polygonal)) {
				rejections.add(at(feature) + "a commune must be a Polygon or MultiPolygon");
				continue;
			}
			String invalid = invalid(feature.geometry());
			if (invalid != null) {
				rejections.add(at(feature) + invalid);
				continue;
			}
			ReferenceCommunes.Reference reference = ReferenceCommunes.all().get(nis);
			String fr = orElse(text(feature.properties(), "name_fr", "namefr"), reference.nameFr());
			String nl = orElse(text(feature.properties(), "name_nl", "namenl"), reference.nameNl());
			String postcodes = postcodes(feature.properties().get("postal_codes"), reference.postcodes());
			records.add(new CommuneRecord(nis, fr, nl, postcodes, feature.geometry()));
		}
		Set<String> missing = new TreeSet<>(ReferenceCommunes.all().keySet());
		missing.removeAll(seen);
		if (!missing.isEmpty() && rejections.isEmpty()) {
			rejections.add("communes missing from the file: " + String.join(", ", missing));
		}
		return new Parsed<>(new ImportReport(ImportKind.COMMUNES, read.features.size() + read.rejections.size(),
				records.size(), rejections, null), records);
	}

	static Parsed<Geometry> region(byte[] content) {
		FeaturesOrProblem read = features(ImportKind.REGION, content);
		if (read.problem != null) {
			return new Parsed<>(read.problem, List.of());
		}
		List<String> rejections = new ArrayList<>(read.rejections);
		List<Geometry> parts = new ArrayList<>();
		for (Feature feature : read.features) {
			if (!(feature.geometry() instanceof Polygonal)) {
				rejections.add(at(feature) + "the region must be a Polygon or MultiPolygon");
				continue;
			}
			String invalid = invalid(feature.geometry());
			if (invalid != null) {
				rejections.add(at(feature) + invalid);
				continue;
			}
			parts.add(feature.geometry());
		}
		if (parts.isEmpty() && rejections.isEmpty()) {
			rejections.add("no region polygon in the file");
		}
		List<Geometry> result = parts.isEmpty() ? List.of()
				: List.of(GeoJson.WGS84.buildGeometry(parts).union());
		return new Parsed<>(new ImportReport(ImportKind.REGION, read.features.size() + read.rejections.size(),
				result.size(), rejections, null), result);
	}

	static Parsed<RoadRecord> roads(byte[] content) {
		FeaturesOrProblem read = features(ImportKind.ROADS, content);
		if (read.problem != null) {
			return new Parsed<>(read.problem, List.of());
		}
		List<String> rejections = new ArrayList<>(read.rejections);
		List<RoadRecord> records = new ArrayList<>();
		for (Feature feature : read.features) {
			String managerCode = text(feature.properties(), "manager", "administrator", "gestionnaire", "beheerder");
			Manager manager = managerCode == null ? null : Manager.parse(managerCode).orElse(null);
			if (manager == null) {
				rejections.add(at(feature) + "unknown manager " + (managerCode == null ? "(none)" : "'" + managerCode + "'")
						+ ": expected REG or COM");
				continue;
			}
			if (!(feature.geometry() instanceof Lineal) && !(feature.geometry() instanceof Polygonal)) {
				rejections.add(at(feature) + "a road must be a line or a surface");
				continue;
			}
			String invalid = invalid(feature.geometry());
			if (invalid != null) {
				rejections.add(at(feature) + invalid);
				continue;
			}
			records.add(new RoadRecord(manager, text(feature.properties(), "name_fr"),
					text(feature.properties(), "name_nl"), feature.geometry()));
		}
		return new Parsed<>(new ImportReport(ImportKind.ROADS, read.features.size() + read.rejections.size(),
				records.size(), rejections, null), records);
	}

	private record FeaturesOrProblem(List<Feature> features, List<String> rejections,
			@Nullable ImportReport problem) {
	}

	private static FeaturesOrProblem features(ImportKind kind, byte[] content) {
		JsonNode document;
		try {
			document = JSON.readTree(content);
		}
		catch (JacksonException ex) {
			return problem(kind, "not a GeoJSON file: the content is not valid JSON");
		}
		if (document == null || !document.isObject()) {
			return problem(kind, "not a GeoJSON file: expected a JSON object");
		}
		String type = document.path("type").asString("");
		List<JsonNode> nodes = new ArrayList<>();
		switch (type) {
			case "FeatureCollection" -> document.path("features").values().forEach(nodes::add);
			case "Feature" -> nodes.add(document);
			default -> {
				return problem(kind, "not a GeoJSON FeatureCollection (type is '" + type + "')");
			}
		}
		String crs = GeoJson.declaredCrs(document);
		boolean lambert = crs != null && GeoJson.isLambert72(crs);
		if (crs != null && !lambert && !GeoJson.isWgs84(crs)) {
			return problem(kind, "unsupported coordinate reference system '" + crs
					+ "': use WGS84 (no crs member) or Belgian Lambert 72 (urn:ogc:def:crs:EPSG::31370)");
		}
		List<Feature> raw = new ArrayList<>();
		List<String> rejections = new ArrayList<>();
		Envelope extent = new Envelope();
		int number = 0;
		for (JsonNode node : nodes) {
			number++;
			if (!"Feature".equals(node.path("type").asString("")) || !node.path("geometry").isObject()) {
				rejections.add("feature " + number + ": not a GeoJSON Feature with a geometry");
				continue;
			}
			try {
				Geometry geometry = GeoJson.read(node.path("geometry"), UnaryOperator.identity());
				extent.expandToInclude(geometry.getEnvelopeInternal());
				raw.add(new Feature(number, node.path("properties"), geometry));
			}
			catch (IllegalArgumentException ex) {
				rejections.add("feature " + number + ": " + ex.getMessage());
			}
		}
		if (!lambert && !extent.isNull()
				&& (extent.getMinX() < -180 || extent.getMaxX() > 180 || extent.getMinY() < -90 || extent.getMaxY() > 90)) {
			return problem(kind, crs == null
					? "missing CRS: the coordinates are not longitude/latitude (they look like projected metres); "
							+ "declare the CRS, for Lambert 72: \"crs\": {\"type\": \"name\", \"properties\": "
							+ "{\"name\": \"urn:ogc:def:crs:EPSG::31370\"}}"
					: "the coordinates are not longitude/latitude although the file declares " + crs);
		}
		List<Feature> features = raw;
		if (lambert) {
			CoordinateTransform transform = Lambert72.toWgs84();
			features = raw.stream()
				.map(f -> new Feature(f.number(), f.properties(), reproject(f.geometry(), transform)))
				.toList();
		}
		Envelope wgs84 = new Envelope();
		features.forEach(f -> wgs84.expandToInclude(f.geometry().getEnvelopeInternal()));
		if (!wgs84.isNull() && !AROUND_BRUSSELS.intersects(wgs84)) {
			return problem(kind, "the coordinates fall outside the Brussels region (" + wgs84
					+ "): wrong CRS, or swapped longitude and latitude?");
		}
		return new FeaturesOrProblem(features, rejections, null);
	}

	private static FeaturesOrProblem problem(ImportKind kind, String reason) {
		return new FeaturesOrProblem(List.of(), List.of(), ImportReport.fatal(kind, reason));
	}

	static Geometry reproject(Geometry geometry, CoordinateTransform transform) {
		return reproject(geometry, transform, 4326);
	}

	static Geometry reproject(Geometry geometry, CoordinateTransform transform, int srid) {
		Geometry copy = geometry.copy();
		copy.apply(new CoordinateSequenceFilter() {
			@Override
			public void filter(CoordinateSequence sequence, int i) {
				Coordinate wgs84 = Lambert72.apply(transform, sequence.getX(i), sequence.getY(i));
				sequence.setOrdinate(i, 0, wgs84.x);
				sequence.setOrdinate(i, 1, wgs84.y);
			}

			@Override
			public boolean isDone() {
				return false;
			}

			@Override
			public boolean isGeometryChanged() {
				return true;
			}
		});
		copy.setSRID(srid);
		return copy;
	}

	private static @Nullable String invalid(Geometry geometry) {
		IsValidOp validity = new IsValidOp(geometry);
		if (validity.isValid()) {
			return null;
		}
		TopologyValidationError error = validity.getValidationError();
		Coordinate at = error.getCoordinate();
		String type = error.getErrorType() == TopologyValidationError.SELF_INTERSECTION
				|| error.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION ? "self-intersecting geometry"
						: "invalid geometry (" + error.getMessage() + ")";
		return at == null ? type : type + " near " + String.format(Locale.ROOT, "%.6f, %.6f", at.x, at.y);
	}

	private static String at(Feature feature) {
		return "feature " + feature.number() + ": ";
	}

	// --- CSV ----------------------------------------------------------------------------------------

	static Parsed<StreetRecord> streets(byte[] content) {
		Table table = table(ImportKind.STREETS, content, "nis_code");
		if (table.problem != null) {
			return new Parsed<>(table.problem, List.of());
		}
		List<String> rejections = new ArrayList<>();
		List<StreetRecord> records = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Row row : table.rows) {
			String nis = row.get("nis_code");
			if (nis == null || !ReferenceCommunes.known(nis)) {
				rejections.add("line " + row.line + ": unknown commune code " + (nis == null ? "(none)" : "'" + nis + "'"));
				continue;
			}
			String fr = row.get("name_fr");
			String nl = row.get("name_nl");
			if (fr == null && nl == null) {
				rejections.add("line " + row.line + ": no street name in French or Dutch");
				continue;
			}
			String key = nis + "|" + fr + "|" + nl;
			if (!seen.add(key)) {
				continue;
			}
			String postcodes = orElse(row.first("postcodes", "postal_codes", "commune_postal_codes", "postcode"),
					ReferenceCommunes.all().get(nis).postcodes());
			records.add(new StreetRecord(nis, fr, nl, postcodes.replace(',', ' ').replace(';', ' ').trim()));
		}
		return new Parsed<>(new ImportReport(ImportKind.STREETS, table.rows.size(), records.size(), rejections, null),
				records);
	}

	static Parsed<AddressRecord> addresses(byte[] content) {
		Table table = table(ImportKind.ADDRESSES, content, "nis_code", "house_number", "lon", "lat");
		if (table.problem != null) {
			return new Parsed<>(table.problem, List.of());
		}
		List<String> rejections = new ArrayList<>();
		List<AddressRecord> records = new ArrayList<>();
		for (Row row : table.rows) {
			String nis = row.get("nis_code");
			if (nis == null || !ReferenceCommunes.known(nis)) {
				rejections.add("line " + row.line + ": unknown commune code " + (nis == null ? "(none)" : "'" + nis + "'"));
				continue;
			}
			String number = row.get("house_number");
			String fr = row.get("street_fr");
			String nl = row.get("street_nl");
			if (number == null || (fr == null && nl == null)) {
				rejections.add("line " + row.line + ": a street name and a house number are required");
				continue;
			}
			double lon;
			double lat;
			try {
				lon = Double.parseDouble(row.get("lon"));
				lat = Double.parseDouble(row.get("lat"));
			}
			catch (RuntimeException ex) {
				rejections.add("line " + row.line + ": lon and lat must be numbers");
				continue;
			}
			if (!AROUND_BRUSSELS.contains(lon, lat)) {
				rejections.add("line " + row.line + ": the point " + lon + ", " + lat + " is outside the region");
				continue;
			}
			String postcode = orElse(row.get("postcode"), ReferenceCommunes.all().get(nis).postcodes().split(" ")[0]);
			records.add(new AddressRecord(nis, postcode, fr, nl, number, lon, lat));
		}
		return new Parsed<>(new ImportReport(ImportKind.ADDRESSES, table.rows.size(), records.size(), rejections,
				null), records);
	}

	private record Row(int line, Map<String, String> cells) {

		@Nullable String get(String column) {
			String value = cells.get(column);
			return value == null || value.isBlank() ? null : value;
		}

		@Nullable String first(String... columns) {
			for (String column : columns) {
				String value = get(column);
				if (value != null) {
					return value;
				}
			}
			return null;
		}
	}

	private record Table(List<Row> rows, @Nullable ImportReport problem) {
	}

	private static Table table(ImportKind kind, byte[] content, String... required) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new Table(List.of(), ImportReport.fatal(kind, "the file is not UTF-8 text"));
		}
		List<Row> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))) {
			String header = reader.readLine();
			if (header == null) {
				return new Table(List.of(), ImportReport.fatal(kind, "the file is empty"));
			}
			header = header.replace("\uFEFF", "");
			char separator = Csv.separatorOf(header);
			List<String> columns = Csv.split(header, separator).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
			for (String column : required) {
				if (!columns.contains(column)) {
					return new Table(List.of(), ImportReport.fatal(kind,
							"not the expected CSV: column '" + column + "' is missing (found " + columns + ")"));
				}
			}
			String line;
			int number = 1;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				List<String> cells = Csv.split(line, separator);
				Map<String, String> values = new HashMap<>();
				for (int i = 0; i < columns.size() && i < cells.size(); i++) {
					values.put(columns.get(i), cells.get(i));
				}
				rows.add(new Row(number, values));
			}
		}
		catch (IOException ex) {
			return new Table(List.of(), ImportReport.fatal(kind, "the file could not be read"));
		}
		return new Table(rows, null);
	}

	// --- helpers ------------------------------------------------------------------------------------

	private static @Nullable String text(JsonNode properties, String... names) {
		for (String name : names) {
			JsonNode value = properties.get(name);
			if (value != null && !value.isNull() && !value.isContainer()) {
				String text = value.asString("").trim();
				if (!text.isEmpty()) {
					return text;
				}
			}
		}
		return null;
	}

	private static String postcodes(@Nullable JsonNode value, String fallback) {
		if (value == null || value.isNull()) {
			return fallback;
		}
		if (value.isArray()) {
			List<String> codes = new ArrayList<>();
			value.values().forEach(v -> codes.add(v.asString("")));
			return String.join(" ", codes).trim();
		}
		return value.asString(fallback).replace(',', ' ').trim();
	}

	private static String orElse(@Nullable String value, String fallback) {
		return value == null ? fallback : value;
	}
}
