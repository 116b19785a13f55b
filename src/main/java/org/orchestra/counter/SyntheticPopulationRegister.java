package org.orchestra.counter;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A register of clearly synthetic persons, for the demo and the tests: every name is marked as fictitious and the
 * national numbers are valid but belong to no one known. The production adapter goes through the data-exchange
 * integrator ({@code orchestra.counter.register=exchange}).
 */
@Component
@ConditionalOnProperty(name = "orchestra.counter.register", havingValue = "synthetic", matchIfMissing = true)
class SyntheticPopulationRegister implements PopulationRegister {

	private static final List<String> ORDER = List.of("REFERENCE", "SPOUSE", "PARTNER", "CHILD", "PARENT", "OTHER");

	private final Map<String, Person> persons;

	SyntheticPopulationRegister() {
		List<Person> all = List.of(
				// Household in Ixelles: the demo citizen, a spouse, a minor child and an adult child.
				person("85073003328", "Camille", "Fictif-Demo", "1985-07-30", "Ixelles", "F", "Rue du Bailli", "12",
						"3", "1050", "21009", "H-IX-001", "REFERENCE", "2019-04-01",
						List.of(new PreviousAddress("Chaussée de Haecht 140, 1030", LocalDate.parse("2012-09-01"),
								LocalDate.parse("2019-03-31")))),
				person("86020412226", "Jan", "Fictief-Demo", "1986-02-04", "Gent", "M", "Rue du Bailli", "12", "3",
						"1050", "21009", "H-IX-001", "SPOUSE", "2019-04-01", List.of()),
				person("15061500132", "Lina", "Fictif-Demo", "2015-06-15", "Ixelles", "F", "Rue du Bailli", "12", "3",
						"1050", "21009", "H-IX-001", "CHILD", "2019-04-01", List.of()),
				person("05090100268", "Noah", "Fictif-Demo", "2005-09-01", "Etterbeek", "M", "Rue du Bailli", "12",
						"3", "1050", "21009", "H-IX-001", "CHILD", "2019-04-01", List.of()),
				// A resident of Schaerbeek.
				person("90010100123", "Sam", "Voorbeeld-Demo", "1990-01-01", "Schaerbeek", "X", "Avenue Louis Bertrand",
						"50", null, "1030", "21015", "H-SC-001", "REFERENCE", "2016-01-15", List.of()),
				// ... with a partner of Spanish nationality.
				new Person("92051500260", "Lucía", "Ejemplo-Demo", LocalDate.parse("1992-05-15"), "Sevilla", "ES",
						"F", "Avenue Louis Bertrand", "50", null, "1030", "21015", "H-SC-001", "PARTNER",
						LocalDate.parse("2021-09-01"), List.of()),
				// A resident of Anderlecht with a partner.
				person("78111000156", "Inès", "Exemple-Demo", "1978-11-10", "Anderlecht", "F", "Rue Wayez", "8", null,
						"1070", "21001", "H-AN-001", "REFERENCE", "2010-06-01", List.of()),
				person("80031500285", "Pieter", "Voorbeeld-Demo", "1980-03-15", "Leuven", "M", "Rue Wayez", "8", null,
						"1070", "21001", "H-AN-001", "PARTNER", "2014-02-01", List.of()));
		this.persons = all.stream().collect(Collectors.toMap(Person::nationalNumber, Function.identity()));
	}

	private static Person person(String nn, String first, String last, String birth, String birthPlace, String sex,
			String street, String number, String box, String postcode, String nis, String household, String relation,
			String since, List<PreviousAddress> previous) {
		return new Person(nn, first, last, LocalDate.parse(birth), birthPlace, "BE", sex, street, number, box,
				postcode, nis, household, relation, LocalDate.parse(since), previous);
	}

	@Override
	public Optional<Person> person(String nationalNumber) {
		return Optional.ofNullable(persons.get(nationalNumber));
	}

	@Override
	public List<Person> household(String nationalNumber) {
		Person person = persons.get(nationalNumber);
		if (person == null) {
			return List.of();
		}
		return persons.values().stream().filter(p -> p.householdId().equals(person.householdId()))
				.sorted(Comparator.comparingInt((Person p) -> ORDER.indexOf(p.relation()))
						.thenComparing(Person::birthDate))
				.toList();
	}

	@Override
	public String source() {
		return "synthetic";
	}
}
