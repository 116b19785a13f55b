package org.orchestra.counter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: requests of the synthetic residents over the last weeks (so queues, statistics and the most
 * requested documents show something), answer templates labelled "[Demo]", and an address change waiting in
 * Ixelles. Seeded only when {@code orchestra.demo.enabled} is on and no request exists yet.
 */
@Component
@ConditionalOnBooleanProperty("orchestra.demo.enabled")
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
class CounterDemoData implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(CounterDemoData.class);

	record Demo(String account, String nn, String document, DeliveryMode mode, RequestStatus status, int daysAgo) {
	}

	static final List<Demo> DEMO = List.of(
			new Demo("citizen.schaerbeek", "90010100123", "household-composition", DeliveryMode.DOWNLOAD, RequestStatus.DELIVERED, 27),
			new Demo("citizen.schaerbeek", "90010100123", "residence-certificate", DeliveryMode.DOWNLOAD, RequestStatus.DELIVERED, 21),
			new Demo("citizen.schaerbeek", "90010100123", "criminal-record-extract", DeliveryMode.POST, RequestStatus.IN_PROGRESS, 3),
			new Demo("citizen.schaerbeek", "90010100123", "birth-certificate", DeliveryMode.DOWNLOAD, RequestStatus.RECEIVED, 9),
			new Demo("citizen.schaerbeek", "90010100123", "nationality-certificate", DeliveryMode.DOWNLOAD, RequestStatus.DELIVERED, 12),
			new Demo("citizen.schaerbeek", "90010100123", "celibacy-certificate", DeliveryMode.COUNTER, RequestStatus.WAITING_FOR_CITIZEN, 6),
			new Demo("citizen.anderlecht", "78111000156", "household-composition", DeliveryMode.DOWNLOAD, RequestStatus.DELIVERED, 18),
			new Demo("citizen.anderlecht", "78111000156", "household-composition", DeliveryMode.POST, RequestStatus.DELIVERED, 4),
			new Demo("citizen.anderlecht", "78111000156", "criminal-record-extract", DeliveryMode.DOWNLOAD, RequestStatus.READY, 2),
			new Demo("citizen.anderlecht", "78111000156", "residence-certificate", DeliveryMode.DOWNLOAD, RequestStatus.DELIVERED, 15),
			new Demo("citizen.anderlecht", "78111000156", "marriage-certificate", DeliveryMode.POST, RequestStatus.REFUSED, 11),
			new Demo("citizen.demo", "85073003328", "household-composition", DeliveryMode.DOWNLOAD, RequestStatus.DELIVERED, 25),
			new Demo("citizen.demo", "85073003328", "criminal-record-extract", DeliveryMode.DOWNLOAD, RequestStatus.RECEIVED, 8),
			new Demo("citizen.demo", "85073003328", "residence-history", DeliveryMode.DOWNLOAD, RequestStatus.DELIVERED, 14),
			new Demo("citizen.demo", "85073003328", "legal-cohabitation-certificate", DeliveryMode.POST, RequestStatus.IN_PROGRESS, 5));

	private final Requests requests;
	private final RequestEvents events;
	private final AnswerTemplates templates;
	private final AddressChanges addressChanges;
	private final PopulationRegister register;
	private final DocumentCatalogue catalogue;
	private final TransactionTemplate tx;

	CounterDemoData(Requests requests, RequestEvents events, AnswerTemplates templates, AddressChanges addressChanges,
			PopulationRegister register, DocumentCatalogue catalogue, PlatformTransactionManager transactions) {
		this.requests = requests;
		this.events = events;
		this.templates = templates;
		this.addressChanges = addressChanges;
		this.register = register;
		this.catalogue = catalogue;
		this.tx = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (requests.count() > 0) {
			return;
		}
		int seeded = 0;
		for (Demo demo : DEMO) {
			PopulationRegister.Person person = register.person(demo.nn()).orElse(null);
			DocumentType type = catalogue.find(demo.document()).orElse(null);
			if (person == null || type == null) {
				continue;
			}
			OrganisationId commune = OrganisationId.of("commune-" + person.nisCode());
			Instant sent = Instant.now().minus(Duration.ofDays(demo.daysAgo()));
			TenantContext.runAs(commune, () -> tx.executeWithoutResult(status -> {
				DocumentRequest request = new DocumentRequest(commune.value(), type.code(), demo.account(),
						person.fullName(), null, person.nationalNumber(), person.nationalNumber(), person.fullName(),
						demo.mode(), demo.mode() == DeliveryMode.POST ? person.address() : null, "fr",
						type.priceCents(), LocalDate.now(CounterRequests.BRUSSELS).minusDays(demo.daysAgo())
							.plusDays(type.processingDays()), null);
				request = requests.saveAndFlush(request);
				request.assignReference(LocalDate.now(CounterRequests.BRUSSELS).getYear());
				events.save(new RequestEvent(request.id(), "submitted", RequestStatus.RECEIVED, demo.account(), null));
				if (demo.status() == RequestStatus.REFUSED) {
					request.refuse("[Demo] L'acte n'a pas été dressé dans cette commune. / De akte werd niet in deze gemeente opgemaakt.");
				}
				else if (demo.status() != RequestStatus.RECEIVED) {
					request.moveTo(demo.status());
				}
				if (demo.status() != RequestStatus.RECEIVED) {
					events.save(new RequestEvent(request.id(), "status", request.status(), "system", "[Demo]"));
				}
				request.backdate(sent);
			}));
			seeded++;
		}
		for (String commune : List.of("commune-21009", "commune-21015")) {
			OrganisationId organisation = OrganisationId.of(commune);
			TenantContext.runAs(organisation, () -> tx.executeWithoutResult(status -> {
				templates.save(new AnswerTemplate(commune, "[Demo] Pièce manquante / Ontbrekend stuk",
						"Bonjour, il nous manque une pièce pour traiter votre demande : merci de la joindre ici. / "
								+ "Goeddag, er ontbreekt een stuk om uw aanvraag te behandelen: voeg het hier toe."));
				templates.save(new AnswerTemplate(commune, "[Demo] Document prêt au guichet / Document klaar aan het loket",
						"Votre document vous attend au guichet, aux heures d'ouverture. / "
								+ "Uw document ligt klaar aan het loket, tijdens de openingsuren."));
			}));
		}
		PopulationRegister.Person mover = register.person("78111000156").orElse(null);
		if (mover != null) {
			OrganisationId ixelles = OrganisationId.of("commune-21009");
			TenantContext.runAs(ixelles, () -> tx.executeWithoutResult(status -> {
				AddressChange change = addressChanges.saveAndFlush(new AddressChange(ixelles.value(),
						"citizen.anderlecht", mover.nationalNumber(), mover.fullName(), mover.address(),
						"Place Eugène Flagey", "18", null, "1050", "21009", 4.3722, 50.8277,
						LocalDate.now(CounterRequests.BRUSSELS).minusDays(3),
						mover.nationalNumber() + ",80031500285"));
				change.assignReference(LocalDate.now(CounterRequests.BRUSSELS).getYear());
			}));
		}
		LOG.info("Seeded {} demo counter requests, answer templates and an address change (demo data)", seeded);
	}
}
