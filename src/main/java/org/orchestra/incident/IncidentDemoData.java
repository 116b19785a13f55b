package org.orchestra.incident;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data: a few reports by the demo citizen at real places, labelled "[Demo]". Seeded only when
 * {@code orchestra.demo.enabled} is on and no report exists yet.
 */
@Component
@ConditionalOnBooleanProperty("orchestra.demo.enabled")
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class IncidentDemoData implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(IncidentDemoData.class);

	private final Reports reports;
	private final IncidentReporting reporting;

	IncidentDemoData(Reports reports, IncidentReporting reporting) {
		this.reports = reports;
		this.reporting = reporting;
	}

	record Demo(double lon, double lat, String address, LocationType where, String category, String text) {
	}

	static final List<Demo> DEMO = List.of(
			new Demo(4.37210, 50.82760, "Place Eugène Flagey, 1050 Ixelles", LocationType.SIDEWALK, "loose-paving-stones",
					"[Demo] Dalles déchaussées devant l'arrêt de tram / Losliggende tegels aan de tramhalte"),
			new Demo(4.36740, 50.83400, "Chaussée d'Ixelles 168, 1050 Ixelles", LocationType.SIDEWALK, "overflowing-bin",
					"[Demo] Poubelle publique pleine depuis trois jours / Vuilnisbak al drie dagen vol"),
			new Demo(4.35230, 50.84680, "Grand-Place, 1000 Bruxelles", LocationType.ROADWAY, "damaged-paving",
					"[Demo] Pavés descellés au coin de la Rue au Beurre / Losse kasseien op de hoek van de Boterstraat"),
			new Demo(4.37720, 50.86760, "Place Colignon, 1030 Schaerbeek", LocationType.SIDEWALK, "street-light-out",
					"[Demo] Lampadaire éteint la nuit / Straatlamp 's nachts uit"),
			new Demo(4.34170, 50.89490, "Square de l'Atomium, 1020 Bruxelles", LocationType.GREEN_SPACE, "illegal-dump",
					"[Demo] Sacs et encombrants abandonnés / Achtergelaten zakken en grofvuil"),
			new Demo(4.33400, 50.80350, "Place Jean Vander Elst, 1180 Uccle", LocationType.BIKE_LANE, "faded-markings",
					"[Demo] Marquage de la piste cyclable effacé / Markering van het fietspad vervaagd"));

	@Override
	public void run(ApplicationArguments args) {
		if (reports.count() > 0) {
			return;
		}
		for (Demo demo : DEMO) {
			reporting.submit(new IncidentReport.Draft(demo.lon(), demo.lat(), demo.address(), demo.where(),
					demo.category(), demo.text(), "Demo Citizen", null, null, "citizen.demo", true, Source.CITIZEN,
					null, null, false), List.of(), Locale.of("fr"), null);
		}
		LOG.info("Seeded {} demo incident reports (demo data)", DEMO.size());
	}
}
