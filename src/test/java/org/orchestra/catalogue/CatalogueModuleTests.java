package org.orchestra.catalogue;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue alone knows its structure; services only come from the modules that contribute them. */
@ApplicationModuleTest
class CatalogueModuleTests {

	@Autowired
	ServiceCatalogue catalogue;

	@Test
	void withoutContributingModulesTheCatalogueHasItsShapeButNoServices() {
		assertThat(catalogue.services()).isEmpty();
		assertThat(catalogue.view(null, Locale.of("nl"))).hasSize(3)
			.allSatisfy(pillar -> assertThat(pillar.entries()).allSatisfy(e -> assertThat(e.services()).isEmpty()));
	}
}
