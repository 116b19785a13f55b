package org.orchestra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The tenancy matrix, generated from the application's own endpoint mappings: organisation A (Ixelles) holds
 * private records marked with a unique string; every endpoint is called by each role of organisation B
 * (Schaerbeek: agent, administrator, contractor, auditor, and a resident of B) with every identifier of A's
 * records in its path and plausible parameters. No answer may contain A's marker, and no record of A may be
 * changed, added or removed by these calls. (That every endpoint checks a privilege is {@link EndpointSecurityTests}.)
 */
class TenancyMatrixTests extends PlatformTests {

	static final String A = "commune-21009";
	static final String MARKER = "MATRIX-" + UUID.randomUUID().toString().substring(0, 8);
	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();
	static final Set<String> SKIPPED = Set.of("/logout", "/login", "/account/organisation");
	static final List<String> ACTIONS = List.of("accept", "refuse", "assign", "comment", "close", "transfer", "merge",
			"private", "contractor", "solve");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	List<org.orchestra.shared.PublicPaths> publicPaths;

	@Autowired
	org.orchestra.opendata.Harvesting harvesting;

	@Test
	void noRoleOfOneOrganisationReadsOrChangesAnotherOrganisationsRecords() throws Exception {
		seedPrivateRecordsOfA();
		assertThat(jdbc.queryForObject("select count(*) from counter_request_message where body like ?", Long.class,
				MARKER + "%")).as("private messages of A carrying the marker").isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from counter_answer_template where title like ?", Long.class,
				MARKER + "%")).as("A's template carrying the marker").isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from assistant_conversation where organisation_id = ?",
				Long.class, A)).as("conversations handed to A").isPositive();
		assertThat(jdbc.queryForObject("select count(*) from opendata_harvest_job j join opendata_source s "
				+ "on s.id = j.source_id where s.name like ?", Long.class, MARKER + "%")).as("A's harvest run").isEqualTo(1);
		List<String> identifiers = identifiersOfA();
		assertThat(identifiers).as("identifiers of A's records").hasSizeGreaterThan(5);
		Map<String, MockHttpSession> roles = rolesOfB();
		Map<String, List<String>> before = snapshotOfA();

		AntPathMatcher matcher = new AntPathMatcher();
		List<String> open = publicPaths.stream().flatMap(p -> p.patterns().stream()).toList();
		Set<String> leaks = new TreeSet<>();
		int calls = 0;
		for (Endpoints endpoint : Endpoints.of(mappings)) {
			if (SKIPPED.contains(endpoint.pattern())) {
				continue;
			}
			boolean isPublic = open.stream().anyMatch(p -> matcher.match(p, endpoint.pattern()));
			if (endpoint.writes() && isPublic) {
				// Anyone may act there (report, subscribe, "I see it too"): not a matter of organisations.
				continue;
			}
			for (String path : paths(endpoint, identifiers)) {
				for (Map.Entry<String, MockHttpSession> role : roles.entrySet()) {
					MvcResult result = mvc.perform(call(endpoint, path).session(role.getValue())).andReturn();
					calls++;
					if (result.getResponse().getContentAsString().contains(MARKER)) {
						leaks.add(role.getKey() + " " + endpoint.method() + " " + path + " -> "
								+ result.getResponse().getStatus());
					}
				}
			}
		}
		assertThat(calls).as("calls across organisations").isGreaterThan(500);
		assertThat(leaks).as("answers showing A's private records to B").isEmpty();
		Map<String, List<String>> after = snapshotOfA();
		for (String table : before.keySet()) {
			assertThat(after.get(table)).as("records of A in %s after B's calls", table).isEqualTo(before.get(table));
		}
	}

	/** A's private records, through A's own users, each carrying the marker where it holds text. */
	private void seedPrivateRecordsOfA() throws Exception {
		MockHttpSession resident = login("citizen.demo");
		String location = mvc.perform(post("/counter/documents/{code}/request", "criminal-record-extract")
			.session(resident).with(csrf()).param("deliveryMode", "DOWNLOAD")).andReturn().getResponse()
			.getRedirectedUrl();
		String reference = location.substring("/counter/requests/".length()).replaceAll("\\?.*", "");
		mvc.perform(multipart("/counter/requests/{ref}/messages", reference)
			.file(new MockMultipartFile("file", "proof.pdf", "application/pdf", PDF)).param("body", MARKER + " resident")
			.session(resident).with(csrf()));
		mvc.perform(post("/assistant/handoff").param("question", MARKER + " question for a person")
			.param("commune", A).session(resident).with(csrf()));
		MockHttpSession agent = login("agent.ixelles");
		mvc.perform(post("/desk/counter/requests/{ref}/messages", reference).param("body", MARKER + " agent")
			.session(agent).with(csrf()));
		Long incident = jdbc.queryForObject(
				"select min(id) from incident_report where organisation_id = ? and status <> 'UNCONFIRMED'", Long.class, A);
		if (incident != null) {
			mvc.perform(post("/desk/incidents/{id}/actions/comment", incident).param("text", MARKER + " confidential")
				.param("visibility", "CONFIDENTIAL").session(agent).with(csrf()));
		}
		MockHttpSession admin = login("admin.ixelles");
		mvc.perform(post("/desk/counter/templates").param("title", MARKER + " template").param("body", MARKER)
			.session(admin).with(csrf()));
		mvc.perform(multipart("/documents").file(new MockMultipartFile("file", "note.pdf", "application/pdf", PDF))
			.param("title", MARKER + " document").session(admin).with(csrf()));
		org.orchestra.tenancy.TenantContext.runAs(org.orchestra.tenancy.OrganisationId.of(A), () -> {
			var source = harvesting.create(org.orchestra.opendata.Harvesting.SourceSettings.of(MARKER + " source",
					org.orchestra.opendata.SourceKind.DCAT, "http://127.0.0.1:9/" + MARKER,
					org.orchestra.opendata.Schedule.MANUAL), "admin.ixelles");
			harvesting.run(source.id(), "admin.ixelles");
		});
	}

	/** Identifiers of A's records as they appear in paths: ids, references, codes. */
	private List<String> identifiersOfA() {
		List<String> ids = new ArrayList<>();
		ids.addAll(jdbc.queryForList("select cast(id as varchar(40)) from incident_report where organisation_id = ?",
				String.class, A));
		ids.addAll(jdbc.queryForList("select reference from counter_request where organisation_id = ?", String.class, A));
		ids.addAll(jdbc.queryForList("select reference from counter_address_change where organisation_id = ?",
				String.class, A));
		ids.addAll(jdbc.queryForList("select cast(id as varchar(40)) from counter_answer_template where organisation_id = ?",
				String.class, A));
		ids.addAll(jdbc.queryForList("select cast(id as varchar(40)) from document_document where organisation_id = ?",
				String.class, A));
		ids.addAll(jdbc.queryForList("select cast(m.document_id as varchar(40)) from counter_request_message m "
				+ "join counter_request r on r.id = m.request_id where r.organisation_id = ? and m.document_id is not null",
				String.class, A));
		ids.addAll(jdbc.queryForList("select cast(id as varchar(40)) from notification_message where organisation_id = ?",
				String.class, A).stream().limit(3).toList());
		ids.addAll(jdbc.queryForList("select cast(id as varchar(40)) from assistant_conversation where organisation_id = ?",
				String.class, A));
		ids.addAll(jdbc.queryForList("select cast(id as varchar(40)) from forms_submission where organisation_id = ?",
				String.class, A));
		for (String table : List.of("appointment_booking", "appointment_service", "appointment_counter",
				"appointment_closure")) {
			ids.addAll(jdbc.queryForList("select cast(id as varchar(40)) from " + table + " where organisation_id = ?",
					String.class, A).stream().limit(5).toList());
		}
		ids.addAll(jdbc.queryForList("select cast(id as varchar(40)) from opendata_source where organisation_id = ?",
				String.class, A));
		ids.addAll(jdbc.queryForList("select cast(id as varchar(40)) from opendata_harvest_job where organisation_id = ?",
				String.class, A));
		ids.addAll(jdbc.queryForList("select slug from opendata_dataset where organisation_id = ?", String.class, A)
			.stream().limit(3).toList());
		ids.add(A);
		return ids.stream().distinct().toList();
	}

	/** Every path of the endpoint with A's identifiers in its variables (one call for an endpoint without any). */
	private static List<String> paths(Endpoints endpoint, List<String> identifiers) {
		List<String> variables = endpoint.variables();
		if (variables.isEmpty()) {
			return List.of(endpoint.pattern());
		}
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < identifiers.size(); i++) {
			String identifier = identifiers.get(i);
			String action = ACTIONS.get(i % ACTIONS.size());
			paths.add(endpoint.fill(name -> name.equals("action") ? action : identifier));
		}
		return paths;
	}

	private static AbstractMockHttpServletRequestBuilder<?> call(Endpoints endpoint, String path) {
		AbstractMockHttpServletRequestBuilder<?> call;
		if (endpoint.writes() && endpoint.takesFile()) {
			var upload = multipart(HttpMethod.valueOf(endpoint.method().name()), java.net.URI.create(path));
			for (String name : endpoint.parameterNames()) {
				upload.file(new MockMultipartFile(name, "matrix.pdf", "application/pdf", PDF));
			}
			call = upload;
		}
		else {
			call = request(HttpMethod.valueOf(endpoint.method().name()), java.net.URI.create(path));
		}
		for (String name : endpoint.parameterNames()) {
			call.param(name, plausible(name));
		}
		return call.with(csrf());
	}

	/** A value that the handler would accept for a parameter of that name. */
	private static String plausible(String name) {
		return switch (name) {
			case "status" -> "REFUSED";
			case "decision" -> "refuse";
			case "agent", "contractor" -> "agent.schaerbeek";
			case "visibility" -> "PUBLIC";
			case "organisation" -> "commune-21015";
			case "offered", "value", "mine", "overdue", "closed", "all" -> "true";
			case "modes" -> "COUNTER";
			case "commune" -> "21009";
			case "lat" -> "50.8277";
			case "long", "lon" -> "4.3722";
			case "page" -> "0";
			case "gravity", "probability", "price", "days", "other" -> "1";
			default -> "matrix " + name;
		};
	}

	/** Members of B in every staff role, plus a resident of B. */
	private Map<String, MockHttpSession> rolesOfB() throws Exception {
		MockHttpSession admin = login("admin.schaerbeek");
		for (String role : List.of("contractor", "auditor")) {
			String username = role + ".matrix.schaerbeek";
			if (jdbc.queryForObject("select count(*) from identity_account where username = ?", Long.class,
					username) == 0) {
				mvc.perform(post("/admin/members").param("username", username).param("role", role)
					.param("displayName", "Matrix " + role).param("email", username + "@example.org")
					.param("password", DEMO_PASSWORD).session(admin).with(csrf()));
			}
		}
		Map<String, MockHttpSession> roles = new LinkedHashMap<>();
		roles.put("agent", login("agent.schaerbeek"));
		roles.put("org-admin", admin);
		roles.put("contractor", login("contractor.matrix.schaerbeek"));
		roles.put("auditor", login("auditor.matrix.schaerbeek"));
		roles.put("citizen", login("citizen.schaerbeek"));
		return roles;
	}

	/** A's rows in every table that records an organisation, and the children of A's requests and reports. */
	private Map<String, List<String>> snapshotOfA() {
		Map<String, List<String>> snapshot = new LinkedHashMap<>();
		List<String> tables = jdbc.queryForList("""
				select lower(table_name) from information_schema.columns
				where lower(column_name) = 'organisation_id' and lower(table_schema) = 'public'
				order by 1""", String.class);
		assertThat(tables).as("tables with an organisation").contains("counter_request", "incident_report");
		for (String table : tables) {
			// The audit trail records refusals too, and the assistant counts every question asked about a commune,
			// by anyone: neither is a record of A that B could read or change.
			if (table.equals("audit_entry") || table.startsWith("event_publication")
					|| table.equals("assistant_daily_count")) {
				continue;
			}
			snapshot.put(table, rows("select * from " + table + " where organisation_id = ?"));
		}
		snapshot.put("counter_request_message", rows("select m.* from counter_request_message m "
				+ "join counter_request r on r.id = m.request_id where r.organisation_id = ?"));
		snapshot.put("incident_comment", rows("select c.* from incident_comment c "
				+ "join incident_report r on r.id = c.report_id where r.organisation_id = ?"));
		return snapshot;
	}

	private List<String> rows(String sql) {
		return jdbc.queryForList(sql, A).stream().map(row -> new java.util.TreeMap<>(row).toString()).sorted().toList();
	}
}
