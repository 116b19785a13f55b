package org.orchestra.appointment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each booked appointment's reminder once, some time before it (the day before by default), through the
 * commune's outbox; and erases the citizen's name and e-mail once the retention period after the appointment has
 * passed. A reminder is claimed by a conditional update in the transaction that queues the e-mail, so that
 * several nodes or overlapping runs never send it twice.
 */
@Component
class AppointmentReminders {

	private static final Logger LOG = LoggerFactory.getLogger(AppointmentReminders.class);

	private final Appointments appointments;
	private final Planning planning;
	private final AppointmentMail mail;
	private final AppointmentBooking booking;
	private final AppointmentProperties properties;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;

	AppointmentReminders(Appointments appointments, Planning planning, AppointmentMail mail, AppointmentBooking booking,
			AppointmentProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.appointments = appointments;
		this.planning = planning;
		this.mail = mail;
		this.booking = booking;
		this.properties = properties;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Scheduled(fixedDelayString = "${orchestra.appointment.reminder-interval:10m}",
			initialDelayString = "${orchestra.appointment.reminder-interval:10m}")
	void scheduled() {
		try {
			sendDue();
			eraseExpired();
		}
		catch (RuntimeException ex) {
			LOG.warn("Appointment reminder round failed: {}", ex.getMessage());
		}
	}

	/** Sends the reminders that are due; returns how many were sent. */
	int sendDue() {
		Instant now = Instant.now();
		Map<UUID, String> due = TenantContext.callAsSystem(() -> transactions.execute(status -> {
			List<UUID> ids = appointments.dueForReminder(now, now.plus(properties.reminderBefore()),
					PageRequest.of(0, 500));
			return appointments.findAllById(ids)
				.stream()
				.collect(Collectors.toMap(Appointment::id, Appointment::organisationId));
		}));
		int sent = 0;
		for (Map.Entry<UUID, String> entry : due == null ? Map.<UUID, String>of().entrySet() : due.entrySet()) {
			OrganisationId organisation = new OrganisationId(entry.getValue());
			Boolean done = TenantContext.callAs(organisation, () -> transactions.execute(status -> {
				int claimed = jdbc.update("update appointment_booking set reminder_sent_at = ? where id = ? "
						+ "and organisation_id = ? and reminder_sent_at is null and status = 'BOOKED'",
						java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), entry.getKey(), organisation.value());
				if (claimed != 1) {
					return false;
				}
				Appointment appointment = appointments.findById(entry.getKey()).orElseThrow();
				mail.send("reminder", planning.view(appointment), booking.token(organisation, appointment));
				return true;
			}));
			if (Boolean.TRUE.equals(done)) {
				sent++;
			}
		}
		return sent;
	}

	/** Erases name and e-mail of appointments past the retention period; returns how many. */
	int eraseExpired() {
		return TenantContext.callAsSystem(() -> transactions.execute(status -> {
			List<Appointment> expired = appointments.toErase(Instant.now().minus(properties.retention()),
					PageRequest.of(0, 1000));
			expired.forEach(Appointment::erase);
			return expired.size();
		}));
	}
}
