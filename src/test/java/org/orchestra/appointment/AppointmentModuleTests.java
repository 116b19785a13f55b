package org.orchestra.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orchestra.appointment.AppointmentViews.DayAvailability;
import org.orchestra.appointment.AppointmentViews.FreeSlot;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/** Appointments with their dependencies: a booking publishes the audited event, without personal data. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class AppointmentModuleTests {

	static final OrganisationId ETTERBEEK = new OrganisationId("commune-21005");

	@Autowired
	AppointmentConfiguration configuration;

	@Autowired
	AppointmentBooking booking;

	@Test
	void aBookingPublishesAppointmentChanged(Scenario scenario) {
		UUID service = TenantContext.callAs(ETTERBEEK, () -> {
			if (configuration.current().hours().isEmpty()) {
				configuration.updateRules(30, 0, 15);
				for (DayOfWeek day : DayOfWeek.values()) {
					configuration.addHours(day, LocalTime.of(8, 0), LocalTime.of(18, 0), LocalTime.of(12, 0),
							LocalTime.of(13, 0));
				}
			}
			UUID id = configuration.addService("m" + UUID.randomUUID().toString().substring(0, 8), "Module", "Module",
					null, 15).id();
			configuration.addCounter("Module", 1, Set.of(id));
			return id;
		});
		FreeSlot slot = booking.availability(ETTERBEEK, service, LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(1), 14)
			.stream()
			.map(DayAvailability::slots)
			.filter(s -> !s.isEmpty())
			.findFirst()
			.orElseThrow()
			.get(0);
		scenario.stimulate(() -> booking.book(ETTERBEEK, service, slot.start(), "Module Test", "module@example.org",
				Locale.of("nl"), null))
			.andWaitForEventOfType(AppointmentChanged.class)
			.matching(event -> event.type().equals("booked"))
			.toArriveAndVerify(event -> {
				assertThat(event.organisation()).isEqualTo(ETTERBEEK.value());
				assertThat(event.auditFacts().action()).isEqualTo("appointment.booked");
				assertThat(event.auditFacts().details()).doesNotContain("Module Test").doesNotContain("module@");
			});
	}
}
