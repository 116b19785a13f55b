package org.orchestra.exchange.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.orchestra.exchange.AccessRight;
import org.orchestra.exchange.ExchangeClient;
import org.orchestra.exchange.ExchangeGateway;
import org.orchestra.exchange.ExchangeTokens;
import org.orchestra.exchange.Outcome;
import org.orchestra.exchange.ServiceCatalog;
import org.orchestra.exchange.ServiceDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's API for partners' client applications: the OAuth2 token endpoint (client credentials with a signed
 * JWT), the calls to sources, and the metaservices. Refusals are JSON with a reason code and are logged like any
 * transaction.
 */
@RestController
@Tag(name = "Data exchange", description = "Gateway between partner administrations and authentic sources")
class GatewayController {

	private final ExchangeTokens tokens;
	private final ExchangeGateway gateway;
	private final ServiceCatalog catalog;

	GatewayController(ExchangeTokens tokens, ExchangeGateway gateway, ServiceCatalog catalog) {
		this.tokens = tokens;
		this.gateway = gateway;
		this.catalog = catalog;
	}

	@PostMapping(path = "/exchange/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Access token for a client (client_credentials with client_assertion, RFC 7523)")
	ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) @Nullable String grantType,
			@RequestParam(name = "client_assertion_type", required = false) @Nullable String assertionType,
			@RequestParam(name = "client_assertion", required = false) @Nullable String assertion) {
		ExchangeTokens.Token token = tokens.token(grantType, assertionType, assertion);
		if (token.accessToken() == null) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("error", token.error());
			error.put("error_description", token.description());
			return ResponseEntity.status("unsupported_grant_type".equals(token.error()) ? 400 : 401).body(error);
		}
		return ResponseEntity.ok()
			.header("Cache-Control", "no-store")
			.body(Map.of("access_token", token.accessToken(), "token_type", "Bearer", "expires_in", token.expiresIn()));
	}

	@GetMapping(path = "/exchange/v1/{service}/{operation}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Call an operation of a source through the gateway")
	ResponseEntity<Map<String, Object>> call(@PathVariable("service") String service,
			@PathVariable("operation") String operation, @RequestParam Map<String, String> parameters,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
		Optional<ExchangeClient> client = tokens.authenticate(authorization);
		if (client.isEmpty()) {
			return unauthorized();
		}
		ServiceDefinition definition = catalog.find(service).orElse(null);
		String parameter = definition == null ? null
				: definition.operation(operation).map(ServiceDefinition.Operation::parameter).orElse(null);
		ExchangeGateway.Answer answer = gateway.call(client.get(), service, operation,
				parameter == null ? null : parameters.get(parameter), parameters.get("purpose"));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("messageId", answer.messageId());
		if (answer.outcome() == Outcome.OK) {
			body.put("service", service);
			body.put("operation", operation);
			body.put("data", answer.data());
		}
		else {
			body.put("code", answer.outcome().name());
			body.put("message", answer.message());
		}
		return ResponseEntity.status(answer.outcome().status()).header("X-Message-Id", answer.messageId()).body(body);
	}

	@GetMapping(path = "/exchange/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The services reachable through the gateway")
	ResponseEntity<?> services(@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			Locale locale) {
		if (tokens.authenticate(authorization).isEmpty()) {
			return unauthorized();
		}
		return ResponseEntity.ok(catalog.all()
			.stream()
			.map(s -> Map.of("code", s.code(), "name", s.name().in(locale), "provider", s.provider(), "operations",
					s.operations().stream().map(ServiceDefinition.Operation::code).toList()))
			.toList());
	}

	@GetMapping(path = "/exchange/v1/services/{service}/operations", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The operations of a service the caller may call, with the purposes granted")
	ResponseEntity<?> allowed(@PathVariable("service") String service,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
		Optional<ExchangeClient> client = tokens.authenticate(authorization);
		if (client.isEmpty()) {
			return unauthorized();
		}
		List<AccessRight> granted = gateway.grantedRights(client.get().clientId())
			.stream()
			.filter(r -> r.service().equals(service))
			.toList();
		return ResponseEntity.ok(granted.stream()
			.map(r -> Map.of("operation", r.operation(), "purpose", r.purpose(), "legalBasis", r.legalBasis()))
			.toList());
	}

	@GetMapping(path = "/exchange/v1/services/{service}/openapi", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The OpenAPI 3.1 description of a service")
	ResponseEntity<?> openApi(@PathVariable("service") String service,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
		if (tokens.authenticate(authorization).isEmpty()) {
			return unauthorized();
		}
		return catalog.find(service)
			.<ResponseEntity<?>>map(s -> ResponseEntity.ok(catalog.openApi(s, tokens.baseUrl())))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("code", "UNKNOWN_SERVICE", "message", "unknown service " + service)));
	}

	private static ResponseEntity<Map<String, Object>> unauthorized() {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header("WWW-Authenticate", "Bearer")
			.body(Map.of("code", "UNAUTHENTICATED", "message", "a valid bearer access token is required"));
	}
}
