package org.orchestra.territory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Point lookups per second on the real UrbIS commune boundaries, with a synthetic road network of the region's
 * size (deterministic). Run by {@code bench/territory-lookups}; prints a table.
 */
public final class TerritoryLookupBenchmark {

	public static void main(String[] args) throws Exception {
		Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/brussels");
		int roadsWanted = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
		int lookups = args.length > 2 ? Integer.parseInt(args[2]) : 400_000;

		TerritoryFiles.Parsed<TerritoryFiles.CommuneRecord> communes = TerritoryFiles
			.communes(Files.readAllBytes(data.resolve("communes/brussels_communes_lambert72.geojson")));
		TerritoryFiles.Parsed<Geometry> region = TerritoryFiles
			.region(Files.readAllBytes(data.resolve("region/brussels_region_urbis_wgs84.geojson")));
		List<TerritoryIndex.CommuneShape> shapes = communes.records()
			.stream()
			.map(r -> TerritoryIndex.shape(r.nisCode(), r.nameFr(), r.nameNl(), r.postcodes(), r.geometry()))
			.toList();
		Envelope box = region.records().get(0).getEnvelopeInternal();

		SplittableRandom random = new SplittableRandom(42);
		List<TerritoryIndex.RoadShape> roads = new ArrayList<>();
		for (int i = 0; i < roadsWanted; i++) {
			double x = box.getMinX() + random.nextDouble() * box.getWidth();
			double y = box.getMinY() + random.nextDouble() * box.getHeight();
			Geometry segment = GeoJson.WGS84.createLineString(new Coordinate[] { new Coordinate(x, y),
					new Coordinate(x + (random.nextDouble() - 0.5) * 0.003, y + (random.nextDouble() - 0.5) * 0.002) });
			roads.add(TerritoryIndex.road(i % 10 == 0 ? Manager.REGION : Manager.COMMUNE, null, null, segment));
		}
		long buildStart = System.nanoTime();
		TerritoryIndex index = new TerritoryIndex(shapes, region.records().get(0), roads, List.of(), new HashMap<>(),
				false, 5);
		double buildMs = (System.nanoTime() - buildStart) / 1e6;

		double[][] points = new double[lookups][2];
		for (int i = 0; i < lookups; i++) {
			points[i][0] = box.getMinX() + random.nextDouble() * box.getWidth();
			points[i][1] = box.getMinY() + random.nextDouble() * box.getHeight();
		}
		run(index, points, 1, Math.min(lookups, 50_000));
		System.out.printf(Locale.ROOT, "%-28s %10s %14s %12s%n", "scenario", "threads", "lookups/s", "µs/lookup");
		for (int threads : new int[] { 1, 2 }) {
			double perSecond = run(index, points, threads, lookups);
			System.out.printf(Locale.ROOT, "%-28s %10d %14.0f %12.2f%n", "point → commune + manager", threads,
					perSecond, threads * 1e6 / perSecond);
		}
		System.out.printf(Locale.ROOT, "index: %d communes, %d road segments, built in %.0f ms; %d random points in the region's bounding box%n",
				shapes.size(), roads.size(), buildMs, lookups);
		System.out.printf(Locale.ROOT, "machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.version"));
	}

	private static double run(TerritoryIndex index, double[][] points, int threads, int count) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<Integer>> results = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int from = t * count / threads;
			int to = (t + 1) * count / threads;
			results.add(pool.submit(() -> {
				int inRegion = 0;
				for (int i = from; i < to; i++) {
					if (index.locate(points[i][0], points[i][1]).inRegion()) {
						inRegion++;
					}
				}
				return inRegion;
			}));
		}
		for (Future<Integer> result : results) {
			result.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		return count / seconds;
	}
}
