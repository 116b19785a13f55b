package org.orchestra.opendata;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orchestra.opendata.Harvesting.SourceSettings;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open-data module with its direct dependencies: registering a harvest source publishes the audited change,
 * stamped with the organisation that owns the source.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class OpendataModuleTests {

	@Autowired
	Harvesting harvesting;

	@AfterEach
	void leaveTheOrganisation() {
		TenantContext.clear();
	}

	@Test
	void registeringASourcePublishesTheAuditedChange(Scenario scenario) {
		// the scenario's transaction opens for the organisation acting
		TenantContext.set(OrganisationId.of("commune-21015"));
		scenario.stimulate(() -> harvesting.create(SourceSettings.of("Module source", SourceKind.CKAN,
				"https://data.example.org", Schedule.WEEKLY), "admin.schaerbeek"))
			.andWaitForEventOfType(HarvestSourceChanged.class)
			.matching(event -> event.type().equals("created"))
			.toArriveAndVerify((event, source) -> {
				assertThat(event.sourceId()).isEqualTo(source.id());
				assertThat(event.organisation()).isEqualTo("commune-21015");
				assertThat(source.organisationId()).isEqualTo("commune-21015");
				assertThat(source.nextRunAt()).as("a weekly source is due in a week").isNotNull();
				assertThat(event.auditFacts().action()).isEqualTo("opendata.harvest.source.created");
				assertThat(event.auditFacts().actor()).isEqualTo("admin.schaerbeek");
			});
	}
}
