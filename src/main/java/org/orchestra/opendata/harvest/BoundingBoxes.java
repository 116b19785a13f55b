package org.orchestra.opendata.harvest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bounding box of a geometry as catalogues give it (WKT with or without a CRS IRI, GeoJSON, a GML envelope
 * or polygon, four numbers), written {@code minx,miny,maxx,maxy}.
 */
final class BoundingBoxes {

	/** The longest text kept when a geometry cannot be read (the width of the column that keeps it). */
	static final int MAX_TEXT = 200;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

	private static final Pattern CRS_PREFIX = Pattern.compile("^\\s*<(?:https?|urn):[^>\\s]*>\\s*");

	private static final Pattern EWKT_PREFIX = Pattern.compile("^\\s*SRID=\\d+;\\s*", Pattern.CASE_INSENSITIVE);

	private static final Pattern GML_CORNER = Pattern
		.compile("<(?:[\\w.-]+:)?(lowerCorner|upperCorner)[^>]*>([^<]*)</(?:[\\w.-]+:)?\\1>");

	private static final Pattern GML_COORDS = Pattern
		.compile("<(?:[\\w.-]+:)?(posList|pos|coordinates)[^>]*>([^<]*)</(?:[\\w.-]+:)?\\1>");

	private static final Pattern SRS_NAME = Pattern.compile("srsName\\s*=\\s*[\"']([^\"']*)[\"']");

	private BoundingBoxes() {
	}

	/** A box: west/min x, south/min y, east/max x, north/max y. */
	record Box(double minX, double minY, double maxX, double maxY) {

		Box union(Box other) {
			return new Box(Math.min(minX, other.minX), Math.min(minY, other.minY), Math.max(maxX, other.maxX),
					Math.max(maxY, other.maxY));
		}

		String text() {
			return number(minX) + "," + number(minY) + "," + number(maxX) + "," + number(maxY);
		}

		private static String number(double value) {
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}
	}

	/** The box of a geometry literal, if it can be read. */
	static @Nullable Box of(@Nullable String geometry) {
		if (geometry == null || geometry.isBlank()) {
			return null;
		}
		String text = geometry.strip();
		try {
			if (text.startsWith("{")) {
				return ofGeoJson(text);
			}
			if (text.startsWith("<") && !CRS_PREFIX.matcher(text).lookingAt()) {
				return ofGml(text);
			}
			Matcher crs = CRS_PREFIX.matcher(text);
			boolean latLon = crs.lookingAt() && crs.group().toLowerCase(Locale.ROOT).contains("/epsg/0/4326");
			String wkt = EWKT_PREFIX.matcher(crs.replaceFirst("")).replaceFirst("");
			if (wkt.matches("(?s)^[A-Za-z].*")) {
				Box box = ofWkt(wkt);
				return box != null && latLon ? new Box(box.minY(), box.minX(), box.maxY(), box.maxX()) : box;
			}
			return ofNumbers(wkt);
		}
		catch (RuntimeException | ParseException e) {
			return null;
		}
	}

	/** The box of several geometries together, if any can be read. */
	static @Nullable Box union(List<Box> boxes) {
		Box all = null;
		for (Box box : boxes) {
			all = all == null ? box : all.union(box);
		}
		return all;
	}

	/** The box of four numbers {@code minx,miny,maxx,maxy} (commas or spaces). */
	static @Nullable Box ofNumbers(String text) {
		List<Double> numbers = numbers(text);
		if (numbers.size() != 4 || !text.strip().matches("[-+0-9.eE,\\s]+")) {
			return null;
		}
		return ordered(numbers.get(0), numbers.get(1), numbers.get(2), numbers.get(3));
	}

	/** A box from its four sides, if they are numbers that make a box. */
	static @Nullable Box ordered(double west, double south, double east, double north) {
		if (!Double.isFinite(west) || !Double.isFinite(south) || !Double.isFinite(east) || !Double.isFinite(north)) {
			return null;
		}
		return new Box(Math.min(west, east), Math.min(south, north), Math.max(west, east), Math.max(south, north));
	}

	private static @Nullable Box ofWkt(String wkt) throws ParseException {
		Geometry geometry = new WKTReader().read(wkt);
		if (geometry.isEmpty()) {
			return null;
		}
		Envelope envelope = geometry.getEnvelopeInternal();
		return new Box(envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY());
	}

	private static @Nullable Box ofGeoJson(String json) {
		JsonNode node = JSON.readTree(json);
		JsonNode bbox = node.get("bbox");
		if (bbox != null && bbox.isArray() && bbox.size() == 4) {
			return ordered(bbox.get(0).asDouble(), bbox.get(1).asDouble(), bbox.get(2).asDouble(),
					bbox.get(3).asDouble());
		}
		List<double[]> points = new ArrayList<>();
		collectPositions(node, points);
		return ofPoints(points);
	}

	/** Every position ({@code [x, y]}) under {@code coordinates}, {@code geometry}, {@code geometries}, {@code features}. */
	private static void collectPositions(JsonNode node, List<double[]> points) {
		if (node.isArray()) {
			if (node.size() >= 2 && node.get(0).isNumber() && node.get(1).isNumber()) {
				points.add(new double[] { node.get(0).asDouble(), node.get(1).asDouble() });
				return;
			}
			for (JsonNode child : node) {
				collectPositions(child, points);
			}
			return;
		}
		if (node.isObject()) {
			for (String name : List.of("coordinates", "geometry", "geometries", "features")) {
				JsonNode child = node.get(name);
				if (child != null) {
					collectPositions(child, points);
				}
			}
		}
	}

	private static @Nullable Box ofGml(String gml) {
		boolean latLon = latitudeFirst(gml);
		List<double[]> points = new ArrayList<>();
		Matcher corners = GML_CORNER.matcher(gml);
		while (corners.find()) {
			addPairs(corners.group(2), points, latLon);
		}
		if (points.isEmpty()) {
			Matcher coords = GML_COORDS.matcher(gml);
			while (coords.find()) {
				addPairs(coords.group(2), points, latLon);
			}
		}
		return ofPoints(points);
	}

	/** EPSG:4326 as a URN or an OGC IRI puts latitude first; CRS84 and plain {@code EPSG:4326} are read x, y. */
	private static boolean latitudeFirst(String gml) {
		Matcher srs = SRS_NAME.matcher(gml);
		if (!srs.find()) {
			return false;
		}
		String name = srs.group(1).toLowerCase(Locale.ROOT);
		return name.contains("urn:ogc:def:crs:epsg") && name.endsWith(":4326")
				|| name.contains("opengis.net/def/crs/epsg/0/4326");
	}

	private static void addPairs(String text, List<double[]> points, boolean latLon) {
		List<Double> numbers = numbers(text);
		for (int i = 0; i + 1 < numbers.size(); i += 2) {
			double a = numbers.get(i);
			double b = numbers.get(i + 1);
			points.add(latLon ? new double[] { b, a } : new double[] { a, b });
		}
	}

	private static @Nullable Box ofPoints(List<double[]> points) {
		Box box = null;
		for (double[] p : points) {
			Box point = ordered(p[0], p[1], p[0], p[1]);
			if (point != null) {
				box = box == null ? point : box.union(point);
			}
		}
		return box;
	}

	private static List<Double> numbers(String text) {
		List<Double> numbers = new ArrayList<>();
		Matcher m = NUMBER.matcher(text);
		while (m.find()) {
			numbers.add(Double.parseDouble(m.group()));
		}
		return numbers;
	}
}
