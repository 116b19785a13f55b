package org.orchestra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.instancio.Instancio;
import org.instancio.InstancioGenApi;
import org.instancio.settings.Keys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Hostile input against every endpoint of the application, found from its own mappings: generated path variables,
 * parameters and bodies (broken JSON and XML, wrong types, huge values, invalid coordinates, bad encodings,
 * injection strings, fake images with path tricks in their names), sent anonymously, as a resident and as staff.
 * No answer may be a server error, and no business record may appear.
 */
class BadInputTests extends PlatformTests {

	private static final int ROUNDS = 4;

	/**
	 * Records only valid input creates (issued attestations take no input, so only uploads are counted). Answer
	 * templates of the counter are free text, where any string is valid content, so they are not counted.
	 */
	private static final List<String> BUSINESS_TABLES = List.of("incident_report", "incident_comment", "incident_photo",
			"incident_subscription", "document_document where verification_code is null", "identity_account", "identity_membership", "exchange_client",
			"exchange_right", "incident_api_key", "incident_webhook", "tenancy_organisation", "counter_request",
			"counter_request_message", "counter_offering", "counter_address_change", "assistant_conversation",
			"assistant_message", "assistant_reply_template", "assistant_response_time", "forms_form", "forms_version",
			"forms_offering", "forms_submission", "forms_submission_event", "appointment_booking",
			"appointment_service", "appointment_counter", "appointment_hours", "appointment_closure",
			"appointment_settings", "opendata_dataset", "opendata_source", "opendata_publisher", "opendata_harvest_job");

	private static final List<String> ACCEPTS = List.of("application/json", "text/xml", "text/html");

	private static final Set<String> SKIPPED = Set.of("/logout", "/login");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointAnswersHostileInputWithoutAServerErrorAndStoresNothing() throws Exception {
		Map<String, Long> before = counts();
		Iterator<String> values = hostileValues();
		Iterator<Body> bodies = bodies();
		List<MockHttpSession> identities = new ArrayList<>();
		identities.add(null);
		identities.add(login("citizen.demo"));
		identities.add(login("admin.ixelles"));

		Set<String> serverErrors = new TreeSet<>();
		int sent = 0;
		for (Endpoints endpoint : Endpoints.of(mappings)) {
			if (SKIPPED.contains(endpoint.pattern())) {
				continue;
			}
			for (MockHttpSession session : identities) {
				for (int round = 0; round < ROUNDS; round++) {
					String path = endpoint.fill(name -> values.next());
					Body body = bodies.next();
					AbstractMockHttpServletRequestBuilder<?> call = build(endpoint.method(), path, body,
							endpoint.takesFile(), endpoint.parameterNames(), values);
					call.with(csrf());
					if (session != null) {
						call.session(session);
					}
					MvcResult result;
					try {
						result = mvc.perform(call).andReturn();
					}
					catch (Exception | AssertionError e) {
						serverErrors.add(endpoint.method() + " " + endpoint.pattern() + " " + body.kind() + " -> " + e);
						continue;
					}
					sent++;
					if (result.getResponse().getStatus() >= 500) {
						serverErrors.add(endpoint.method() + " " + endpoint.pattern() + " " + body.kind() + " -> "
								+ result.getResponse().getStatus() + " " + path);
					}
				}
			}
		}
		assertThat(sent).as("hostile requests sent").isGreaterThan(500);
		assertThat(serverErrors).as("server errors on hostile input").isEmpty();
		assertThat(counts()).as("business records after hostile input").isEqualTo(before);
	}

	private AbstractMockHttpServletRequestBuilder<?> build(RequestMethod method, String path, Body body, boolean takesFile,
			List<String> names, Iterator<String> values) {
		HttpMethod http = HttpMethod.valueOf(method.name());
		boolean writes = method != RequestMethod.GET && method != RequestMethod.HEAD;
		AbstractMockHttpServletRequestBuilder<?> call;
		if (writes && (takesFile || body.kind().equals("multipart"))) {
			MockMultipartHttpServletRequestBuilder upload = multipart(http, java.net.URI.create(path));
			for (String name : names) {
				upload.file(new MockMultipartFile(name, body.fileName(), body.contentType(), body.bytes()));
			}
			upload.file(new MockMultipartFile("photos", body.fileName(), "image/jpeg", body.bytes()));
			call = upload;
		}
		else {
			call = request(http, java.net.URI.create(path));
			if (writes && !body.kind().equals("form")) {
				call.contentType(body.contentType()).content(body.bytes());
			}
		}
		for (String name : names) {
			call.param(name, values.next());
		}
		call.header("Accept", ACCEPTS.get(Math.floorMod(path.hashCode() + names.size(), ACCEPTS.size())));
		return call;
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : BUSINESS_TABLES) {
			counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

	private static final long SEED = 20_261_128L;

	private static final List<String> HOSTILE = List.of("' OR '1'='1' --", "1; DROP TABLE incident_report",
			"<script>alert(1)</script>", "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "\u0000", "\uFFFE",
			"\uD800", "NaN", "Infinity", "-Infinity", "1e309", "-1", "0", "99999999999999999999999", "2026-13-45",
			"2026-02-30T25:61:00Z", "null", "[]", "{}", "${jndi:ldap://example.invalid/a}", "{{7*7}}", "", " ", "☃", "é",
			"COM1", "a".repeat(5000), "50.8466,4.3528", "91", "-181", "4.35", "50.85");

	private static InstancioGenApi generate() {
		return Instancio.gen().withSetting(Keys.SEED, SEED);
	}

	/** Generated hostile values (seeded, so a failure is reproducible), mixed with known attack strings. */
	private static Iterator<String> hostileValues() {
		List<String> pool = new ArrayList<>();
		pool.addAll(generate().string().mixedCase().allowEmpty().maxLength(40).list(300));
		pool.addAll(generate().string()
			.unicode(Character.UnicodeBlock.BASIC_LATIN, Character.UnicodeBlock.LATIN_1_SUPPLEMENT,
					Character.UnicodeBlock.GENERAL_PUNCTUATION, Character.UnicodeBlock.SPECIALS,
					Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS, Character.UnicodeBlock.ARABIC)
			.maxLength(16)
			.list(300));
		generate().ints().list(100).forEach(i -> pool.add(String.valueOf(i)));
		generate().longs().list(100).forEach(l -> pool.add(String.valueOf(l)));
		generate().doubles().range(-1e12, 1e12).list(100).forEach(d -> pool.add(String.valueOf(d)));
		for (int i = 0; i < 8; i++) {
			pool.addAll(HOSTILE);
		}
		java.util.Random random = new java.util.Random(SEED);
		return java.util.stream.Stream.generate(() -> pool.get(random.nextInt(pool.size()))).iterator();
	}

	record Body(String kind, String contentType, byte[] bytes, String fileName) {
	}

	private static Iterator<Body> bodies() {
		List<String> texts = generate().string().allowEmpty().maxLength(200).list(200);
		List<String> names = List.of("../../etc/passwd.jpg", "photo.jpg", "..\\..\\win.ini", "a\u0000.png",
				"x".repeat(300) + ".jpg", "", "report.pdf.exe", "<img src=x>.gif");
		java.util.Random random = new java.util.Random(SEED);
		return java.util.stream.Stream.generate(() -> {
			String t = texts.get(random.nextInt(texts.size()));
			String name = names.get(random.nextInt(names.size()));
			return switch (random.nextInt(8)) {
				case 0 -> new Body("broken JSON", "application/json", ("{\"a\": " + t).getBytes(StandardCharsets.UTF_8),
						"a.json");
				case 1 -> new Body("wrong JSON types", "application/json", ("{\"lat\": [\"" + quote(t)
						+ "\"], \"service_code\": {\"x\": 1}, \"page\": \"" + quote(t) + "\"}")
					.getBytes(StandardCharsets.UTF_8), "a.json");
				case 2 -> new Body("broken XML", "application/xml",
						("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;" + t)
							.getBytes(StandardCharsets.UTF_8), "a.xml");
				case 3 -> new Body("bad encoding", "application/x-www-form-urlencoded; charset=UTF-8",
						new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '=', (byte) 0xFE }, "a.txt");
				case 4 -> new Body("form", "application/x-www-form-urlencoded", new byte[0], "a.txt");
				case 5 -> new Body("huge JSON", "application/json",
						("[\"" + "A".repeat(3_000_000) + "\"]").getBytes(StandardCharsets.UTF_8), "a.json");
				case 6 -> new Body("multipart", "image/jpeg",
						"GIF89a<?php system($_GET['c']); ?>".getBytes(StandardCharsets.US_ASCII), name);
				default -> new Body("multipart", "image/png",
						new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' },
						name);
			};
		}).iterator();
	}

	private static String quote(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}
}
