package org.orchestra.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.orchestra.shared.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * The services reachable through the gateway. Each is described in OpenAPI 3.1 for partners' developers.
 */
@Component
public class ServiceCatalog {

	private final Map<String, ServiceDefinition> services = new LinkedHashMap<>();

	ServiceCatalog() {
		add(new ServiceDefinition("population-register",
				LocalizedText.of("Registre national des personnes physiques", "Rijksregister van de natuurlijke personen",
						"National register of natural persons"),
				"Registre national / Rijksregister", List.of(
						new ServiceDefinition.Operation("person",
								LocalizedText.of("Identité et adresse d'une personne", "Identiteit en adres van een persoon",
										"Identity and address of a person"), "nn", true),
						new ServiceDefinition.Operation("household",
								LocalizedText.of("Composition de ménage", "Gezinssamenstelling", "Household composition"),
								"nn", true))));
		add(new ServiceDefinition("enterprise-register",
				LocalizedText.of("Banque-Carrefour des Entreprises", "Kruispuntbank van Ondernemingen",
						"Crossroads Bank for Enterprises"),
				"SPF Économie / FOD Economie", List.of(new ServiceDefinition.Operation("enterprise",
						LocalizedText.of("Données d'une entreprise", "Gegevens van een onderneming", "Enterprise data"),
						"number", false))));
		add(new ServiceDefinition("vehicle-registration",
				LocalizedText.of("Immatriculation des véhicules", "Inschrijving van voertuigen", "Vehicle registration"),
				"DIV", List.of(new ServiceDefinition.Operation("vehicle",
						LocalizedText.of("Véhicule par plaque", "Voertuig per nummerplaat", "Vehicle by plate"), "plate",
						false))));
	}

	private void add(ServiceDefinition service) {
		services.put(service.code(), service);
	}

	public List<ServiceDefinition> all() {
		return List.copyOf(services.values());
	}

	public Optional<ServiceDefinition> find(String code) {
		return Optional.ofNullable(services.get(code));
	}

	/** The OpenAPI 3.1 description of a service as the gateway exposes it. */
	public Map<String, Object> openApi(ServiceDefinition service, String baseUrl) {
		Map<String, Object> paths = new LinkedHashMap<>();
		for (ServiceDefinition.Operation operation : service.operations()) {
			paths.put("/exchange/v1/" + service.code() + "/" + operation.code(), Map.of("get", Map.of(
					"operationId", service.code() + "-" + operation.code(), "summary", operation.description().en(),
					"parameters", List.of(
							Map.of("name", operation.parameter(), "in", "query", "required", true, "schema",
									Map.of("type", "string")),
							Map.of("name", "purpose", "in", "query", "required", true, "schema", Map.of("type", "string"),
									"description", "the purpose of the right used")),
					"security", List.of(Map.of("bearer", List.of())), "responses", Map.of(
							"200", Map.of("description", "the source's answer"),
							"401", Map.of("description", "missing or invalid access token"),
							"403", Map.of("description", "refused: NO_RIGHT, PURPOSE_MISMATCH or PERSON_NOT_IN_POPULATION"),
							"429", Map.of("description", "RATE_LIMITED"),
							"502", Map.of("description", "PROVIDER_ERROR"),
							"503", Map.of("description", "CIRCUIT_OPEN"),
							"504", Map.of("description", "PROVIDER_TIMEOUT")))));
		}
		return Map.of("openapi", "3.1.0", "info", Map.of("title", service.name().en(), "version", "1"), "servers",
				List.of(Map.of("url", baseUrl)), "paths", paths, "components", Map.of("securitySchemes",
						Map.of("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"))));
	}
}
