package org.orchestra.document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents with their direct dependencies: storing a document publishes an audited event. */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class DocumentModuleTests {

	static final OrganisationId FOREST = OrganisationId.of("commune-21007");

	@Autowired
	DocumentManagement documents;

	@Test
	void uploadingPublishesDocumentStored(Scenario scenario) {
		byte[] content = ("module test " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
		TenantContext.runAs(FOREST, () -> scenario
			.stimulate(() -> documents.upload("Module", "m.txt", new ByteArrayInputStream(content)))
			.andWaitForEventOfType(DocumentStored.class)
			.matching(event -> event.organisation().equals(FOREST.value()))
			.toArriveAndVerify(event -> {
				assertThat(event.contentType()).isEqualTo("text/plain");
				assertThat(event.auditFacts().action()).isEqualTo("document.uploaded");
			}));
	}

	@Test
	void writingUnderAnOrganisationInATransactionOpenedForAnotherIsRefused(Scenario scenario) {
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> scenario.stimulate(() -> TenantContext.callAs(FOREST,
					() -> documents.upload("Wrong", "w.txt", new ByteArrayInputStream("x".getBytes())))).andWaitForEventOfType(DocumentStored.class).toArrive())
			.withMessageContaining("Transaction opened for tenant -");
	}
}
