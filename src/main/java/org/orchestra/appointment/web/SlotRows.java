package org.orchestra.appointment.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.orchestra.appointment.AppointmentViews.DayAvailability;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns availability into what the slot pages show: localised day labels, times and closure reasons. */
@Component
class SlotRows {

	static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final MessageSource messages;

	SlotRows(MessageSource messages) {
		this.messages = messages;
	}

	record SlotRow(String value, String time, int free) {
	}

	record DayRow(LocalDate day, String label, @Nullable String closed, List<SlotRow> slots) {
	}

	List<DayRow> rows(List<DayAvailability> days, Locale locale) {
		DateTimeFormatter label = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
		return days.stream()
			.map(d -> new DayRow(d.day(), label.format(d.day()), closed(d.closedReason(), locale),
					d.slots()
						.stream()
						.map(s -> new SlotRow(s.start().toString(), TIME.format(s.start().atZone(ZONE)), s.free()))
						.toList()))
			.toList();
	}

	@Nullable
	String closed(@Nullable String reason, Locale locale) {
		if (reason == null) {
			return null;
		}
		return reason.startsWith("appointment.holiday.") ? messages.getMessage(reason, null, reason, locale) : reason;
	}

	String when(java.time.Instant start, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
			.withLocale(locale)
			.format(start.atZone(ZONE));
	}
}
