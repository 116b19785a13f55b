package org.orchestra.forms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.orchestra.tenancy.Organisation;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo forms, labelled as demo data: a face-mask order, a death declaration and a parking-card application,
 * published and offered by communes. Seeded only when {@code orchestra.demo.enabled} is on and no form exists.
 */
@Component
@ConditionalOnBooleanProperty("orchestra.demo.enabled")
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class FormsDemoData implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(FormsDemoData.class);

	/** Form → the communes (NIS codes) that offer it; empty: every commune. */
	static final Map<String, List<String>> DEMO = Map.of("face-mask-order", List.of(), "death-declaration",
			List.of("21009", "21015"), "parking-card", List.of("21009", "21015"));

	private final Forms forms;
	private final FormDesign design;
	private final OrganisationDirectory organisations;

	FormsDemoData(Forms forms, FormDesign design, OrganisationDirectory organisations) {
		this.forms = forms;
		this.design = design;
		this.organisations = organisations;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (forms.count() > 0) {
			return;
		}
		List<Organisation> communes = organisations.all()
			.stream()
			.filter(o -> o.type() == OrganisationType.COMMUNE)
			.toList();
		for (Map.Entry<String, List<String>> demo : DEMO.entrySet()) {
			String text;
			try (InputStream in = getClass().getResourceAsStream("/forms/demo/" + demo.getKey() + ".json")) {
				text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			Form form = design.importDefinition(text, true);
			design.publish(form.id());
			for (Organisation commune : communes) {
				if (demo.getValue().isEmpty() || demo.getValue().contains(commune.nisCode())) {
					design.offer(commune.id(), form.id(), true);
				}
			}
		}
		LOG.info("Seeded {} demo forms (demo data)", DEMO.size());
	}
}
