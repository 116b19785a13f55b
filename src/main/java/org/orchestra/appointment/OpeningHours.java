package org.orchestra.appointment;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** One opening period of a weekday, with an optional break (lunch). A day may have several periods. */
@Entity
@Table(name = "appointment_hours")
class OpeningHours {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Column(name = "day_of_week", nullable = false)
	private int dayOfWeek;

	@Column(nullable = false)
	private LocalTime opens;

	@Column(nullable = false)
	private LocalTime closes;

	@Column(name = "break_starts")
	private @Nullable LocalTime breakStarts;

	@Column(name = "break_ends")
	private @Nullable LocalTime breakEnds;

	@Version
	private long version;

	protected OpeningHours() {
	}

	OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes, @Nullable LocalTime breakStarts,
			@Nullable LocalTime breakEnds) {
		this.id = UUID.randomUUID();
		this.dayOfWeek = day.getValue();
		this.opens = opens;
		this.closes = closes;
		this.breakStarts = breakStarts;
		this.breakEnds = breakEnds;
	}

	UUID id() {
		return id;
	}

	SlotPlanner.Period period() {
		return new SlotPlanner.Period(DayOfWeek.of(dayOfWeek), opens, closes, breakStarts, breakEnds);
	}
}
