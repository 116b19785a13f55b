package org.orchestra.identity;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NationalNumberTests {

	@Test
	void acceptsANumberOfSomeoneBornBefore2000() {
		NationalNumber number = new NationalNumber("85073003328");
		assertThat(number.bornFrom2000()).isFalse();
		assertThat(number.birthDate()).contains(LocalDate.of(1985, 7, 30));
		assertThat(number.formatted()).isEqualTo("85.07.30-033.28");
	}

	@Test
	void acceptsANumberOfSomeoneBornFrom2000() {
		// 97 - ((2 000 000 000 + 050315123) mod 97) = 67
		NationalNumber number = new NationalNumber("05031512367");
		assertThat(number.bornFrom2000()).isTrue();
		assertThat(number.birthDate()).contains(LocalDate.of(2005, 3, 15));
	}

	@Test
	void theRuleBefore2000DoesNotValidateANumberFrom2000() {
		// same first nine digits with the check digits of the pre-2000 rule: 97 - (50315123 mod 97)
		long preRule = 97 - (50315123L % 97);
		String candidate = String.format("050315123%02d", preRule);
		assertThat(NationalNumber.isValid(candidate)).isTrue();
		assertThat(new NationalNumber(candidate).bornFrom2000()).isFalse();
		assertThat(NationalNumber.isValid("05031512368")).isFalse();
	}

	@Test
	void rejectsWrongCheckDigits() {
		assertThat(NationalNumber.isValid("85073003329")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new NationalNumber("85073003300"));
	}

	@Test
	void rejectsWrongFormats() {
		assertThat(NationalNumber.isValid("8507300332")).isFalse();
		assertThat(NationalNumber.isValid("850730033288")).isFalse();
		assertThat(NationalNumber.isValid("85O73003328")).isFalse();
		assertThat(NationalNumber.isValid(null)).isFalse();
	}

	@Test
	void rejectsImpossibleMonths() {
		String base = "851330033";
		String number = base + String.format("%02d", 97 - (Long.parseLong(base) % 97));
		assertThat(NationalNumber.isValid(number)).isFalse();
	}

	@Test
	void acceptsBisNumbersWithTheirMonthShifted() {
		String base = "852730033";
		String number = base + String.format("%02d", 97 - (Long.parseLong(base) % 97));
		NationalNumber bis = new NationalNumber(number);
		assertThat(bis.bis()).isTrue();
		assertThat(bis.birthDate()).contains(LocalDate.of(1985, 7, 30));
	}

	@Test
	void parsesPunctuatedInputAndMasksForDisplay() {
		assertThat(NationalNumber.parse("85.07.30-033.28")).map(NationalNumber::value).contains("85073003328");
		assertThat(NationalNumber.parse("85 07 30 033 28")).isPresent();
		assertThat(NationalNumber.parse("85.07.30-033.29")).isEmpty();
		assertThat(new NationalNumber("85073003328").toString()).isEqualTo("85.07.30-***.**");
	}
}
