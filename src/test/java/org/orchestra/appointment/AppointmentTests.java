package org.orchestra.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.appointment.AppointmentViews.Booked;
import org.orchestra.appointment.AppointmentViews.DayAvailability;
import org.orchestra.appointment.AppointmentViews.FreeSlot;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

/**
 * Booking against the database: capacity under concurrent attempts, signed links, iCalendar invitations in the
 * outbox, reminders, the desk, the API and the separation of communes.
 */
class AppointmentTests extends PlatformTests {

	static final OrganisationId ANDERLECHT = new OrganisationId("commune-21001");
	static final OrganisationId SCHAERBEEK = new OrganisationId("commune-21015");
	static final Locale FR = Locale.of("fr");

	@Autowired
	AppointmentConfiguration configuration;

	@Autowired
	AppointmentBooking booking;

	@Autowired
	AppointmentDesk desk;

	@Autowired
	AppointmentReminders reminders;

	@Autowired
	SignedLinks links;

	@BeforeEach
	void anderlechtOpensEveryDay() {
		TenantContext.runAs(ANDERLECHT, () -> {
			if (configuration.current().hours().isEmpty()) {
				configuration.updateRules(30, 0, 15);
				for (DayOfWeek day : DayOfWeek.values()) {
					configuration.addHours(day, LocalTime.of(7, 0), LocalTime.of(12, 0), null, null);
					configuration.addHours(day, LocalTime.of(13, 0), LocalTime.of(20, 0), null, null);
				}
			}
		});
	}

	/** A service of its own at a counter of its own, so that tests do not share seats. */
	UUID service(int capacity, int minutes) {
		return TenantContext.callAs(ANDERLECHT, () -> {
			UUID id = configuration.addService("t" + UUID.randomUUID().toString().substring(0, 8), "Service de test",
					"Testdienst", null, minutes).id();
			configuration.addCounter("Guichet " + id.toString().substring(0, 4), capacity, Set.of(id));
			return id;
		});
	}

	List<FreeSlot> slots(OrganisationId organisation, UUID service) {
		LocalDate tomorrow = LocalDate.now(SlotRowsZone.ZONE).plusDays(1);
		for (DayAvailability day : booking.availability(organisation, service, tomorrow, 14)) {
			if (day.slots().size() > 2) {
				return day.slots();
			}
		}
		throw new AssertionError("no free day");
	}

	static final class SlotRowsZone {
		static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Brussels");
	}

	static String email() {
		return "citizen-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	List<String> attachments(String recipient, String template) {
		return jdbc.queryForList("select a.content from notification_attachment a join notification_message m "
				+ "on m.id = a.message_id where m.recipient = ? and m.template = ? order by m.created_at", byte[].class,
				recipient, template)
			.stream()
			.map(b -> new String(b, StandardCharsets.UTF_8))
			.toList();
	}

	@Test
	void concurrentAttemptsOnTheLastSeatBookItExactlyOnce() throws Exception {
		UUID service = service(1, 15);
		Instant slot = slots(ANDERLECHT, service).get(0).start();
		assertThat(race(service, slot, 8)).containsExactlyInAnyOrder("ok", "appointment.error.slot-taken:409",
				"appointment.error.slot-taken:409", "appointment.error.slot-taken:409", "appointment.error.slot-taken:409",
				"appointment.error.slot-taken:409", "appointment.error.slot-taken:409", "appointment.error.slot-taken:409");
		assertThat(jdbc.queryForObject("select count(*) from appointment_booking where service_id = ? and starts_at = ?",
				Integer.class, service, OffsetDateTime.ofInstant(slot, ZoneOffset.UTC))).isEqualTo(1);
		assertThat(slots(ANDERLECHT, service)).extracting(FreeSlot::start).doesNotContain(slot);
	}

	@Test
	void aCapacityOfTwoTakesExactlyTwoAndAThirtyMinuteServiceTakesTwoCells() throws Exception {
		UUID service = service(2, 30);
		Instant slot = slots(ANDERLECHT, service).get(1).start();
		List<String> outcomes = race(service, slot, 6);
		assertThat(outcomes).filteredOn("ok"::equals).hasSize(2);
		assertThat(outcomes).filteredOn("appointment.error.slot-taken:409"::equals).hasSize(4);
		List<Instant> free = slots(ANDERLECHT, service).stream().map(FreeSlot::start).toList();
		// the slots before and after overlap the two booked cells
		assertThat(free).doesNotContain(slot, slot.minusSeconds(900), slot.plusSeconds(900));
		assertThat(jdbc.queryForList("select booked from appointment_cell c join appointment_counter k on k.id = "
				+ "c.counter_id join appointment_counter_service s on s.counter_id = k.id where s.service_id = ? "
				+ "order by c.starts_at", Integer.class, service)).containsExactly(2, 2);
	}

	List<String> race(UUID service, Instant slot, int threads) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			for (int i = 0; i < threads; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					start.await();
					try {
						booking.book(ANDERLECHT, service, slot, "Personne " + n, email(), FR, null);
						return "ok";
					}
					catch (AppointmentException ex) {
						return ex.messageKey() + ":" + ex.status();
					}
				}));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> future : futures) {
				outcomes.add(future.get());
			}
			return outcomes;
		}
	}

	@Test
	void bookingRulesRefuseBadInputWithoutStoringAnything() {
		UUID service = service(1, 15);
		Instant slot = slots(ANDERLECHT, service).get(0).start();
		int before = jdbc.queryForObject("select count(*) from appointment_booking", Integer.class);
		assertThatThrownBy(() -> booking.book(ANDERLECHT, service, slot.plusSeconds(60), "A", email(), FR, null))
			.hasMessage("appointment.error.slot-invalid");
		assertThatThrownBy(() -> booking.book(ANDERLECHT, service, Instant.now().minusSeconds(86400), "A", email(), FR,
				null))
			.hasMessage("appointment.error.slot-invalid");
		assertThatThrownBy(() -> booking.book(ANDERLECHT, service, Instant.now().plusSeconds(90L * 86400), "A", email(),
				FR, null))
			.hasMessage("appointment.error.slot-invalid");
		assertThatThrownBy(() -> booking.book(ANDERLECHT, service, slot, " ", email(), FR, null))
			.hasMessage("appointment.error.name-required");
		assertThatThrownBy(() -> booking.book(ANDERLECHT, service, slot, "A", "not-an-address", FR, null))
			.hasMessage("appointment.error.email");
		assertThatThrownBy(() -> booking.book(SCHAERBEEK, service, slot, "A", email(), FR, null))
			.as("a service of another commune")
			.hasMessage("appointment.error.service");
		assertThat(jdbc.queryForObject("select count(*) from appointment_booking", Integer.class)).isEqualTo(before);
	}

	@Test
	void invitationsKeepTheirUidRaiseTheSequenceAndCancel() {
		UUID service = service(1, 15);
		List<FreeSlot> free = slots(ANDERLECHT, service);
		String email = email();
		Booked booked = booking.book(ANDERLECHT, service, free.get(0).start(), "Zoë Dupont; \"Brussels\"", email,
				FR, null);
		Booked moved = booking.reschedule(booked.manageToken(), free.get(2).start());
		booking.cancel(moved.manageToken());

		List<String> confirmed = ICalendarTests.unfold(attachments(email, "appointment/confirmed").get(0));
		List<String> rescheduled = ICalendarTests.unfold(attachments(email, "appointment/rescheduled").get(0));
		List<String> cancelled = ICalendarTests.unfold(attachments(email, "appointment/cancelled").get(0));
		String uid = ICalendarTests.value(confirmed, "UID");
		assertThat(uid).startsWith(booked.appointment().id().toString());
		assertThat(ICalendarTests.value(rescheduled, "UID")).isEqualTo(uid);
		assertThat(ICalendarTests.value(cancelled, "UID")).isEqualTo(uid);
		int first = Integer.parseInt(ICalendarTests.value(confirmed, "SEQUENCE"));
		int second = Integer.parseInt(ICalendarTests.value(rescheduled, "SEQUENCE"));
		int third = Integer.parseInt(ICalendarTests.value(cancelled, "SEQUENCE"));
		assertThat(second).isGreaterThan(first);
		assertThat(third).isGreaterThan(second);
		assertThat(ICalendarTests.value(confirmed, "DTSTART"))
			.isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
				.withZone(ZoneOffset.UTC)
				.format(free.get(0).start()));
		assertThat(ICalendarTests.value(rescheduled, "DTSTART")).isNotEqualTo(ICalendarTests.value(confirmed, "DTSTART"));
		assertThat(confirmed).contains("METHOD:REQUEST", "STATUS:CONFIRMED");
		assertThat(cancelled).contains("METHOD:CANCEL", "STATUS:CANCELLED");
		assertThat(jdbc.queryForObject("select content_type from notification_attachment a join notification_message m "
				+ "on m.id = a.message_id where m.recipient = ? and m.template = 'appointment/cancelled'", String.class,
				email)).contains("method=CANCEL");
		String body = jdbc.queryForObject("select body from notification_message where recipient = ? and template = ?",
				String.class, email, "appointment/confirmed");
		assertThat(body).contains("/appointments/manage/" + booked.manageToken()).contains("Zoë Dupont");
		// the old seat was given back, the new one taken and given back on cancellation
		assertThat(slots(ANDERLECHT, service)).extracting(FreeSlot::start).contains(free.get(0).start(), free.get(2).start());
	}

	@Test
	void signedLinksRefuseTamperedReusedAndExpiredLinks() throws Exception {
		UUID service = service(1, 15);
		List<FreeSlot> free = slots(ANDERLECHT, service);
		Booked booked = booking.book(ANDERLECHT, service, free.get(0).start(), "A", email(), FR, null);
		String token = booked.manageToken();
		assertThat(booking.view(token).id()).isEqualTo(booked.appointment().id());

		String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
		assertThatThrownBy(() -> booking.view(tampered)).hasMessage("appointment.link.invalid");
		String forged = links.sign(new SignedLinks.Claims(ANDERLECHT, booked.appointment().id(), SignedLinks.MANAGE,
				Instant.now().plusSeconds(3600), 0)).replaceAll("\\..*", ".") + token.substring(token.indexOf('.') + 1);
		assertThatThrownBy(() -> booking.view(forged)).hasMessage("appointment.link.invalid");
		assertThatThrownBy(() -> booking.cancel(links.sign(new SignedLinks.Claims(ANDERLECHT, booked.appointment().id(),
				"other", Instant.now().plusSeconds(3600), 0)))).hasMessage("appointment.link.invalid");
		String expired = links.sign(new SignedLinks.Claims(ANDERLECHT, booked.appointment().id(), SignedLinks.MANAGE,
				Instant.now().minusSeconds(1), 0));
		assertThatThrownBy(() -> booking.cancel(expired)).hasMessage("appointment.link.expired")
			.extracting(e -> ((AppointmentException) e).status())
			.isEqualTo(410);

		Booked moved = booking.reschedule(token, free.get(1).start());
		assertThatThrownBy(() -> booking.cancel(token)).hasMessage("appointment.link.used");
		assertThatThrownBy(() -> booking.reschedule(token, free.get(2).start())).hasMessage("appointment.link.used");
		assertThat(booking.view(moved.manageToken()).start()).isEqualTo(free.get(1).start());

		// pages say so in the user's language, with 410
		mvc.perform(get("/appointments/manage/" + token).header("Accept-Language", "nl"))
			.andExpect(status().isGone())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("werd al gebruikt")));
		mvc.perform(get("/appointments/manage/" + tampered).header("Accept-Language", "fr"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("pas valide")));
		mvc.perform(post("/api/appointments/bookings/" + token + "/cancel").header("Accept-Language", "en"))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.code").value("appointment.link.used"));
	}

	@Test
	void remindersAreSentOnceEvenByOverlappingRuns() throws Exception {
		UUID service = service(1, 15);
		String email = email();
		Booked booked = booking.book(ANDERLECHT, service, slots(ANDERLECHT, service).get(0).start(), "A", email, FR,
				null);
		assertThat(attachments(email, "appointment/reminder")).isEmpty();
		jdbc.update("update appointment_booking set starts_at = ?, ends_at = ? where id = ?",
				OffsetDateTime.now(ZoneOffset.UTC).plusHours(3), OffsetDateTime.now(ZoneOffset.UTC).plusHours(3).plusMinutes(15),
				booked.appointment().id());
		try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				runs.add(pool.submit(reminders::sendDue));
			}
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		reminders.sendDue();
		assertThat(jdbc.queryForObject("select count(*) from notification_message where recipient = ? and template = ?",
				Integer.class, email, "appointment/reminder")).isEqualTo(1);
		assertThat(attachments(email, "appointment/reminder")).hasSize(1);
	}

	@Test
	void agentsSeeAndMarkOnlyTheirCommunesAppointments() throws Exception {
		UUID service = TenantContext.callAs(SCHAERBEEK, () -> configuration.current().services().get(0).id());
		FreeSlot slot = slots(SCHAERBEEK, service).get(0);
		Booked booked = booking.book(SCHAERBEEK, service, slot.start(), "Schaerbeekois", email(), FR, null);
		UUID id = booked.appointment().id();
		LocalDate day = LocalDate.ofInstant(slot.start(), SlotRowsZone.ZONE);

		MockHttpSession schaerbeek = login("agent.schaerbeek");
		mvc.perform(get("/desk/appointments").param("day", day.toString()).session(schaerbeek))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(booked.appointment().reference())));
		MockHttpSession ixelles = login("agent.ixelles");
		mvc.perform(get("/desk/appointments").param("day", day.toString()).session(ixelles))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(
					org.hamcrest.Matchers.containsString(booked.appointment().reference()))));
		mvc.perform(post("/desk/appointments/" + id + "/status").param("status", "ARRIVED").session(ixelles).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select status from appointment_booking where id = ?", String.class, id))
			.isEqualTo("BOOKED");

		// no-show only once the time has come
		mvc.perform(post("/desk/appointments/" + id + "/status").param("status", "NO_SHOW").session(schaerbeek)
			.with(csrf())).andExpect(status().isConflict());
		jdbc.update("update appointment_booking set starts_at = ?, ends_at = ? where id = ?",
				OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(45), id);
		mvc.perform(post("/desk/appointments/" + id + "/status").param("status", "NO_SHOW").session(schaerbeek)
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select status from appointment_booking where id = ?", String.class, id))
			.isEqualTo("NO_SHOW");
		AppointmentViews.ServiceStatistics statistics = TenantContext.callAs(SCHAERBEEK,
				() -> desk.statistics(LocalDate.now(SlotRowsZone.ZONE).minusDays(1), LocalDate.now(SlotRowsZone.ZONE)))
			.stream()
			.filter(s -> s.serviceId().equals(service))
			.findFirst()
			.orElseThrow();
		assertThat(statistics.noShow()).isGreaterThanOrEqualTo(1);
		assertThat(statistics.booked()).isGreaterThanOrEqualTo(statistics.noShow());
		mvc.perform(get("/desk/appointments/stats").session(schaerbeek))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-service=\"" + service + "\"")));
		mvc.perform(get("/desk/appointments/stats.csv").session(schaerbeek))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.startsWith("service,booked,done,no_show")));

		// an Ixelles administrator cannot touch Schaerbeek's configuration either
		UUID schaerbeekCounter = TenantContext.callAs(SCHAERBEEK, () -> configuration.current().counters().get(0).id());
		mvc.perform(post("/admin/appointments/counters/" + schaerbeekCounter).param("name", "Pris")
			.param("capacity", "5")
			.param("services", service.toString())
			.param("active", "true")
			.session(login("admin.ixelles"))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/admin/appointments").session(ixelles)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/appointments").session(login("admin.schaerbeek")).header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Reservatieregels")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("[Demo] Guichet 1")));
	}

	@Test
	void thePagesBookWithoutJavaScriptAndExplainMistakes() throws Exception {
		UUID service = service(1, 15);
		FreeSlot slot = slots(ANDERLECHT, service).get(0);
		mvc.perform(get("/appointments").header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Anderlecht")));
		mvc.perform(get("/appointments/" + ANDERLECHT.value() + "/" + service).header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + slot.start() + "\"")));
		mvc.perform(post("/appointments/" + ANDERLECHT.value() + "/" + service).param("slot", slot.start().toString())
			.param("name", "Jan")
			.param("email", "jan@")
			.header("Accept-Language", "nl")
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Vul een geldig e-mailadres in")));
		String email = email();
		String location = mvc
			.perform(post("/appointments/" + ANDERLECHT.value() + "/" + service).param("slot", slot.start().toString())
				.param("name", "Jan")
				.param("email", email)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/appointments/manage/");
		// the same slot again: a conflict, with other slots offered
		mvc.perform(post("/appointments/" + ANDERLECHT.value() + "/" + service).param("slot", slot.start().toString())
			.param("name", "Piet")
			.param("email", email())
			.header("Accept-Language", "en")
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("this slot has just been taken")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"slot\"")));
		mvc.perform(get(location)).andExpect(status().isOk());
		mvc.perform(post(location + "/cancel").with(csrf())).andExpect(status().isOk());
		assertThat(jdbc.queryForObject("select status from appointment_booking where email = ?", String.class, email))
			.isEqualTo("CANCELLED");
	}

	@Test
	void aSignedInCitizenFindsTheirAppointmentsAndOthersDoNot() throws Exception {
		UUID service = service(1, 15);
		FreeSlot slot = slots(ANDERLECHT, service).get(0);
		MockHttpSession citizen = login("citizen.demo");
		String location = mvc
			.perform(post("/appointments/" + ANDERLECHT.value() + "/" + service).param("slot", slot.start().toString())
				.param("name", "Demo Citizen")
				.param("email", email())
				.session(citizen)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String reference = jdbc.queryForObject(
				"select id from appointment_booking where account = 'citizen.demo' and service_id = ?", UUID.class, service)
			.toString()
			.substring(0, 8)
			.toUpperCase(Locale.ROOT);
		mvc.perform(get("/appointments/mine").session(citizen))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(reference)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(location)));
		mvc.perform(get("/appointments/mine").session(login("agent.ixelles")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(reference))));
		mvc.perform(get("/appointments/mine")).andExpect(status().isUnauthorized());
	}

	@Test
	void aClosureTakesItsDaysOutOfTheSlotsAndTheBookingRules() {
		UUID service = service(1, 15);
		FreeSlot slot = slots(ANDERLECHT, service).get(0);
		LocalDate day = LocalDate.ofInstant(slot.start(), SlotRowsZone.ZONE);
		UUID closure = TenantContext.callAs(ANDERLECHT, () -> configuration.addClosure(day, day, "Inventaire"));
		try {
			DayAvailability closed = booking.availability(ANDERLECHT, service, day, 1).get(0);
			assertThat(closed.closedReason()).isEqualTo("Inventaire");
			assertThat(closed.slots()).isEmpty();
			assertThatThrownBy(() -> booking.book(ANDERLECHT, service, slot.start(), "A", email(), FR, null))
				.hasMessage("appointment.error.slot-invalid");
			assertThatThrownBy(() -> TenantContext.runAs(ANDERLECHT,
					() -> configuration.addClosure(day.plusDays(2), day, "Backwards")))
				.hasMessage("appointment.error.closure-dates");
		}
		finally {
			TenantContext.runAs(ANDERLECHT, () -> configuration.removeClosure(closure));
		}
		assertThat(booking.availability(ANDERLECHT, service, day, 1).get(0).slots()).isNotEmpty();
	}

	@Test
	void theApiBooksReschedulesAndAnswersConflictsWithStructuredErrors() throws Exception {
		UUID service = service(1, 15);
		List<FreeSlot> free = slots(ANDERLECHT, service);
		mvc.perform(get("/api/appointments/organisations/" + ANDERLECHT.value() + "/services"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + service + "')].durationMinutes").value(15));
		mvc.perform(get("/api/appointments/organisations/" + ANDERLECHT.value() + "/services/" + service + "/slots")
			.param("days", "14"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(14));
		String body = "{\"service\":\"" + service + "\",\"start\":\"" + free.get(0).start()
				+ "\",\"name\":\"Api\",\"email\":\"" + email() + "\",\"language\":\"nl\"}";
		String created = mvc
			.perform(post("/api/appointments/organisations/" + ANDERLECHT.value() + "/bookings")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("BOOKED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = created.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		mvc.perform(post("/api/appointments/organisations/" + ANDERLECHT.value() + "/bookings")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("Api", "Other"))
			.header("Accept-Language", "fr"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("appointment.error.slot-taken"))
			.andExpect(jsonPath("$.detail").value("Désolé, ce créneau vient d’être pris."));
		mvc.perform(post("/api/appointments/bookings/" + token + "/reschedule").contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + free.get(1).start() + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sequence").value(1))
			.andExpect(jsonPath("$.start").value(free.get(1).start().toString()));
		mvc.perform(post("/api/appointments/organisations/" + ANDERLECHT.value() + "/bookings")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"service\":\"" + service + "\",\"start\":\"yesterday\",\"name\":\"A\",\"email\":\"a@b.be\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("appointment.error.slot-invalid"));
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(
					"/api/appointments/organisations/{organisation}/services/{service}/slots")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/api/appointments/bookings/{token}/reschedule")));
	}

	@Test
	void theAssistantKnowsEachCommunesServicesAndHours() {
		List<org.orchestra.shared.KnowledgeContribution.KnowledgeEntry> entries = new AppointmentKnowledge(booking,
				organisationDirectory, messageSource).knowledge();
		org.orchestra.shared.KnowledgeContribution.KnowledgeEntry ixelles = entries.stream()
			.filter(e -> "commune-21009".equals(e.organisationCode()))
			.findFirst()
			.orElseThrow();
		assertThat(ixelles.text().fr()).contains("Passeport").contains("08:30");
		assertThat(ixelles.text().nl()).contains("Paspoort");
		assertThat(ixelles.link()).isEqualTo("/appointments/commune-21009");
	}

	@Autowired
	org.orchestra.tenancy.OrganisationDirectory organisationDirectory;

	@Autowired
	org.springframework.context.MessageSource messageSource;

	@Test
	void erasureRemovesNameAndEmailAfterTheRetentionPeriod() {
		UUID service = service(1, 15);
		Booked booked = booking.book(ANDERLECHT, service, slots(ANDERLECHT, service).get(0).start(), "Effacé", email(),
				FR, null);
		jdbc.update("update appointment_booking set starts_at = ?, ends_at = ? where id = ?",
				OffsetDateTime.now(ZoneOffset.UTC).minusDays(40), OffsetDateTime.now(ZoneOffset.UTC).minusDays(40),
				booked.appointment().id());
		reminders.eraseExpired();
		assertThat(jdbc.queryForMap("select name, email, erased from appointment_booking where id = ?",
				booked.appointment().id())).containsEntry("name", "[erased]").containsEntry("email", "[erased]");
	}
}
