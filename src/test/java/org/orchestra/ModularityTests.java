package org.orchestra;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(Orchestra.class);

	@Test
	void modulesRespectTheirDeclaredDependencies() {
		MODULES.verify();
	}

	@Test
	void everyFoundationModuleIsDetected() {
		assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).contains("tenancy", "identity", "audit",
				"document", "notification", "catalogue", "shell", "operations");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeDocumentation();
	}
}
