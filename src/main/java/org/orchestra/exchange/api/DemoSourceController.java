package org.orchestra.exchange.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;
import org.orchestra.exchange.DemoSources;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo sources over HTTP, as an authentic source would answer the gateway's HTTP adapter (synthetic data,
 * for demonstrations and the benchmark). Requires the configured source token.
 */
@RestController
@Hidden
class DemoSourceController {

	private final DemoSources sources;
	private final String token;

	DemoSourceController(DemoSources sources, @Value("${orchestra.exchange.demo-source-token:demo-source}") String token) {
		this.sources = sources;
		this.token = token;
	}

	@GetMapping(path = "/exchange/demo-sources/{service}/{operation}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> answer(@PathVariable("service") String service,
			@PathVariable("operation") String operation, @RequestParam(name = "subject", defaultValue = "") String subject,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
		if (!("Bearer " + token).equals(authorization)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		return sources.answerOverHttp(service, operation, subject)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}
}
