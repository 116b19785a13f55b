package org.orchestra.appointment;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ten legal public holidays of Belgium, on which the communes' counters are closed: the fixed dates and
 * those that follow Easter. Regional or community holidays (8 May for the Brussels Region, 11 July, 27 September)
 * are not commune holidays; communes add them as closures when they close.
 */
public final class BelgianHolidays {

	private BelgianHolidays() {
	}

	/** The holidays of a year, in date order, with the message key of their name. */
	public static Map<LocalDate, String> of(int year) {
		Map<LocalDate, String> days = new TreeMap<>();
		LocalDate easter = easterSunday(year);
		days.put(LocalDate.of(year, 1, 1), "appointment.holiday.new-year");
		days.put(easter, "appointment.holiday.easter");
		days.put(easter.plusDays(1), "appointment.holiday.easter-monday");
		days.put(LocalDate.of(year, 5, 1), "appointment.holiday.labour-day");
		days.put(easter.plusDays(39), "appointment.holiday.ascension");
		days.put(easter.plusDays(49), "appointment.holiday.pentecost");
		days.put(easter.plusDays(50), "appointment.holiday.whit-monday");
		days.put(LocalDate.of(year, 7, 21), "appointment.holiday.national-day");
		days.put(LocalDate.of(year, 8, 15), "appointment.holiday.assumption");
		days.put(LocalDate.of(year, 11, 1), "appointment.holiday.all-saints");
		days.put(LocalDate.of(year, 11, 11), "appointment.holiday.armistice");
		days.put(LocalDate.of(year, 12, 25), "appointment.holiday.christmas");
		return days;
	}

	public static boolean isHoliday(LocalDate day) {
		return of(day.getYear()).containsKey(day);
	}

	/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm of Meeus/Jones/Butcher). */
	public static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = (h + l - 7 * m + 114) % 31 + 1;
		return MonthDay.of(month, day).atYear(year);
	}
}
