package org.orchestra.counter;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The population register as the counter needs it: a person by national number and the household they live in.
 * The platform reaches the real register through the data-exchange integrator; the demo runs on synthetic persons.
 */
public interface PopulationRegister {

	Optional<Person> person(String nationalNumber);

	/** The members of the person's household, the person included, the reference person first. */
	List<Person> household(String nationalNumber);

	/** Where the adapter's data comes from, shown on certificates and pages (e.g. "synthetic"). */
	String source();

	/**
	 * A person as recorded in the register.
	 *
	 * @param relation the relation to the household's reference person ({@code REFERENCE}, {@code SPOUSE},
	 *        {@code PARTNER}, {@code CHILD}, {@code PARENT}, {@code OTHER})
	 * @param nisCode the commune of residence (NIS code)
	 */
	record Person(String nationalNumber, String firstName, String lastName, LocalDate birthDate, String birthPlace,
			String nationality, String sex, String street, String houseNumber, @Nullable String box, String postcode,
			String nisCode, String householdId, String relation, LocalDate residentSince,
			List<PreviousAddress> previousAddresses) {

		public String fullName() {
			return firstName + " " + lastName;
		}

		public String address() {
			return street + " " + houseNumber + (box == null || box.isBlank() ? "" : " bte/bus " + box) + ", "
					+ postcode;
		}

		public boolean adult(LocalDate today) {
			return !birthDate.plusYears(18).isAfter(today);
		}
	}

	/** A former address with the period the person lived there. */
	record PreviousAddress(String address, LocalDate from, LocalDate until) {
	}
}
