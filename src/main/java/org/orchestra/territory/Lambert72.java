package org.orchestra.territory;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Belgian Lambert 72 (EPSG:31370) ⇄ WGS84, with proj4j and the EPSG definition of the projection and its BD72
 * datum shift ("BD72 to WGS 84 (3)", 7-parameter Helmert, about 1 m accuracy). Metric work (distances to roads)
 * is done in Lambert 72.
 */
public final class Lambert72 {

	static final String DEFINITION = "+proj=lcc +lat_0=90 +lon_0=4.36748666666667 +lat_1=51.1666672333333 "
			+ "+lat_2=49.8333339 +x_0=150000.013 +y_0=5400088.438 +ellps=intl "
			+ "+towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs";

	private static final CRSFactory FACTORY = new CRSFactory();
	private static final CoordinateReferenceSystem LAMBERT = FACTORY.createFromParameters("EPSG:31370", DEFINITION);
	private static final CoordinateReferenceSystem WGS84 = FACTORY.createFromParameters("EPSG:4326",
			"+proj=longlat +datum=WGS84 +no_defs");

	private Lambert72() {
	}

	/** A transform from Lambert 72 to WGS84 (lon, lat). Not thread-safe: one per thread or per import. */
	public static CoordinateTransform toWgs84() {
		return new BasicCoordinateTransform(LAMBERT, WGS84);
	}

	/** A transform from WGS84 (lon, lat) to Lambert 72. Not thread-safe. */
	public static CoordinateTransform fromWgs84() {
		return new BasicCoordinateTransform(WGS84, LAMBERT);
	}

	static Coordinate apply(CoordinateTransform transform, double x, double y) {
		ProjCoordinate out = new ProjCoordinate();
		transform.transform(new ProjCoordinate(x, y), out);
		return new Coordinate(out.x, out.y);
	}
}
