package org.orchestra.territory;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** Geometries are stored as WKB (WGS84, lon/lat). */
final class Geometries {

	private Geometries() {
	}

	static byte[] toWkb(Geometry geometry) {
		return new WKBWriter(2).write(geometry);
	}

	static Geometry fromWkb(byte[] wkb) {
		try {
			Geometry geometry = new WKBReader(GeoJson.WGS84).read(wkb);
			geometry.setSRID(4326);
			return geometry;
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Stored geometry is not WKB", ex);
		}
	}
}
