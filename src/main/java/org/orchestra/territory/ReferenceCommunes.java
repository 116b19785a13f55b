package org.orchestra.territory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * The region's 19 communes as the project knows them itself: NIS code, FR/NL names, postcodes and the town
 * hall's location ({@code territory/town-halls.csv}). Imports are checked against these codes; without imported
 * boundaries, approximate areas are derived from the town halls.
 */
final class ReferenceCommunes {

	record Reference(String nisCode, String nameFr, String nameNl, String postcodes, Point townHall) {
	}

	private static final Map<String, Reference> ALL = load();

	private ReferenceCommunes() {
	}

	static Map<String, Reference> all() {
		return ALL;
	}

	static boolean known(String nisCode) {
		return ALL.containsKey(nisCode);
	}

	private static Map<String, Reference> load() {
		Map<String, Reference> result = new LinkedHashMap<>();
		try (InputStream in = ReferenceCommunes.class.getResourceAsStream("/territory/town-halls.csv");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				String[] c = line.split(";");
				Point hall = GeoJson.WGS84
					.createPoint(new Coordinate(Double.parseDouble(c[4]), Double.parseDouble(c[5])));
				result.put(c[0], new Reference(c[0], c[1], c[2], c[3], hall));
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Cannot read territory/town-halls.csv", ex);
		}
		return Map.copyOf(result);
	}
}
