package org.orchestra.assistant;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.orchestra.shared.KnowledgeContribution;
import org.orchestra.shared.LocalizedText;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Content as the counter, forms and appointment modules contribute it: a regional procedure, the opening hours of
 * two communes, a service only one commune offers, and a list tests can add entries to.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestKnowledge {

	static final List<KnowledgeContribution.KnowledgeEntry> ADDED = new CopyOnWriteArrayList<>();

	@Bean
	KnowledgeContribution testCounterKnowledge() {
		return () -> {
			List<KnowledgeContribution.KnowledgeEntry> entries = new java.util.ArrayList<>(List.of(
					new KnowledgeContribution.KnowledgeEntry("test.counter.eid",
							LocalizedText.of("Renouveler sa carte d'identité électronique (eID)",
									"Elektronische identiteitskaart (eID) vernieuwen",
									"Renewing your electronic identity card (eID)"),
							LocalizedText.of(
									"Vous recevez une convocation quand votre carte d'identité expire. Présentez-vous au service Population avec votre ancienne carte et une photo récente. La nouvelle carte est prête après trois semaines.",
									"U krijgt een oproeping wanneer uw identiteitskaart vervalt. Ga naar de dienst Bevolking met uw oude kaart en een recente foto. De nieuwe kaart is na drie weken klaar.",
									"You receive a letter when your identity card expires. Go to the Population service with your old card and a recent photo. The new card is ready after three weeks."),
							"/counter/documents/eid", null, List.of("eid", "carte identite", "identiteitskaart", "id card")),
					new KnowledgeContribution.KnowledgeEntry("test.hours.commune-21009",
							LocalizedText.of("Heures d'ouverture de la maison communale", "Openingsuren van het gemeentehuis",
									"Opening hours of the town hall"),
							LocalizedText.of("Du lundi au vendredi de 8 h 30 à 13 h, le jeudi jusqu'à 19 h.",
									"Van maandag tot vrijdag van 8.30 tot 13 uur, op donderdag tot 19 uur.",
									"Monday to Friday from 8.30 to 13.00, Thursdays until 19.00."),
							"/appointments/commune-21009", "commune-21009", List.of("horaires", "openingsuren", "hours")),
					new KnowledgeContribution.KnowledgeEntry("test.hours.commune-21015",
							LocalizedText.of("Heures d'ouverture de la maison communale", "Openingsuren van het gemeentehuis",
									"Opening hours of the town hall"),
							LocalizedText.of("Du lundi au vendredi de 9 h à 12 h 30, le mardi jusqu'à 18 h.",
									"Van maandag tot vrijdag van 9 tot 12.30 uur, op dinsdag tot 18 uur.",
									"Monday to Friday from 9.00 to 12.30, Tuesdays until 18.00."),
							"/appointments/commune-21015", "21015", List.of("horaires", "openingsuren", "hours")),
					new KnowledgeContribution.KnowledgeEntry("test.forms.parking-21009",
							LocalizedText.of("Carte de stationnement riverain", "Bewonersparkeerkaart", "Residents' parking card"),
							LocalizedText.of("Demandez votre carte de stationnement riverain en ligne avec le certificat d'immatriculation du véhicule.",
									"Vraag uw bewonersparkeerkaart online aan met het inschrijvingsbewijs van het voertuig.",
									"Apply online for your residents' parking card with the vehicle's registration certificate."),
							"/forms/parking", "commune-21009", List.of("stationnement", "parkeerkaart", "parking"))));
			entries.addAll(ADDED);
			return entries;
		};
	}
}
