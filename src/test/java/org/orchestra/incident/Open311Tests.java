package org.orchestra.incident;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MvcResult;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Open311 GeoReport v2 conformance: JSON responses validated against the published schemas
 * (../shared/standards/open311/georeport-v2), XML forms and error lists, API keys, privacy.
 */
class Open311Tests extends IncidentTestSupport {

	static final Path SCHEMAS = Path.of("../shared/standards/open311/georeport-v2").toAbsolutePath().normalize();

	@Autowired
	IncidentOpen311 open311;

	String key;
	String ixellesKey;

	@BeforeEach
	void keys() throws Exception {
		realGeography();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
					List.of(new SimpleGrantedAuthority("incident.open311.keys"))));
		try {
			key = open311.issueKey("Test client", null).secret();
			ixellesKey = open311.issueKey("Ixelles back office", "commune-21009").secret();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static List<Error> validate(String schema, String json) {
		String base = "https://schemas.open311.invalid/georeport-v2/";
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
				builder -> builder.schemas((String iri) -> {
					if (!iri.startsWith(base)) {
						return null;
					}
					try {
						return java.nio.file.Files.readString(SCHEMAS.resolve(iri.substring(base.length())));
					}
					catch (java.io.IOException ex) {
						throw new IllegalStateException(ex);
					}
				}));
		Schema compiled = registry.getSchema(SchemaLocation.of(base + schema));
		return compiled.validate(json, InputFormat.JSON);
	}

	String json(String path, Object... vars) throws Exception {
		return mvc.perform(get(path, vars))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/json;charset=utf-8"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	Document xml(MvcResult result) throws Exception {
		assertThat(result.getResponse().getContentType()).isEqualTo("text/xml;charset=utf-8");
		String body = result.getResponse().getContentAsString();
		assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
		return DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	long create(String apiKey, String code, String lat, String lon) throws Exception {
		String body = mvc.perform(post("/open311/v2/requests.json").contentType("application/x-www-form-urlencoded")
			.param("api_key", apiKey)
			.param("service_code", code)
			.param("lat", lat)
			.param("long", lon)
			.param("attribute[location_type]", "SIDEWALK")
			.param("email", "open311-reporter@example.org")
			.param("first_name", "Secret")
			.param("last_name", "Reporter")
			.param("description", "Via Open311 " + UUID.randomUUID()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(body.replaceAll("(?s).*\"service_request_id\":\"(\\d+)\".*", "$1"));
	}

	@Test
	void servicesAndServiceDefinitionsMatchTheSchemas() throws Exception {
		assertThat(validate("services.json", json("/open311/v2/services.json"))).isEmpty();
		assertThat(validate("service-definition.json", json("/open311/v2/services/pothole.json"))).isEmpty();
		Document services = xml(mvc.perform(get("/open311/v2/services.xml")).andReturn());
		assertThat(services.getDocumentElement().getTagName()).isEqualTo("services");
		assertThat(services.getElementsByTagName("service").getLength()).isGreaterThan(10);
		Document definition = xml(mvc.perform(get("/open311/v2/services/pothole.xml")).andReturn());
		assertThat(definition.getElementsByTagName("attribute").getLength()).isEqualTo(1);
		assertThat(definition.getElementsByTagName("value").getLength()).isEqualTo(3);
	}

	@Test
	void aClientWithAKeyCreatesARequestThatListsAndReadsPerTheSchemas() throws Exception {
		long id = create(key, "pothole", "50.8277", "4.3722");
		String one = json("/open311/v2/requests/{id}.json", id);
		assertThat(validate("requests.json", one)).isEmpty();
		assertThat(one).contains("\"status\":\"open\"").contains("Commune d'Ixelles")
			.doesNotContain("open311-reporter@example.org").doesNotContain("Secret");
		String list = json("/open311/v2/requests.json?service_code=pothole&status=open");
		assertThat(validate("requests.json", list)).isEmpty();
		assertThat(list).contains("\"service_request_id\":\"" + id + "\"");
		String extended = json("/open311/v2/requests/{id}.json?extensions=true", id);
		assertThat(extended).contains("\"extended_attributes\"").contains("\"notes\"");
		Document xml = xml(mvc.perform(get("/open311/v2/requests/{id}.xml", id)).andReturn());
		assertThat(xml.getElementsByTagName("service_request_id").item(0).getTextContent()).isEqualTo(Long.toString(id));
		assertThat(xml.getElementsByTagName("requested_datetime").item(0).getTextContent())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
	}

	@Test
	void errorsComeAsListsWithTheSpecificationsStatusCodes() throws Exception {
		mvc.perform(post("/open311/v2/requests.xml").contentType("application/x-www-form-urlencoded")
			.param("service_code", "pothole").param("lat", "50.8").param("long", "4.3"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("<errors><error><code>403</code>")));
		mvc.perform(post("/open311/v2/requests.json").contentType("application/x-www-form-urlencoded")
			.param("api_key", key).param("lat", "50.8").param("long", "4.3"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].code").value(400));
		mvc.perform(post("/open311/v2/requests.json").contentType("application/x-www-form-urlencoded")
			.param("api_key", key).param("service_code", "no-such").param("lat", "50.8").param("long", "4.3")
			.param("description", "x"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$[0].code").value(404));
		mvc.perform(post("/open311/v2/requests.json").contentType("application/x-www-form-urlencoded")
			.param("api_key", key).param("service_code", "pothole").param("lat", "50.8798").param("long", "4.7005")
			.param("attribute[location_type]", "ROADWAY").param("description", "Leuven"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/open311/v2/services/no-such.json")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$[0].description").exists());
		mvc.perform(get("/open311/v2/services.json").param("jurisdiction_id", "elsewhere")).andExpect(status().isNotFound());
		mvc.perform(get("/open311/v2/tokens/abc.json")).andExpect(status().isNotFound());
		mvc.perform(get("/open311/v2/requests.json").param("start_date", "yesterday")).andExpect(status().isBadRequest());
		mvc.perform(get("/open311/v2/requests.json").param("start_date", "2026-01-01T00:00:00Z")
			.param("end_date", "2026-06-01T00:00:00Z")).andExpect(status().isBadRequest());
		mvc.perform(get("/open311/v2/requests.json").param("page_size", "5000")).andExpect(status().isBadRequest());
		mvc.perform(get("/open311/v2/requests.csv")).andExpect(status().isNotFound());
	}

	@Test
	void pagingFollowsTheCommonExtension() throws Exception {
		for (int i = 0; i < 3; i++) {
			create(key, "graffiti", "50.8277", "4.3722");
		}
		String first = json("/open311/v2/requests.json?service_code=graffiti&page=1&page_size=2");
		String second = json("/open311/v2/requests.json?service_code=graffiti&page=2&page_size=2");
		assertThat(first.split("service_request_id")).hasSize(3);
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void unconfirmedAndPrivateReportsNeverAppear() throws Exception {
		String email = "hidden-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		report(null, FLAGEY, "SIDEWALK", "graffiti", "Hidden " + email, email, UUID.randomUUID().toString(), true);
		Long hidden = jdbc.queryForObject("select id from incident_report where reporter_email = ?", Long.class, email);
		mvc.perform(get("/open311/v2/requests/{id}.json", hidden)).andExpect(status().isNotFound());
		assertThat(json("/open311/v2/requests.json?service_request_id=" + hidden)).isEqualTo("[]");
	}

	@Test
	void aBackOfficeSystemPostsStatusUpdatesForItsOwnOrganisationOnly() throws Exception {
		long id = create(key, "bench-damaged", "50.8277", "4.3722");
		mvc.perform(post("/open311/v2/servicerequestupdates.json").contentType("application/x-www-form-urlencoded")
			.param("api_key", key).param("service_request_id", Long.toString(id)).param("update_id", "u-1")
			.param("updated_datetime", "2026-11-28T10:00:00+01:00").param("status", "FIXED")
			.param("description", "Done"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/open311/v2/servicerequestupdates.json").contentType("application/x-www-form-urlencoded")
			.param("api_key", ixellesKey).param("service_request_id", Long.toString(id)).param("update_id", "u-1")
			.param("updated_datetime", "2026-11-28T10:00:00+01:00").param("status", "FIXED")
			.param("description", "Bench replaced"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].update_id").exists());
		assertThat(jdbc.queryForObject("select status from incident_report where id = ?", String.class, id))
			.isEqualTo("SOLVED");
		mvc.perform(post("/open311/v2/servicerequestupdates.json").contentType("application/x-www-form-urlencoded")
			.param("api_key", ixellesKey).param("service_request_id", Long.toString(id)).param("update_id", "u-1")
			.param("updated_datetime", "2026-11-28T10:00:00+01:00").param("status", "CLOSED")
			.param("description", "Again"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].description", startsWith("update_id already exists")));
		String updates = mvc.perform(get("/open311/v2/servicerequestupdates.json").param("api_key", key))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(updates).contains("\"service_request_id\":\"" + id + "\"");
		mvc.perform(get("/open311/v2/servicerequestupdates.xml")).andExpect(status().isForbidden());
	}

	@Test
	void discoveryListsBothFormats() throws Exception {
		mvc.perform(get("/open311/v2/discovery.json"))
			.andExpect(jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"))
			.andExpect(jsonPath("$.endpoints[0].formats[1]").value("application/json"));
		Document discovery = xml(mvc.perform(get("/open311/v2/discovery.xml")).andReturn());
		assertThat(discovery.getElementsByTagName("format").getLength()).isEqualTo(2);
	}

	@Test
	void keysAreManagedByPlatformAdministratorsOnly() throws Exception {
		MockHttpSession admin = login("admin.region");
		mvc.perform(post("/desk/open311-keys").param("client", "City app").session(admin)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("o311_")));
		mvc.perform(get("/desk/open311-keys").session(login("admin.ixelles"))).andExpect(status().isForbidden());
	}
}
