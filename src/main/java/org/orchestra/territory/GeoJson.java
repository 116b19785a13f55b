package org.orchestra.territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;

/**
 * Reads GeoJSON geometries into JTS and writes them back, transforming coordinates on the way in.
 */
final class GeoJson {

	static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	private GeoJson() {
	}

	/** Which coordinate reference system a GeoJSON document declares; {@code null} when it declares none. */
	static @Nullable String declaredCrs(JsonNode document) {
		JsonNode name = document.path("crs").path("properties").path("name");
		return name.isString() ? name.stringValue() : null;
	}

	/** Whether a declared CRS is Belgian Lambert 72. */
	static boolean isLambert72(String crs) {
		String c = crs.toUpperCase(Locale.ROOT);
		return c.endsWith("EPSG::31370") || c.equals("EPSG:31370") || c.endsWith("/EPSG/0/31370");
	}

	/** Whether a declared CRS is WGS84 in longitude, latitude order. */
	static boolean isWgs84(String crs) {
		String c = crs.toUpperCase(Locale.ROOT);
		return c.endsWith("OGC:1.3:CRS84") || c.endsWith("OGC::CRS84") || c.equals("EPSG:4326")
				|| c.endsWith("EPSG::4326");
	}

	static Geometry read(JsonNode geometry, UnaryOperator<Coordinate> transform) {
		String type = geometry.path("type").asString("");
		JsonNode coordinates = geometry.path("coordinates");
		return switch (type) {
			case "Point" -> WGS84.createPoint(coordinate(coordinates, transform));
			case "LineString" -> WGS84.createLineString(coordinates(coordinates, transform));
			case "MultiLineString" -> {
				List<LineString> lines = new ArrayList<>();
				for (JsonNode line : coordinates.values()) {
					lines.add(WGS84.createLineString(coordinates(line, transform)));
				}
				yield WGS84.createMultiLineString(lines.toArray(LineString[]::new));
			}
			case "Polygon" -> polygon(coordinates, transform);
			case "MultiPolygon" -> {
				List<Polygon> polygons = new ArrayList<>();
				for (JsonNode polygon : coordinates.values()) {
					polygons.add(polygon(polygon, transform));
				}
				yield WGS84.createMultiPolygon(polygons.toArray(Polygon[]::new));
			}
			default -> throw new IllegalArgumentException("unsupported geometry type '" + type + "'");
		};
	}

	private static Polygon polygon(JsonNode rings, UnaryOperator<Coordinate> transform) {
		if (!rings.isArray() || rings.isEmpty()) {
			throw new IllegalArgumentException("polygon without rings");
		}
		LinearRing shell = WGS84.createLinearRing(coordinates(rings.get(0), transform));
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = WGS84.createLinearRing(coordinates(rings.get(i), transform));
		}
		return WGS84.createPolygon(shell, holes);
	}

	private static Coordinate[] coordinates(JsonNode array, UnaryOperator<Coordinate> transform) {
		if (!array.isArray()) {
			throw new IllegalArgumentException("coordinates are not an array");
		}
		Coordinate[] result = new Coordinate[array.size()];
		for (int i = 0; i < array.size(); i++) {
			result[i] = coordinate(array.get(i), transform);
		}
		return result;
	}

	private static Coordinate coordinate(JsonNode position, UnaryOperator<Coordinate> transform) {
		if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
			throw new IllegalArgumentException("invalid position " + position);
		}
		return transform.apply(new Coordinate(position.get(0).doubleValue(), position.get(1).doubleValue()));
	}

	/** Writes a geometry as a GeoJSON geometry object, with coordinates rounded to 7 decimals (about 1 cm). */
	static void write(Geometry geometry, StringBuilder out) {
		switch (geometry) {
			case Point point -> {
				out.append("{\"type\":\"Point\",\"coordinates\":");
				position(point.getCoordinate(), out);
				out.append('}');
			}
			case LineString line -> {
				out.append("{\"type\":\"LineString\",\"coordinates\":");
				positions(line.getCoordinates(), out);
				out.append('}');
			}
			case Polygon polygon -> {
				out.append("{\"type\":\"Polygon\",\"coordinates\":");
				rings(polygon, out);
				out.append('}');
			}
			case MultiPolygon multi -> {
				out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
				for (int i = 0; i < multi.getNumGeometries(); i++) {
					if (i > 0) {
						out.append(',');
					}
					rings((Polygon) multi.getGeometryN(i), out);
				}
				out.append("]}");
			}
			case MultiLineString multi -> {
				out.append("{\"type\":\"MultiLineString\",\"coordinates\":[");
				for (int i = 0; i < multi.getNumGeometries(); i++) {
					if (i > 0) {
						out.append(',');
					}
					positions(multi.getGeometryN(i).getCoordinates(), out);
				}
				out.append("]}");
			}
			default -> throw new IllegalArgumentException("unsupported geometry " + geometry.getGeometryType());
		}
	}

	private static void rings(Polygon polygon, StringBuilder out) {
		out.append('[');
		positions(polygon.getExteriorRing().getCoordinates(), out);
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			out.append(',');
			positions(polygon.getInteriorRingN(i).getCoordinates(), out);
		}
		out.append(']');
	}

	private static void positions(Coordinate[] coordinates, StringBuilder out) {
		out.append('[');
		for (int i = 0; i < coordinates.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			position(coordinates[i], out);
		}
		out.append(']');
	}

	private static void position(Coordinate c, StringBuilder out) {
		out.append('[').append(round(c.x)).append(',').append(round(c.y)).append(']');
	}

	private static String round(double value) {
		return java.math.BigDecimal.valueOf(Math.round(value * 1e7) / 1e7).stripTrailingZeros().toPlainString();
	}
}
