package org.orchestra.incident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.orchestra.PlatformTests;
import org.orchestra.territory.ImportJob;
import org.orchestra.territory.ImportKind;
import org.orchestra.territory.Territory;
import org.orchestra.territory.TerritoryImports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** Incident tests run on the real UrbIS boundaries and the project's road fixture. */
abstract class IncidentTestSupport extends PlatformTests {

	static final Path DATA = Path.of("../shared/data/brussels");
	static final double[] FLAGEY = { 4.3722, 50.8277 };
	static final double[] LOI = { 4.3700, 50.8445 };

	@Autowired
	protected Territory territory;

	@Autowired
	protected TerritoryImports imports;

	protected void realGeography() throws IOException {
		if (territory.approximate()) {
			ImportJob job = imports.importNow(ImportKind.COMMUNES, "communes",
					Files.readAllBytes(DATA.resolve("communes/brussels_communes_lambert72.geojson")));
			assertThat(job.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
		}
		if (territory.status().roads() == 0) {
			ImportJob roads = imports.importNow(ImportKind.ROADS, "roads",
					getClass().getResourceAsStream("/territory/roads-fixture.geojson").readAllBytes());
			assertThat(roads.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
		}
	}

	/** Submits the public form; returns the redirect (or null when the page re-rendered). */
	protected MvcResult report(MockHttpSession session, double[] where, String locationType, String category,
			String description, String email, String key, boolean notDuplicate, MockMultipartFile... photos)
			throws Exception {
		var request = multipart("/incidents/new");
		for (MockMultipartFile photo : photos) {
			request.file(photo);
		}
		request.param("idempotencyKey", key)
			.param("lon", Double.toString(where[0]))
			.param("lat", Double.toString(where[1]))
			.param("locationType", locationType)
			.param("category", category)
			.param("description", description)
			.param("email", email)
			.param("hideName", "true")
			.param("notDuplicate", Boolean.toString(notDuplicate))
			.with(csrf());
		if (session != null) {
			request.session(session);
		}
		return mvc.perform(request).andReturn();
	}

	protected long idOf(MvcResult result) {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).as("redirect after submission").isNotNull().startsWith("/incidents/");
		return Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
	}
}
