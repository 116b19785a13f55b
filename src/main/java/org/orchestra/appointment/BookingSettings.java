package org.orchestra.appointment;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** A commune's booking rules: how far ahead one may book, the minimum notice, and the length of a time cell. */
@Entity
@Table(name = "appointment_settings")
class BookingSettings {

	static final int DEFAULT_HORIZON_DAYS = 60;
	static final int DEFAULT_NOTICE_MINUTES = 120;
	static final int DEFAULT_GRID_MINUTES = 15;

	@Id
	private UUID id;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Column(name = "horizon_days", nullable = false)
	private int horizonDays;

	@Column(name = "min_notice_minutes", nullable = false)
	private int minNoticeMinutes;

	@Column(name = "grid_minutes", nullable = false)
	private int gridMinutes;

	@Version
	private long version;

	protected BookingSettings() {
	}

	BookingSettings(int horizonDays, int minNoticeMinutes, int gridMinutes) {
		this.id = UUID.randomUUID();
		update(horizonDays, minNoticeMinutes, gridMinutes);
	}

	void update(int horizonDays, int minNoticeMinutes, int gridMinutes) {
		this.horizonDays = horizonDays;
		this.minNoticeMinutes = minNoticeMinutes;
		this.gridMinutes = gridMinutes;
	}

	SlotPlanner.Rules rules() {
		return new SlotPlanner.Rules(horizonDays, minNoticeMinutes, gridMinutes);
	}
}
