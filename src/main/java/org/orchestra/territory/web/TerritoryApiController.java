package org.orchestra.territory.web;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.orchestra.territory.Address;
import org.orchestra.territory.Place;
import org.orchestra.territory.Territory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Lookups in the region's reference geography. Public: it holds no personal data. */
@RestController
@RequestMapping("/api/territory")
@Tag(name = "Territory", description = "Communes, region, road managers and addresses")
class TerritoryApiController {

	static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final Territory territory;

	TerritoryApiController(Territory territory) {
		this.territory = territory;
	}

	@GetMapping(path = "/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The commune of a WGS84 point, whether it is in the region, and who manages it",
			description = "A point within the configured distance (5 m by default) of a regional road is managed by the Region, otherwise by its commune.")
	Place lookup(@Parameter(description = "longitude, WGS84") @RequestParam("lon") double lon,
			@Parameter(description = "latitude, WGS84") @RequestParam("lat") double lat) {
		return territory.locate(lon, lat);
	}

	@GetMapping(path = "/addresses", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Address search in French or Dutch, e.g. 'Wetstraat 16, 1040 Brussel'")
	List<Address> addresses(@RequestParam("q") String query,
			@RequestParam(name = "limit", defaultValue = "10") int limit) {
		if (query.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "q is required");
		}
		return territory.searchAddresses(query, limit);
	}

	@GetMapping(path = "/reverse", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The nearest named street within 150 m, where street geometry has been imported")
	ResponseEntity<Territory.NearestStreet> reverse(@RequestParam("lon") double lon, @RequestParam("lat") double lat) {
		territory.locate(lon, lat);
		return territory.nearestStreet(lon, lat)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping(path = "/communes", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "The 19 communes as GeoJSON (WGS84)")
	ResponseEntity<String> communes(@RequestHeader(name = "If-None-Match", required = false) String etag) {
		return geoJson(territory.communesGeoJson(), etag);
	}

	@GetMapping(path = "/region", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "The regional boundary as GeoJSON (WGS84)")
	ResponseEntity<String> region(@RequestHeader(name = "If-None-Match", required = false) String etag) {
		return geoJson(territory.regionGeoJson(), etag);
	}

	@GetMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "What reference data is loaded, and whether boundaries are approximate")
	Territory.Status status() {
		return territory.status();
	}

	private ResponseEntity<String> geoJson(String body, String ifNoneMatch) {
		String etag = territory.boundariesEtag();
		CacheControl cache = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
		if (etag.equals(ifNoneMatch)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
		}
		return ResponseEntity.ok().contentType(GEO_JSON).eTag(etag).cacheControl(cache).body(body);
	}
}
