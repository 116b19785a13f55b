package org.orchestra.appointment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.orchestra.appointment.AppointmentViews.ServiceView;
import org.orchestra.tenancy.OrganisationDirectory;
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

/**
 * Demo data: the population services of Ixelles and Schaerbeek with their counters, opening hours and a staff
 * training closure, labelled as demo. Seeded only when {@code orchestra.demo.enabled} is on and the commune has no
 * appointment service yet.
 */
@Component
@ConditionalOnBooleanProperty("orchestra.demo.enabled")
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class AppointmentDemoData implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(AppointmentDemoData.class);

	static final List<String> COMMUNES = List.of("commune-21009", "commune-21015");

	private final AppointmentConfiguration configuration;
	private final OrganisationDirectory organisations;

	AppointmentDemoData(AppointmentConfiguration configuration, OrganisationDirectory organisations) {
		this.configuration = configuration;
		this.organisations = organisations;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String commune : COMMUNES) {
			OrganisationId organisation = new OrganisationId(commune);
			if (!organisations.exists(organisation)) {
				continue;
			}
			TenantContext.runAs(organisation, () -> {
				if (!configuration.current().services().isEmpty()) {
					return;
				}
				seed(commune.equals("commune-21009"));
				LOG.info("Seeded demo appointment services for {} (demo data)", commune);
			});
		}
	}

	private void seed(boolean ixelles) {
		configuration.updateRules(60, 120, 15);
		ServiceView eid = configuration.addService("eid", "Carte d'identité électronique (démo)",
				"Elektronische identiteitskaart (demo)", "Electronic identity card (demo)", 15);
		ServiceView kids = configuration.addService("kids-id", "Kids-ID (démo)", "Kids-ID (demo)", "Kids-ID (demo)", 15);
		ServiceView passport = configuration.addService("passport", "Passeport (démo)", "Paspoort (demo)",
				"Passport (demo)", 30);
		ServiceView licence = configuration.addService("driving-licence", "Permis de conduire (démo)",
				"Rijbewijs (demo)", "Driving licence (demo)", 15);
		ServiceView certificate = configuration.addService("civil-status-certificate",
				"Extrait d'acte d'état civil (démo)", "Uittreksel uit een akte van de burgerlijke stand (demo)",
				"Civil-status certificate (demo)", 15);
		Set<UUID> all = List.of(eid, kids, passport, licence, certificate)
			.stream()
			.map(ServiceView::id)
			.collect(Collectors.toSet());
		configuration.addCounter("[Demo] Guichet 1 / Loket 1", 1, all);
		configuration.addCounter("[Demo] Guichet 2 / Loket 2", ixelles ? 2 : 1, Set.of(eid.id(), kids.id(), passport.id()));
		if (ixelles) {
			configuration.addCounter("[Demo] Guichet 3 / Loket 3", 1, Set.of(licence.id(), certificate.id()));
		}
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			configuration.addHours(day, LocalTime.of(8, 30), LocalTime.of(15, 30), LocalTime.of(12, 30),
					LocalTime.of(13, 30));
		}
		configuration.addHours(ixelles ? DayOfWeek.THURSDAY : DayOfWeek.TUESDAY, LocalTime.of(16, 30),
				LocalTime.of(19, 0), null, null);
		if (ixelles) {
			configuration.addHours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0), null, null);
		}
		LocalDate today = LocalDate.now();
		configuration.addClosure(LocalDate.of(today.getYear(), 12, 24), LocalDate.of(today.getYear(), 12, 26),
				"[Demo] Fermeture de fin d'année / Eindejaarssluiting");
	}
}
