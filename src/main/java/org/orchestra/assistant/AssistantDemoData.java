package org.orchestra.assistant;

import java.time.Instant;
import java.util.List;

import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: reply templates of Ixelles and Schaerbeek, labelled "[Demo]". Seeded only when
 * {@code orchestra.demo.enabled} is on and the commune has no template yet.
 */
@Component
@ConditionalOnBooleanProperty("orchestra.demo.enabled")
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class AssistantDemoData implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(AssistantDemoData.class);

	private final ReplyTemplates templates;
	private final TransactionTemplate transactions;

	AssistantDemoData(ReplyTemplates templates, TransactionTemplate transactions) {
		this.templates = templates;
		this.transactions = transactions;
	}

	record Demo(String language, String title, String body) {
	}

	static final List<Demo> DEMO = List.of(
			new Demo("fr", "[Demo] Prendre rendez-vous",
					"Bonjour,\n\nPour cette démarche, merci de prendre rendez-vous au guichet de la population. Munissez-vous de votre carte d'identité.\n\nCordialement,"),
			new Demo("nl", "[Demo] Een afspraak maken",
					"Goedendag,\n\nVoor deze aanvraag maakt u best een afspraak aan het loket Bevolking. Breng uw identiteitskaart mee.\n\nMet vriendelijke groeten,"),
			new Demo("en", "[Demo] Book an appointment",
					"Hello,\n\nFor this request, please book an appointment at the population desk and bring your identity card.\n\nKind regards,"));

	@Override
	public void run(ApplicationArguments args) {
		int seeded = 0;
		for (String commune : List.of("commune-21009", "commune-21015")) {
			seeded += TenantContext.callAs(OrganisationId.of(commune), () -> transactions.execute(status -> {
				if (!templates.findAll().isEmpty()) {
					return 0;
				}
				for (Demo demo : DEMO) {
					templates.save(new ReplyTemplate(demo.language(), demo.title(), demo.body(), "system", Instant.now()));
				}
				return DEMO.size();
			}));
		}
		if (seeded > 0) {
			LOG.info("Seeded {} demo reply templates (demo data)", seeded);
		}
	}
}
