package org.orchestra.counter;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An address change goes to the commune of the new address, and only inside the region. */
class AddressChangeTests extends PlatformTests {

	/** Schaerbeek's town hall, Place Colignon. */
	static final String[] COLIGNON = { "4.3776", "50.8676" };
	/** Leuven, outside the region. */
	static final String[] LEUVEN = { "4.7005", "50.8798" };

	MvcResult declare(MockHttpSession session, String[] where, String... extra) throws Exception {
		var request = post("/counter/address-change").session(session).with(csrf()).param("street", "Place Colignon")
			.param("houseNumber", "1").param("postcode", "1030").param("lon", where[0]).param("lat", where[1])
			.param("movingDate", LocalDate.now().toString());
		for (int i = 0; i + 1 < extra.length; i += 2) {
			request.param(extra[i], extra[i + 1]);
		}
		return mvc.perform(request).andReturn();
	}

	long changes() {
		return jdbc.queryForObject("select count(*) from counter_address_change", Long.class);
	}

	@Test
	void aMoveOutsideTheRegionIsRefusedClearly() throws Exception {
		MockHttpSession citizen = login("citizen.anderlecht");
		long before = changes();
		MvcResult outside = declare(citizen, LEUVEN);
		assertThat(outside.getResponse().getStatus()).isEqualTo(422);
		assertThat(outside.getResponse().getContentAsString()).contains("Bruxelles-Capitale");
		MvcResult badDate = declare(citizen, COLIGNON, "movingDate", "2001-01-01");
		assertThat(badDate.getResponse().getStatus()).isEqualTo(400);
		MvcResult stranger = declare(citizen, COLIGNON, "members", CounterTests.CHILD);
		assertThat(stranger.getResponse().getStatus()).isEqualTo(403);
		assertThat(changes()).isEqualTo(before);
	}

	@Test
	void theCommuneOfTheNewAddressConfirmsItAndTheDeclarationIsPublished() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		MvcResult declared = declare(citizen, COLIGNON, "members", CounterTests.CHILD, "members", "86020412226");
		assertThat(declared.getResponse().getRedirectedUrl()).isEqualTo("/counter/requests");
		var row = jdbc.queryForMap(
				"select reference, organisation_id, members from counter_address_change where requester_account = 'citizen.demo' order by id desc limit 1");
		String reference = (String) row.get("reference");
		assertThat(row.get("organisation_id")).isEqualTo("commune-21015");
		assertThat((String) row.get("members")).contains("85073003328", CounterTests.CHILD, "86020412226");
		assertThat(declare(citizen, COLIGNON).getResponse().getStatus()).isEqualTo(409);
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'counter.address-change.declared' and target_id = ?",
				Long.class, reference)).isEqualTo(1));

		MockHttpSession ixelles = login("agent.ixelles");
		mvc.perform(get("/desk/counter/address-changes/{ref}", reference).session(ixelles))
			.andExpect(status().isNotFound());
		MockHttpSession schaerbeek = login("agent.schaerbeek");
		assertThat(mvc.perform(get("/desk/counter/address-changes").session(schaerbeek)).andReturn().getResponse()
			.getContentAsString()).contains(reference);
		mvc.perform(post("/desk/counter/address-changes/{ref}/decision", reference).session(schaerbeek).with(csrf())
			.param("decision", "refuse")).andExpect(status().isBadRequest());
		mvc.perform(post("/desk/counter/address-changes/{ref}/decision", reference).session(schaerbeek).with(csrf())
			.param("decision", "confirm")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select status from counter_address_change where reference = ?", String.class,
				reference)).isEqualTo("CONFIRMED");
		mvc.perform(post("/desk/counter/address-changes/{ref}/decision", reference).session(schaerbeek).with(csrf())
			.param("decision", "refuse").param("reason", "late")).andExpect(status().isConflict());
	}
}
