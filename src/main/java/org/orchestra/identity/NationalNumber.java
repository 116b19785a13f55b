package org.orchestra.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A Belgian national register number (or BIS number): 11 digits {@code YYMMDDSSSCC}. The check digits are
 * {@code 97 - (n mod 97)} where {@code n} is the first nine digits for people born before 2000, and the same nine
 * digits prefixed with {@code 2} for people born from 2000 on. BIS numbers add 20 or 40 to the month. Punctuation
 * such as {@code 85.07.30-033.28} is accepted on input.
 */
public record NationalNumber(String value) {

	public NationalNumber {
		if (value == null || !isValid(value)) {
			throw new IllegalArgumentException("Invalid national number");
		}
	}

	/** Parses user input, ignoring dots, dashes and spaces. */
	public static Optional<NationalNumber> parse(@Nullable String input) {
		if (input == null) {
			return Optional.empty();
		}
		String digits = input.replaceAll("[\\s.\\-]", "");
		return isValid(digits) ? Optional.of(new NationalNumber(digits)) : Optional.empty();
	}

	public static boolean isValid(@Nullable String digits) {
		if (digits == null || !digits.matches("\\d{11}")) {
			return false;
		}
		long base = Long.parseLong(digits.substring(0, 9));
		int check = Integer.parseInt(digits.substring(9));
		boolean before2000 = 97 - (base % 97) == check;
		boolean from2000 = 97 - ((2_000_000_000L + base) % 97) == check;
		if (!before2000 && !from2000) {
			return false;
		}
		int month = Integer.parseInt(digits.substring(2, 4)) % 20;
		int day = Integer.parseInt(digits.substring(4, 6));
		return month <= 12 && day <= 31;
	}

	/** Whether the check digits use the rule for people born from 2000 on. */
	public boolean bornFrom2000() {
		long base = Long.parseLong(value.substring(0, 9));
		return 97 - (base % 97) != Integer.parseInt(value.substring(9));
	}

	/** Whether this is a BIS number (people not in the national register). */
	public boolean bis() {
		return Integer.parseInt(value.substring(2, 4)) > 12;
	}

	/** The birth date encoded in the number, when it is a full date. */
	public Optional<LocalDate> birthDate() {
		int year = Integer.parseInt(value.substring(0, 2)) + (bornFrom2000() ? 2000 : 1900);
		int month = Integer.parseInt(value.substring(2, 4)) % 20;
		int day = Integer.parseInt(value.substring(4, 6));
		try {
			return month == 0 || day == 0 ? Optional.empty() : Optional.of(LocalDate.of(year, month, day));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The number as commonly written: {@code YY.MM.DD-SSS.CC}. */
	public String formatted() {
		return value.substring(0, 2) + "." + value.substring(2, 4) + "." + value.substring(4, 6) + "-"
				+ value.substring(6, 9) + "." + value.substring(9);
	}

	/** Masked for display: only the birth date part is shown. */
	public String masked() {
		return value.substring(0, 2) + "." + value.substring(2, 4) + "." + value.substring(4, 6) + "-***.**";
	}

	@Override
	public String toString() {
		return masked();
	}
}
