package org.orchestra.appointment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.orchestra.shared.Inserts;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Services extends JpaRepository<BookableService, UUID> {

	List<BookableService> findAllByOrderByCodeAsc();

	Optional<BookableService> findByCode(String code);
}

interface Counters extends JpaRepository<Counter, UUID> {

	List<Counter> findAllByOrderByNameAsc();
}

interface Hours extends JpaRepository<OpeningHours, UUID> {
}

interface Closures extends JpaRepository<Closure, UUID> {
}

interface Settings extends JpaRepository<BookingSettings, UUID> {

	Optional<BookingSettings> findFirstBy();
}

interface Appointments extends JpaRepository<Appointment, UUID>, Inserts<Appointment> {

	List<Appointment> findByStartsAtGreaterThanEqualAndStartsAtLessThanOrderByStartsAtAsc(Instant from, Instant to);

	List<Appointment> findTop50ByAccountOrderByStartsAtDesc(String account);

	@Query("select a.id from Appointment a where a.status = org.orchestra.appointment.AppointmentStatus.BOOKED "
			+ "and a.reminderSentAt is null and a.startsAt > :now and a.startsAt <= :until order by a.startsAt")
	List<UUID> dueForReminder(Instant now, Instant until, Pageable page);

	@Query("select a from Appointment a where a.erased = false and a.endsAt < :before")
	List<Appointment> toErase(Instant before, Pageable page);

	@Query("select a.serviceId, a.status, count(a) from Appointment a where a.startsAt >= :from and a.startsAt < :to "
			+ "group by a.serviceId, a.status")
	List<Object[]> countByServiceAndStatus(Instant from, Instant to);
}
