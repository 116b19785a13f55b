package org.orchestra.opendata.harvest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Dates as catalogues write them: {@code xsd:date}, {@code xsd:dateTime} with or without a zone, ISO 8601 with a
 * space instead of the {@code T}, a year ({@code 2024}) or a year and month. Times without a zone are read as UTC.
 * Anything else is no date.
 */
final class LooseDates {

	private static final Pattern YEAR = Pattern.compile("-?\\d{4}");

	private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");

	private static final Pattern DATE_WITH_ZONE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(Z|[+-]\\d{2}:\\d{2})");

	private LooseDates() {
	}

	/** The instant a date or date-time stands for (a date is its first moment, UTC). */
	static @Nullable Instant instant(@Nullable String text) {
		String value = clean(text);
		if (value == null) {
			return null;
		}
		try {
			if (value.length() > 10 && value.charAt(10) == 'T') {
				if (value.endsWith("Z") || value.substring(10).matches(".*[+-]\\d{2}:?\\d{2}$")) {
					return OffsetDateTime.parse(withColonInOffset(value)).toInstant();
				}
				return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
			}
		}
		catch (DateTimeParseException e) {
			return null;
		}
		LocalDate date = date(value, false);
		return date == null ? null : date.atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	/**
	 * The day a date or date-time falls on; a year or a month alone stands for its first day, or for its last day
	 * when it ends a period.
	 */
	static @Nullable LocalDate date(@Nullable String text, boolean endOfPeriod) {
		String value = clean(text);
		if (value == null) {
			return null;
		}
		try {
			if (YEAR.matcher(value).matches()) {
				int year = Integer.parseInt(value);
				return endOfPeriod ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
			}
			if (YEAR_MONTH.matcher(value).matches()) {
				YearMonth month = YearMonth.parse(value);
				return endOfPeriod ? month.atEndOfMonth() : month.atDay(1);
			}
			var withZone = DATE_WITH_ZONE.matcher(value);
			if (withZone.matches()) {
				return LocalDate.parse(withZone.group(1));
			}
			if (value.length() >= 10 && (value.length() == 10 || value.charAt(10) == 'T')) {
				return LocalDate.parse(value.substring(0, 10));
			}
		}
		catch (DateTimeParseException | NumberFormatException e) {
			return null;
		}
		return null;
	}

	private static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String value = text.strip();
		if (value.isEmpty() || value.length() > 40) {
			return null;
		}
		if (value.length() > 10 && value.charAt(10) == ' ') {
			value = value.substring(0, 10) + "T" + value.substring(11).strip();
		}
		return value;
	}

	/** {@code +0200} → {@code +02:00}, which {@link OffsetDateTime#parse} wants. */
	private static String withColonInOffset(String value) {
		return value.matches(".*[+-]\\d{4}$")
				? value.substring(0, value.length() - 2) + ":" + value.substring(value.length() - 2) : value;
	}
}
