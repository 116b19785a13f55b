package org.orchestra.forms;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** Online forms with their dependencies: publishing a version publishes the audited event. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class FormsModuleTests {

	@Autowired
	FormDesign design;

	@Test
	void publishingAVersionPublishesAnAuditedEvent(Scenario scenario) {
		String key = "module-" + UUID.randomUUID().toString().substring(0, 8);
		Form form = design.importDefinition(FormsTestSupport.simpleForm(key, "{\"mode\": \"CHOSEN\"}"));
		scenario.stimulate(() -> design.publish(form.id()))
			.andWaitForEventOfType(FormDefinitionChanged.class)
			.matching(event -> event.formKey().equals(key) && event.type().equals("published"))
			.toArriveAndVerify(event -> {
				assertThat(event.versionNumber()).isEqualTo(1);
				assertThat(event.auditFacts().action()).isEqualTo("forms.form.published");
			});
	}
}
