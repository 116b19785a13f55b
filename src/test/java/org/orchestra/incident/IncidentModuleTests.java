package org.orchestra.incident;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** Incident reporting with its dependencies: a submission publishes the audited event others react to. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class IncidentModuleTests {

	@Autowired
	IncidentReporting reporting;

	@Test
	void aSubmissionPublishesIncidentSubmitted(Scenario scenario) {
		String key = UUID.randomUUID().toString();
		IncidentReport.Draft draft = new IncidentReport.Draft(4.35222, 50.84676, "Grand-Place", LocationType.ROADWAY,
				"damaged-paving", "Module test", null, null, null, "citizen.demo", true, Source.CITIZEN, key, null, false);
		scenario.stimulate(() -> reporting.submit(draft, List.of(), Locale.of("nl"), null))
			.andWaitForEventOfType(IncidentSubmitted.class)
			.matching(event -> event.categoryCode().equals("damaged-paving"))
			.toArriveAndVerify(event -> {
				assertThat(event.organisation()).isIn("commune-21004", "agency-mobility");
				assertThat(event.confirmationToken()).isNull();
				assertThat(event.auditFacts().action()).isEqualTo("incident.submitted");
			});
	}
}
