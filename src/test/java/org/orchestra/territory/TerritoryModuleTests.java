package org.orchestra.territory;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** Territory with its dependencies: every import, failed or not, publishes an audited event. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class TerritoryModuleTests {

	@Autowired
	TerritoryImports imports;

	@Autowired
	Territory territory;

	@Test
	void aFailedImportIsPublishedAndChangesNothing(Scenario scenario) {
		Territory.Status before = territory.status();
		scenario.stimulate(() -> imports.importNow(ImportKind.REGION, "broken.geojson",
				"{\"type\":\"Topology\"}".getBytes(StandardCharsets.UTF_8)))
			.andWaitForEventOfType(TerritoryImported.class)
			.matching(event -> event.kind() == ImportKind.REGION && !event.succeeded())
			.toArriveAndVerify(event -> {
				assertThat(event.auditFacts().outcome()).isEqualTo("FAILURE");
				assertThat(territory.status()).isEqualTo(before);
			});
	}

	@Test
	void lookupsWorkOnApproximateOrImportedCommunes() {
		Place grandPlace = territory.locate(4.35222, 50.84676);
		assertThat(grandPlace.inRegion()).isTrue();
		assertThat(grandPlace.nisCode()).isEqualTo("21004");
	}
}
