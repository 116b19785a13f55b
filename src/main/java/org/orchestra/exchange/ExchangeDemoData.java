package org.orchestra.exchange;

import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.OrganisationDirectory;
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
 * Demo data: each commune's population holds its synthetic residents, and each CPAS the first of them as a
 * beneficiary. Seeded only when {@code orchestra.demo.enabled} is on.
 */
@Component
@ConditionalOnBooleanProperty("orchestra.demo.enabled")
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class ExchangeDemoData implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(ExchangeDemoData.class);

	private final DemoSources sources;
	private final Population population;
	private final ExchangeKeys keys;
	private final OrganisationDirectory organisations;
	private final TransactionTemplate transactions;

	ExchangeDemoData(DemoSources sources, Population population, ExchangeKeys keys, OrganisationDirectory organisations,
			TransactionTemplate transactions) {
		this.sources = sources;
		this.population = population;
		this.keys = keys;
		this.organisations = organisations;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (population.count() > 0) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			for (DemoSources.Person person : sources.persons()) {
				String commune = "commune-" + person.nisCode();
				String hash = keys.personHash(person.nationalNumber());
				if (organisations.exists(OrganisationId.of(commune))) {
					population.save(new PopulationMember(commune, hash));
				}
				if (person.household().endsWith("-0") && organisations.exists(OrganisationId.of("cpas-" + person.nisCode()))) {
					population.save(new PopulationMember("cpas-" + person.nisCode(), hash));
				}
			}
		});
		LOG.info("Seeded the partners' populations with {} synthetic persons (demo data)", sources.persons().size());
	}
}
